// The Settings screens' side of the admin API: GET /api/admin/settings (the values in use and
// what is locked), PUT /api/admin/settings/{site,spaces,public}, and the audit log's pages.
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { ApiRequestError, fetchJson } from '@/client/lib/api-client';
import { type AdminSettings, adminSettingsSchema, AUDIT_PAGE_SIZE, auditPageSchema } from '@/shared/admin-settings-schema';
import { apiErrorSchema } from '@/shared/api-schema';

export const ADMIN_SETTINGS_KEY = ['admin', 'settings'] as const;

export const adminSettingsQueryOptions = () =>
  queryOptions({
    queryKey: ADMIN_SETTINGS_KEY,
    queryFn: ({ signal }) => fetchJson('/api/admin/settings', adminSettingsSchema, { signal }),
  });

export const auditQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: ['admin', 'audit'],
    queryFn: ({ signal, pageParam }) =>
      fetchJson(`/api/admin/audit?limit=${AUDIT_PAGE_SIZE}${pageParam === null ? '' : `&before=${pageParam}`}`, auditPageSchema, { signal }),
    initialPageParam: null as number | null,
    getNextPageParam: (page) => page.next,
  });

/** Saves one group of settings; answers the settings as they now are, or throws the server's refusal (with its field). */
export async function saveSettings(key: 'site' | 'spaces' | 'public', value: unknown, fetchImpl: typeof fetch = globalThis.fetch): Promise<AdminSettings> {
  let response: Response;
  try {
    response = await fetchImpl(`/api/admin/settings/${key}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(value),
    });
  } catch {
    throw new ApiRequestError({ status: 0, code: 'network', message: 'The server could not be reached. Nothing was saved.' });
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const parsed = apiErrorSchema.safeParse(body);
    if (parsed.success) throw new ApiRequestError({ status: response.status, ...parsed.data.error });
    throw new ApiRequestError({
      status: response.status,
      code: 'invalid_response',
      message: `The server answered with HTTP ${response.status}. Nothing was saved.`,
    });
  }
  const parsed = adminSettingsSchema.safeParse(body);
  if (!parsed.success)
    throw new ApiRequestError({ status: response.status, code: 'invalid_response', message: 'The server’s answer does not have the expected shape.' });
  return parsed.data;
}

/** The note beside a field the server will not change. */
export function lockNote(source: 'env' | 'file'): string {
  return source === 'file' ? 'Set by SITE_CONFIG_FILE on the server.' : 'Set by an environment variable on the server.';
}
