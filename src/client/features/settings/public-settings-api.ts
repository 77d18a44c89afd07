// The public view's settings as the admin screens read and write them: GET /api/admin/settings
// (every setting, and which ones the provisioning file or the environment locks) and
// PUT /api/admin/settings/public (the same shape as the file's `public` block, validated the same).
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { ApiRequestError, fetchJson } from '@/client/lib/api-client';
import { apiErrorSchema } from '@/shared/api-schema';
import { type PublicSettings, publicSettingsSchema } from '@/shared/settings-schema';

const adminSettingsSchema = z.object({
  settings: z.looseObject({ public: publicSettingsSchema }),
  /** Settings set by the environment or the provisioning file: shown, not editable here. */
  locked: z.record(z.string(), z.enum(['env', 'file'])).default({}),
});

export interface PublicSettingsView {
  value: PublicSettings;
  locked: 'env' | 'file' | null;
}

export const ADMIN_SETTINGS_KEY = ['admin', 'settings'] as const;

export const publicSettingsQueryOptions = () =>
  queryOptions({
    queryKey: ADMIN_SETTINGS_KEY,
    queryFn: ({ signal }) => fetchJson('/api/admin/settings', adminSettingsSchema, { signal }),
    select: (body): PublicSettingsView => ({ value: body.settings.public, locked: body.locked.public ?? null }),
  });

/** Saves the public view's settings; throws an ApiRequestError with the server's words when refused. */
export async function savePublicSettings(value: PublicSettings, fetchImpl: typeof fetch = globalThis.fetch): Promise<void> {
  let response: Response;
  try {
    response = await fetchImpl('/api/admin/settings/public', {
      method: 'PUT',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(value),
    });
  } catch {
    throw new ApiRequestError({ status: 0, code: 'network', message: 'The server could not be reached.' });
  }
  if (response.ok) return;
  const parsed = apiErrorSchema.safeParse(await response.json().catch(() => undefined));
  if (parsed.success) throw new ApiRequestError({ status: response.status, ...parsed.data.error });
  throw new ApiRequestError({ status: response.status, code: 'invalid_response', message: `The server answered with HTTP ${response.status}.` });
}
