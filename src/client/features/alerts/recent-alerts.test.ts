import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json } from '@/client/test/fixtures';
import { alert } from './alerts-fixture';
import { mergeRecent, RECENT_ALERTS_KEPT, recentAlertsQueryOptions } from './recent-alerts';

afterEach(() => vi.unstubAllGlobals());

describe('mergeRecent', () => {
  it('the first answer is the list and nothing in it is new (it was there before the page opened)', () => {
    expect(mergeRecent(undefined, [alert(3), alert(5), alert(4)])).toEqual({ alerts: [alert(5), alert(4), alert(3)], fresh: [] });
  });

  it('a later answer puts its alerts on top and names them new, oldest first; none twice', () => {
    const first = mergeRecent(undefined, [alert(5), alert(4)]);
    const second = mergeRecent(first, [alert(7), alert(6), alert(5)]);
    expect(second.alerts.map((a) => a.id)).toEqual([7, 6, 5, 4]);
    expect(second.fresh.map((a) => a.id)).toEqual([6, 7]);
    expect(mergeRecent(second, []).fresh).toEqual([]);
  });

  it('after an empty first answer, every alert that arrives is new; the list keeps the newest 50', () => {
    const empty = mergeRecent(undefined, []);
    expect(mergeRecent(empty, [alert(1)]).fresh.map((a) => a.id)).toEqual([1]);
    const many = Array.from({ length: 60 }, (_, i) => alert(i + 1));
    const merged = mergeRecent(empty, many);
    expect(merged.alerts).toHaveLength(RECENT_ALERTS_KEPT);
    expect(merged.alerts[0]!.id).toBe(60);
  });
});

describe('recentAlertsQueryOptions', () => {
  it('asks for the list, then only for what came after the newest alert it has', async () => {
    const answers = [{ alerts: [alert(12), alert(11)] }, { alerts: [alert(13)] }];
    const fetchMock = vi.fn((_input: string) => Promise.resolve(json(answers.shift() ?? { alerts: [] })));
    vi.stubGlobal('fetch', fetchMock);
    const client = new QueryClient();
    const options = recentAlertsQueryOptions(client);
    expect((await client.fetchQuery(options)).fresh).toEqual([]);
    const second = await client.fetchQuery({ ...options, staleTime: 0 });
    expect(second.fresh.map((a) => a.id)).toEqual([13]);
    expect(second.alerts.map((a) => a.id)).toEqual([13, 12, 11]);
    expect(fetchMock.mock.calls.map(([input]) => input)).toEqual(['/api/alerts/recent', '/api/alerts/recent?after=12']);
  });
});
