import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '@/client/lib/api-client';
import { describePeopleFailure, linkExpiryWords } from './people-words';

describe('linkExpiryWords', () => {
  // 13:05 in Budapest on Thursday 26 November; the link runs out a day later.
  const now = Date.parse('2026-11-26T12:05:00Z');

  // The zone is named only when it is not this machine's own (formatClockTime's rule).
  const zone = '( GMT\\+1| CET)?';

  it('says the time and "tomorrow" for a link made today', () => {
    expect(linkExpiryWords('2026-11-27T12:05:00Z', now, 'Europe/Budapest')).toMatch(new RegExp(`^(13:05|1:05\\sPM)${zone} tomorrow$`));
  });

  it('says "today" for the same local day and the date beyond tomorrow', () => {
    expect(linkExpiryWords('2026-11-26T20:00:00Z', now, 'Europe/Budapest')).toMatch(new RegExp(`^(21:00|9:00\\sPM)${zone} today$`));
    expect(linkExpiryWords('2026-11-28T09:00:00Z', now, 'Europe/Budapest')).toMatch(new RegExp(`^Sat.*(28.*Nov|Nov 28), (10:00|10:00\\sAM)${zone}$`));
  });

  it('counts days in the given zone, not in UTC', () => {
    // 23:30 UTC on the 26th is already the 27th in Budapest: tomorrow, not today.
    expect(linkExpiryWords('2026-11-26T23:30:00Z', now, 'Europe/Budapest')).toMatch(/tomorrow$/);
    expect(linkExpiryWords('2026-11-26T23:30:00Z', now, 'UTC')).toMatch(/today$/);
  });
});

describe('describePeopleFailure', () => {
  it('puts a refusal that names a field under that field, in words for it', () => {
    const error = new ApiRequestError({ status: 400, code: 'bad_request', message: 'email is not an email address.', field: 'email' });
    expect(describePeopleFailure(error)).toEqual({ field: 'email', message: 'The email address is not an email address.' });
    const taken = new ApiRequestError({ status: 409, code: 'conflict', message: 'Someone with this email already has an account.', field: 'email' });
    expect(describePeopleFailure(taken)).toEqual({ field: 'email', message: 'Someone with this email already has an account.' });
  });

  it('keeps the server’s words for a refusal of the whole change, and says nothing changed when the server is away', () => {
    const last = new ApiRequestError({ status: 409, code: 'conflict', message: 'Ada is the only administrator: make someone else an administrator first.' });
    expect(describePeopleFailure(last)).toEqual({ message: 'Ada is the only administrator: make someone else an administrator first.' });
    const away = new ApiRequestError({ status: 0, code: 'network', message: 'The server could not be reached.' });
    expect(describePeopleFailure(away).message).toMatch(/^The server could not be reached\. Nothing was changed/);
  });
});
