// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { errorCodes } from '@/shared/api-schema';
import { ApiRequestError } from './api-client';
import { describeExportFailure, describeLoadError, describeProblem, toProblem } from './error-text';

describe('describeProblem (live numbers)', () => {
  it('never puts the server message of a known problem on screen, and never a key', () => {
    const text = describeProblem({ code: 'upstream_auth', message: 'key abc123 rejected' });
    expect(`${text.title} ${text.detail}`).not.toContain('abc123');
    expect(text.detail).toBe('Ask your administrator to check WELLPOINT_ACCESS_KEY.');
  });

  it('says an unexpected code in general words, with the server’s message as the detail', () => {
    expect(describeProblem({ code: 'internal', message: 'boom' })).toEqual({
      title: 'The server could not deliver the live numbers.',
      detail: 'boom',
      tone: 'vendor',
    });
  });
});

describe('describeLoadError (charts)', () => {
  const error = (code: ConstructorParameters<typeof ApiRequestError>[0]['code'], message = 'm') => new ApiRequestError({ status: 502, code, message });

  it.each([
    ['network', 'The server could not be reached. Check the connection.'],
    ['upstream_auth', 'WELLPOINT rejected the access key, so no counts can be loaded. An administrator needs to check it.'],
    ['no_data', 'There are no counts for this period.'],
    ['internal', 'The server could not load the counts.'],
  ] as const)('%s: “%s”', (code, text) => {
    expect(describeLoadError(error(code))).toBe(text);
  });

  it('a bad request says the server’s reason; anything thrown that is not an API error is said in general words', () => {
    expect(describeLoadError(error('bad_request', 'from is not a date'))).toBe('from is not a date');
    expect(describeLoadError(new TypeError('x'))).toBe('Something went wrong while loading the counts.');
  });
});

describe('describeExportFailure', () => {
  it.each([
    ['upstream_auth', 'WELLPOINT did not accept the access key'],
    ['upstream_unavailable', 'WELLPOINT is not answering'],
    ['upstream_timeout', 'WELLPOINT took too long to start the file'],
    ['no_pro_devices', 'No PRO devices to export'],
    ['no_data', 'No counts to export'],
    ['rate_limited', 'Too many exports are running'],
    ['network', 'The server could not be reached'],
  ] as const)('%s: “%s”, and that nothing was saved', (code, title) => {
    const text = describeExportFailure({ code, message: 'm' });
    expect(text.title).toBe(title);
    expect(`${text.title} ${text.detail}`).toMatch(/nothing was saved|no file was saved/i);
  });

  it('no rows for the chosen devices: the server’s own reason', () => {
    expect(describeExportFailure({ code: 'no_data', message: 'None of the chosen devices is a PRO-plan device.', field: 'devices' }).detail).toBe(
      'None of the chosen devices is a PRO-plan device.',
    );
  });
});

describe('the table', () => {
  it('has words for every code the server sends, in every context', () => {
    for (const code of errorCodes) {
      const problem = { code, message: 'm' };
      expect(describeProblem(problem).title).not.toBe('');
      expect(describeExportFailure(problem).title).not.toBe('');
      expect(describeLoadError(new ApiRequestError({ status: 500, ...problem }))).not.toBe('');
    }
  });

  it('keeps the code, message and field of an API error', () => {
    expect(toProblem(new ApiRequestError({ status: 400, code: 'bad_request', message: 'm', field: 'to' }))).toEqual({
      code: 'bad_request',
      message: 'm',
      field: 'to',
    });
    expect(toProblem(new Error('boom'))).toEqual({ code: 'internal', message: 'boom' });
  });
});
