// 401 from the API on a signed-in page: no session (or it ended) goes to the sign-in page, which
// brings the person back here afterwards; a server with no account yet goes to its setup page.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { ApiRequestError } from '@/client/lib/api-client';
import { meQueryOptions } from '@/client/lib/me-queries';
import { currentLocation, navigate } from '@/client/lib/navigation';

/** Where a failed request sends the page, or null when it stays. */
export function redirectFor(error: unknown, location: string): string | null {
  if (!(error instanceof ApiRequestError) || error.status !== 401) return null;
  if (error.code === 'setup_required') return '/setup';
  if (error.code === 'unauthorized') return location === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(location)}`;
  return null;
}

/** Follows redirectFor for every query and mutation of the page while `enabled`. */
export function useAuthRedirect(enabled: boolean) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    // Several requests fail at once when a session ends: the first one moves the page.
    let moved = false;
    const follow = (error: unknown) => {
      if (moved) return;
      const to = redirectFor(error, currentLocation());
      if (!to) return;
      moved = true;
      // The next page asks who is looking afresh, not from before the session ended.
      queryClient.removeQueries({ queryKey: meQueryOptions().queryKey });
      navigate(to, { replace: true });
    };
    // Subscribed in the same commit as the page's queries start, so no answer comes before this.
    const unsubscribeQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') follow(event.action.error);
    });
    const unsubscribeMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'error') follow(event.action.error);
    });
    return () => {
      unsubscribeQueries();
      unsubscribeMutations();
    };
  }, [enabled, queryClient]);
}
