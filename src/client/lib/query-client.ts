// The app's single QueryClient and its defaults: polling screens that recover by themselves,
// without refetch storms and without hammering a server that has already said no.
import { QueryClient } from '@tanstack/react-query';
import { ApiRequestError } from './api-client';

const MAX_RETRIES = 2;
const MAX_RETRY_DELAY_MS = 8_000;

/** Retry what may pass by itself (network blips, 5xx); never what will fail the same way again. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES) return false;
  if (error instanceof ApiRequestError) {
    if (error.status >= 400 && error.status < 500) return false;
    // A rejected WELLPOINT key costs the vendor 3 s per call and will not fix itself; the
    // regular poll still checks again, so the screen recovers once the key is fixed.
    if (error.code === 'upstream_auth' || error.code === 'invalid_response') return false;
  }
  return true;
}

/** 1 s, 2 s, 4 s … capped: bounded exponential back-off. */
export function retryDelay(failureCount: number): number {
  return Math.min(1000 * 2 ** failureCount, MAX_RETRY_DELAY_MS);
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        retryDelay,
        // Polling keeps the numbers fresh; a refetch on every focus change would only add load.
        refetchOnWindowFocus: false,
        // TanStack's default ('online') silently pauses queries while the browser thinks it is
        // offline, which would leave old numbers looking live. Always try, and show the failure.
        networkMode: 'always',
      },
    },
  });
}
