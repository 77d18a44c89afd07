// The people API (/api/admin/people) as both sides see it: who has an account, and the one-time
// set-password link an administrator hands over when adding someone or making a new link.
import { z } from 'zod';
import { roleSchema } from './api-schema';

const isoInstant = z.iso.datetime({ offset: true });

export const personSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  createdAt: isoInstant,
  /** The person asking. */
  you: z.boolean(),
});
export type Person = z.infer<typeof personSchema>;

export const peopleSchema = z.array(personSchema);

export const personLinkSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  /** `<origin>/set-password#token=…`: the token sits in the fragment, which no server sees. */
  setPasswordUrl: z.url(),
  expiresAt: isoInstant,
  /**
   * True when this addition ended the open demo: from now on everyone signs in, the one asking
   * too (with this link, when it is their own account).
   */
  signInRequired: z.boolean(),
});
export type PersonLink = z.infer<typeof personLinkSchema>;

export const NAME_MAX_LENGTH = 120;
export const EMAIL_MAX_LENGTH = 254;
