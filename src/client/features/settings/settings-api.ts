// The Settings screens' side of the admin API: GET /api/admin/settings (the values in use and
// what is locked), PUT /api/admin/settings/{site,spaces,public}, and the audit log's pages.
import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { t } from '@/client/i18n/i18n';
import { fetchJson } from '@/client/lib/api-client';
import { type AdminSettings, adminSettingsSchema, AUDIT_PAGE_SIZE, auditPageSchema } from '@/shared/admin-settings-schema';

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
export function saveSettings(key: 'site' | 'spaces', value: unknown): Promise<AdminSettings> {
  return fetchJson(`/api/admin/settings/${key}`, adminSettingsSchema, { method: 'PUT', body: value });
}

/** The note beside a field the server will not change. */
export function lockNote(source: 'env' | 'file'): string {
  return source === 'file' ? t('settings.lock.file') : t('settings.lock.env');
}
