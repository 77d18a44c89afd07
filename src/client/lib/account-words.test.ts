// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { describeAccountFailure, inMinutes } from './error-text';
import { checkNewPassword } from './password-rule';

describe('describeAccountFailure', () => {
  it('says how long to wait after too many attempts, in whole minutes', () => {
    expect(describeAccountFailure({ code: 'rate_limited', message: 'x', retryInSeconds: 840 }, 'sign-in').message).toBe(
      'Too many attempts. Try again in 14 minutes.',
    );
    expect(describeAccountFailure({ code: 'rate_limited', message: 'x', retryInSeconds: 30 }, 'sign-in').message).toBe(
      'Too many attempts. Try again in 1 minute.',
    );
    expect(describeAccountFailure({ code: 'rate_limited', message: 'x' }, 'sign-in').message).toBe('Too many attempts. Wait a few minutes, then try again.');
  });

  it('words a refused sign-in without saying which half was wrong', () => {
    expect(describeAccountFailure({ code: 'bad_credentials', message: 'The email or password is wrong.' }, 'sign-in')).toEqual({
      message: 'Wrong email or password. Check both and try again.',
    });
  });

  it('puts a wrong current password under its field', () => {
    expect(describeAccountFailure({ code: 'bad_request', message: 'The current password is wrong.', field: 'currentPassword' }, 'change-password')).toEqual({
      message: 'This is not your current password.',
      field: 'currentPassword',
    });
  });

  it('says an expired or used link no longer works, whatever refusal the server chose', () => {
    for (const code of ['bad_request', 'unauthorized', 'forbidden', 'not_found'] as const) {
      expect(describeAccountFailure({ code, message: 'x', field: 'token' }, 'set-password').message).toBe(
        'This link has expired or was already used. Ask an administrator for a new one.',
      );
    }
    expect(describeAccountFailure({ code: 'bad_request', message: 'Too short', field: 'newPassword' }, 'set-password')).toEqual({
      message: 'Too short',
      field: 'newPassword',
    });
    expect(describeAccountFailure({ code: 'internal', message: 'x' }, 'set-password').message).toBe(
      'Something went wrong on the server. Try again in a moment.',
    );
  });

  it('keeps the server’s words for a refused field, without the field’s code name, and says when the server cannot be reached', () => {
    expect(describeAccountFailure({ code: 'bad_request', message: 'email is not an email address.', field: 'email' }, 'setup')).toEqual({
      message: 'This is not an email address.',
      field: 'email',
    });
    expect(describeAccountFailure({ code: 'bad_request', message: 'Not an email address', field: 'email' }, 'setup').message).toBe('Not an email address');
    expect(describeAccountFailure({ code: 'bad_request', message: 'The setup code is wrong.', field: 'code' }, 'setup')).toEqual({
      message: 'This setup code is not right. Copy it again from the server’s log.',
      field: 'code',
    });
    expect(describeAccountFailure({ code: 'conflict', message: 'Already set up' }, 'setup').message).toBe('This server is set up already. Sign in instead.');
    expect(describeAccountFailure({ code: 'network', message: 'x' }, 'sign-in').message).toBe(
      'The server could not be reached. Check the connection and try again.',
    );
  });

  it('rounds waits up to whole minutes', () => {
    expect(inMinutes(0)).toBe('1 minute');
    expect(inMinutes(61)).toBe('2 minutes');
  });
});

describe('checkNewPassword', () => {
  it('asks for at least 10 characters, counted as a person counts them, typed the same twice', () => {
    expect(checkNewPassword('', '')).toEqual({ password: 'Type a new password.' });
    expect(checkNewPassword('123456789', '123456789').password).toMatch(/9 characters long; it needs at least 10/);
    // Ten characters, some outside the basic plane (two UTF-16 units each).
    expect(checkNewPassword('🔑🔑🔑🔑🔑abcde', '🔑🔑🔑🔑🔑abcde')).toEqual({});
    expect(checkNewPassword('🔑🔑🔑🔑abcde', '🔑🔑🔑🔑abcde').password).toMatch(/9 characters long/);
    expect(checkNewPassword('1234567890', '1234567899')).toEqual({ again: 'The two passwords are not the same.' });
  });
});
