// TEMPORARY: GET /api/me's shape until src/shared/api-schema.ts on main has `meSchema` (the lead
// is adding it); then this file goes and me-queries.ts imports from '@/shared/api-schema'.
import { z } from 'zod';

export const roleSchema = z.enum(['admin', 'staff']);
export type Role = z.infer<typeof roleSchema>;

export const meSchema = z.object({
  kind: z.enum(['user', 'display', 'open']),
  user: z.object({ id: z.string(), email: z.string(), name: z.string(), role: roleSchema }).optional(),
  display: z.object({ id: z.string(), name: z.string() }).optional(),
  demo: z.boolean(),
});
export type Me = z.infer<typeof meSchema>;
