// A fake BFF that knows methods and bodies, for the account pages: each "METHOD /path" is answered
// by a handler that sees the request; every request is recorded. Unknown routes answer 404.
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { userEvent } from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import { browserPage } from '@/client/lib/navigation';
import { createQueryClient } from '@/client/lib/query-client';
import { type Me, meSchema } from '@/shared/api-schema';
import { json } from './fixtures';

export interface FakeRequest {
  method: string;
  path: string;
  body: unknown;
}

type Answer = (request: FakeRequest) => Response | Promise<Response>;

export function fakeApi(initial: Record<string, Answer>) {
  const routes: Record<string, Answer> = { ...initial };
  const requests: FakeRequest[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(input instanceof Request ? input.url : String(input), 'http://localhost');
      const method = (init?.method ?? 'GET').toUpperCase();
      const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
      const request = { method, path: url.pathname, body };
      requests.push(request);
      const answer = routes[`${method} ${url.pathname}`];
      if (!answer) return Promise.resolve(json({ error: { code: 'not_found', message: `No route ${method} ${url.pathname}` } }, 404));
      return Promise.resolve().then(() => answer(request));
    }),
  );
  return {
    requests,
    set(route: string, answer: Answer) {
      routes[route] = answer;
    },
    /** The requests to one route, in order. */
    to(route: string) {
      const [method, path] = route.split(' ');
      return requests.filter((r) => r.method === method && r.path === path);
    },
  };
}

/** Puts the page at `url` (path, query, fragment) before rendering. */
export function openAt(url: string) {
  window.history.replaceState(null, '', url);
}

/** Full page loads the code asks for (sign in, sign out), recorded instead of done. */
export function watchPageLoads() {
  return vi.spyOn(browserPage, 'assign').mockImplementation(() => undefined);
}

/** Renders with the app's own QueryClient defaults, without retries. */
export function renderWithApp(ui: ReactElement) {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  return { ...render(<QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>), queryClient };
}

// Answers of GET /api/me, parsed with the shared schema: never a shape the server would not send.
export const ADMIN: Me = meSchema.parse({ kind: 'user', user: { id: 'u1', email: 'ana@example.org', name: 'Ana Kovács', role: 'admin' }, demo: false });
export const STAFF: Me = meSchema.parse({ kind: 'user', user: { id: 'u2', email: 'bence@example.org', name: 'Bence Tóth', role: 'staff' }, demo: false });
export const OPEN: Me = meSchema.parse({ kind: 'open', demo: true });
export const DISPLAY: Me = meSchema.parse({
  kind: 'display',
  display: { id: 'd1', name: 'Lobby screen', spaces: null, mode: null, theme: null, lang: null },
  demo: false,
});

/** Types a value the quick way (a paste): a slow machine must not make a test time out. */
export async function enter(user: ReturnType<typeof userEvent.setup>, field: HTMLElement, value: string) {
  await user.click(field);
  if (value) await user.paste(value);
}

/** For a findBy that waits for another page: its chunk is compiled on first use, slowly on a busy machine. */
export const NEXT_PAGE = { timeout: 5000 };
