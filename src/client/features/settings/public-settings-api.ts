// The public view's settings as Settings reads and writes them: GET /api/admin/settings (the values
// in use, and which ones the provisioning file or the environment locks) and
// PUT /api/admin/settings/public (the file's `public` block, validated the same way).
import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { fetchJson } from '@/client/lib/api-client';
import { lockSourceSchema, type PublicSettings, publicSettingsSchema } from '@/shared/settings-schema';

/** The part of the admin settings answer this section reads (the rest is the Site section's). */
const adminSettingsSchema = z.object({
  values: z.looseObject({ public: publicSettingsSchema }),
  locked: z.looseObject({ public: lockSourceSchema.optional() }),
});

export interface PublicSettingsView {
  value: PublicSettings;
  locked: z.infer<typeof lockSourceSchema> | null;
}

/** Every admin settings query starts with this key: a save invalidates them all. */
export const ADMIN_SETTINGS_KEY = ['admin', 'settings'] as const;

export const publicSettingsQueryOptions = () =>
  queryOptions({
    queryKey: [...ADMIN_SETTINGS_KEY, 'public'],
    queryFn: async ({ signal }): Promise<PublicSettingsView> => {
      const body = await fetchJson('/api/admin/settings', adminSettingsSchema, { signal });
      return { value: body.values.public, locked: body.locked.public ?? null };
    },
  });

/** Saves the public view's settings; throws an ApiRequestError with the server's words when refused. */
export async function savePublicSettings(value: PublicSettings): Promise<void> {
  await fetchJson('/api/admin/settings/public', z.unknown(), { method: 'PUT', body: value });
}
