// Settings ▸ Displays talks to the admin API: the list (polled, for each display's last poll),
// making a link and revoking one. Every answer is parsed with the shared schema.
import { queryOptions } from '@tanstack/react-query';
import { ApiRequestError, fetchJson } from '@/client/lib/api-client';
import { apiErrorSchema, occupancySchema } from '@/shared/api-schema';
import { type CreatedDisplay, createdDisplaySchema, displayListSchema, type NewDisplay } from '@/shared/display-schema';

/** "Last seen" moves on its own; the list is asked again this often. */
export const DISPLAYS_REFRESH_MS = 20_000;

export const displaysQueryOptions = () =>
  queryOptions({
    queryKey: ['settings', 'displays'],
    queryFn: ({ signal }) => fetchJson('/api/admin/displays', displayListSchema, { signal }),
    refetchInterval: DISPLAYS_REFRESH_MS,
  });

export interface SpaceChoice {
  id: string;
  name: string;
  depth: number;
}

/** The site's spaces as the live answer has them (the default tree too: the site and a space per door). */
export const spaceChoicesQueryOptions = () =>
  queryOptions({
    queryKey: ['settings', 'displays', 'spaces'],
    queryFn: async ({ signal }): Promise<SpaceChoice[]> => {
      const answer = await fetchJson('/api/occupancy', occupancySchema, { signal });
      const depth = new Map<string, number>();
      return answer.spaces.map((s) => {
        const d = s.parent === null ? 0 : (depth.get(s.parent) ?? 0) + 1;
        depth.set(s.id, d);
        return { id: s.id, name: s.name, depth: d };
      });
    },
    staleTime: 60_000,
  });

async function send(method: 'POST' | 'DELETE', path: string, body?: unknown): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
  } catch {
    throw new ApiRequestError({ status: 0, code: 'network', message: 'The server could not be reached. Try again in a moment.' });
  }
  if (response.status === 204) return undefined;
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const parsed = apiErrorSchema.safeParse(json);
    if (parsed.success) throw new ApiRequestError({ status: response.status, ...parsed.data.error });
    throw new ApiRequestError({ status: response.status, code: 'invalid_response', message: `The server answered HTTP ${response.status}.` });
  }
  return json;
}

export async function createDisplay(input: NewDisplay): Promise<CreatedDisplay> {
  return createdDisplaySchema.parse(await send('POST', '/api/admin/displays', input));
}

export async function revokeDisplay(id: string): Promise<void> {
  await send('DELETE', `/api/admin/displays/${encodeURIComponent(id)}`);
}
