// Display links (kiosks signed in by a link an admin made): the admin API's shapes, shared by the
// BFF and Settings ▸ Displays.
import { z } from 'zod';
import { LOCALES } from './settings-schema';
import { spaceIdSchema } from './spaces';

/** What a kiosk can show (its `mode=`): cards, or one number with its entrance sign. */
export const DISPLAY_MODES = ['devices', 'total'] as const;
export const DISPLAY_THEMES = ['dark', 'light'] as const;
export type DisplayMode = (typeof DISPLAY_MODES)[number];
export type DisplayTheme = (typeof DISPLAY_THEMES)[number];

export const DISPLAY_NAME_MAX = 80;
export const DISPLAY_SPACES_MAX = 50;

export const newDisplaySchema = z
  .object({
    name: z.string().trim().min(1, 'is empty').max(DISPLAY_NAME_MAX, `may have at most ${DISPLAY_NAME_MAX} characters`),
    /** Left out or null: every space. */
    spaces: z
      .array(spaceIdSchema)
      .min(1, 'lists no space: choose at least one, or leave it out for every space')
      .max(DISPLAY_SPACES_MAX)
      .refine((ids) => new Set(ids).size === ids.length, 'lists a space twice')
      .nullable()
      .optional(),
    mode: z.enum(DISPLAY_MODES, { error: 'must be "devices" (cards) or "total" (one number)' }).nullable().optional(),
    theme: z.enum(DISPLAY_THEMES, { error: 'must be "dark" or "light"' }).nullable().optional(),
    lang: z
      .enum(LOCALES, { error: `must be one of ${LOCALES.join(', ')}` })
      .nullable()
      .optional(),
    /** A short chime when the display's space turns full; off when left out. */
    chime: z.boolean({ error: 'must be true or false' }).optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    // The kiosk's own rule: one number is about one space (or the whole site).
    if (value.mode === 'total' && value.spaces != null && value.spaces.length > 1) {
      ctx.addIssue({ code: 'custom', path: ['spaces'], message: 'lists several spaces, but "total" shows one number: choose one space' });
    }
  });
export type NewDisplay = z.input<typeof newDisplaySchema>;

export const createdDisplaySchema = z.object({
  id: z.string(),
  /** The link to open on the wall device; its token is in the fragment, never sent to a server log. */
  url: z.string(),
});
export type CreatedDisplay = z.infer<typeof createdDisplaySchema>;

export const displaySchema = z.object({
  id: z.string(),
  name: z.string(),
  spaces: z.array(z.string()).nullable(),
  mode: z.string().nullable(),
  theme: z.string().nullable(),
  lang: z.string().nullable(),
  /** Chimes when its space turns full. */
  chime: z.boolean(),
  createdAt: z.string(),
  /** The display's last poll; null: never opened. */
  lastSeen: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type DisplayInfo = z.infer<typeof displaySchema>;
export const displayListSchema = z.array(displaySchema);

export const displaySessionSchema = z.object({ token: z.string().min(1, 'is empty').max(200) }).strict();
