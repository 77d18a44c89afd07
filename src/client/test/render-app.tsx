// Renders the whole app against a fake BFF: `fetch` is stubbed, each API path answered by a
// handler the test can swap at any time (to fail, recover, or never answer).
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { vi } from 'vitest';
import { App } from '@/client/app';
import { createQueryClient } from '@/client/lib/query-client';
import { json } from './fixtures';

export type Handler = () => Response | Promise<Response>;

/** fetch rejects, as it does when the server cannot be reached. */
export const unreachable: Handler = () => Promise.reject(new TypeError('Failed to fetch'));

/** A request that never answers (first load in progress). */
export const pending: Handler = () => new Promise<Response>(() => {});

export function fakeBff(initial: Record<string, Handler>) {
  const handlers: Record<string, Handler> = { ...initial };
  const calls: string[] = [];
  const fetchMock = vi.fn((input: RequestInfo | URL) => {
    const path = new URL(input instanceof Request ? input.url : String(input), 'http://localhost').pathname;
    calls.push(path);
    const handler = handlers[path];
    if (!handler) return Promise.resolve(json({ error: { code: 'not_found', message: `No route ${path}` } }, 404));
    return Promise.resolve().then(handler);
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    calls,
    set(path: string, handler: Handler) {
      handlers[path] = handler;
    },
  };
}

export function renderApp() {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  const result = render(
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>,
  );
  return { ...result, queryClient };
}
