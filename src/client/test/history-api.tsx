// Test helpers for the history feature: a fake /api/history that answers per request, realistic
// 5-minute series, and a render with a fresh QueryClient that does not retry.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { vi } from 'vitest';
import { type History, historySchema } from '@/shared/api-schema';
import { zonedIso } from '@/shared/zoned';

/** Stubs fetch: every request's URL is recorded and answered by `answer`. */
export function fakeHistoryApi(answer: (url: URL) => Response | Promise<Response>) {
  const requests: URL[] = [];
  let current = answer;
  vi.stubGlobal(
    'fetch',
    vi.fn((input: RequestInfo | URL) => {
      const url = new URL(input instanceof Request ? input.url : String(input), 'http://localhost');
      requests.push(url);
      return Promise.resolve().then(() => current(url));
    }),
  );
  return {
    requests,
    answer(next: (url: URL) => Response | Promise<Response>) {
      current = next;
    },
  };
}

export function renderWithClient(ui: ReactElement) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
  return { ...render(ui, { wrapper }), queryClient };
}

/** A table's body rows as the text of their cells (row header first). */
export function rowsOf(table: HTMLElement): string[][] {
  return [...table.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? ''));
}

/**
 * 5-minute points of one door from `startMs` through the period that contains `untilMs` (the
 * one still in progress, as the vendor lists it), with the counts of `counts` at local "HH:MM".
 */
export function fiveMinuteSeries(
  id: number,
  name: string,
  { startMs, untilMs, timeZone, counts }: { startMs: number; untilMs: number; timeZone: string; counts: Record<string, [number, number]> },
) {
  const points = [];
  for (let t = startMs; t <= untilMs; t += 5 * 60_000) {
    const start = zonedIso(new Date(t), timeZone);
    const [i, o] = counts[start.slice(11, 16)] ?? [0, 0];
    points.push({ start, in: i, out: o });
  }
  return { id, name, points };
}

export function makeHistory(overrides: Partial<History>): History {
  return historySchema.parse({ resolution: '5min', timezone: 'Europe/Budapest', from: '2026-11-26', to: '2026-11-26', series: [], ...overrides });
}
