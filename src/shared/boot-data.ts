// What the server embeds in index.html for the first render (src/server/boot-page.ts), read by
// the client at start (src/client/lib/boot-data.ts): the API's own answers, as JSON.
import type { Language } from './i18n/languages';

/** The id of the `<script type="application/json">` element that holds it. */
export const BOOT_ELEMENT_ID = 'boot';

export interface BootData {
  /** When the server asked (epoch ms, its clock): the answers are no younger than this. */
  fetchedAt: number;
  /** GET /api/config's answer for this asker. */
  config: unknown;
  /** GET /api/me's answer. */
  me: unknown;
  /** GET /api/occupancy's answer, when it was ready in time. */
  occupancy?: unknown;
  /** The language the screen will speak (the dashboard's and Settings' choice), when the server knows it. */
  lang?: Language;
}
