// GET /api/admin/settings and GET /api/admin/audit as the Settings screens read them: the values
// in use, which of them the provisioning file or the environment locks, and the audit log's pages.
import { z } from 'zod';
import { alertsSettingsSchema } from './alerts-schema';
import { openingHoursSchema } from './opening-hours';
import { LOCALES, lockSourceSchema, publicSettingsSchema, SETTING_FIELDS } from './settings-schema';
import { spaceConfigSchema } from './spaces';

export const adminDeviceSchema = z.object({
  id: z.number().int().positive(),
  label: z.string().optional(),
  capacity: z.number().int().positive().optional(),
  timezone: z.string().optional(),
});

export const adminSpacesValueSchema = z.object({
  siteCapacity: z.number().int().positive().optional(),
  devices: z.array(adminDeviceSchema),
  spaces: z.array(spaceConfigSchema).optional(),
});
export type AdminSpacesValue = z.infer<typeof adminSpacesValueSchema>;

export const adminSettingsSchema = z.object({
  values: z.object({
    /** The name set for the site; null when none is (screens then show `shownName`). */
    siteName: z.string().nullable(),
    /** The name every screen shows now. */
    shownName: z.string(),
    timezone: z.string(),
    dayStart: z.string(),
    locale: z.enum(LOCALES),
    spaces: adminSpacesValueSchema,
    public: publicSettingsSchema,
    /** null: always open. */
    openingHours: openingHoursSchema.nullable(),
    alerts: alertsSettingsSchema,
  }),
  locked: z.partialRecord(z.enum(SETTING_FIELDS), lockSourceSchema),
});
export type AdminSettings = z.infer<typeof adminSettingsSchema>;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  target: z.string().nullable(),
  detail: z.unknown(),
});
export type AuditEntryView = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  /** Pass as `before` for the next (older) page; null on the last page. */
  next: z.number().int().nullable(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

export const AUDIT_PAGE_SIZE = 50;

export const auditQuerySchema = z.object({
  before: z.coerce.number().int().positive('must be an entry id, a whole number above 0').optional(),
  limit: z.coerce.number().int().min(1, 'must be 1 to 200').max(200, 'must be 1 to 200').default(AUDIT_PAGE_SIZE),
});
