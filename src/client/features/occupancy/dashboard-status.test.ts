// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ApiRequestError } from '@/client/lib/api-client';
import { makeOccupancy } from '@/client/test/fixtures';
import { deriveStatus, describeProblem } from './dashboard-status';
import { readCapacity } from '@/shared/occupancy-math';

describe('deriveStatus', () => {
  const data = makeOccupancy();
  const offline = new ApiRequestError({ status: 0, code: 'network', message: 'x' });

  it('is loading, live, stale or unavailable', () => {
    expect(deriveStatus({ data: undefined, error: null }).kind).toBe('loading');
    expect(deriveStatus({ data, error: null }).kind).toBe('live');
    expect(deriveStatus({ data: undefined, error: offline })).toMatchObject({ kind: 'unavailable', problem: { code: 'network' } });
  });

  it('keeps the data when the latest request failed, with that failure as the reason', () => {
    const stale = makeOccupancy({ stale: true, staleReason: { code: 'upstream_timeout', message: 'slow' } });
    expect(deriveStatus({ data: stale, error: offline })).toMatchObject({ kind: 'stale', data: stale, problem: { code: 'network' } });
    expect(deriveStatus({ data: stale, error: null })).toMatchObject({ kind: 'stale', problem: { code: 'upstream_timeout' } });
  });

  it('never puts the server message of a known problem on screen, and never a key', () => {
    const text = describeProblem({ code: 'upstream_auth', message: 'key abc123 rejected' });
    expect(`${text.title} ${text.detail}`).not.toContain('abc123');
    expect(text.detail).toBe('Ask your administrator to check WELLPOINT_ACCESS_KEY.');
  });
});

describe('readCapacity', () => {
  it('has no state without a capacity', () => {
    expect(readCapacity(10, null)).toBeNull();
    expect(readCapacity(10, 0)).toBeNull();
  });

  it('switches at 80 % and 100 %', () => {
    expect(readCapacity(79, 100)?.state).toBe('available');
    expect(readCapacity(80, 100)?.state).toBe('nearly_full');
    expect(readCapacity(99, 100)?.state).toBe('nearly_full');
    expect(readCapacity(100, 100)?.state).toBe('full');
    expect(readCapacity(130, 100)?.state).toBe('full');
  });
});
