// The first answers the server put in index.html (src/server/boot-page.ts): read once at start and
// given to TanStack Query as the first answers of their queries, fetched when the server asked.
import type { QueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { configSchema, meSchema, occupancySchema } from '@/shared/api-schema';
import { BOOT_ELEMENT_ID, type BootData } from '@/shared/boot-data';
import { isLanguage } from '@/shared/i18n/languages';

const bootSchema = z.object({
  fetchedAt: z.number().finite(),
  config: z.unknown(),
  me: z.unknown(),
  occupancy: z.unknown().optional(),
  lang: z.unknown().optional(),
});

/** The embedded answers, or null when the page has none (nobody signed in, setup) or they do not parse. */
export function readBootData(doc: Document): BootData | null {
  const text = doc.getElementById(BOOT_ELEMENT_ID)?.textContent;
  if (text === undefined || text === null || text === '') return null;
  try {
    const parsed = bootSchema.safeParse(JSON.parse(text));
    if (!parsed.success) return null;
    const { lang, ...rest } = parsed.data;
    return { ...rest, ...(isLanguage(lang) ? { lang } : {}) };
  } catch {
    return null;
  }
}

/**
 * Seeds the queries with the embedded answers, each one only if it reads as the API's answer would.
 * `updatedAt` is the earlier of the server's clock when it asked and this page's navigation start
 * (`performance.timeOrigin`): an answer is never taken for younger than it is, even when the
 * clocks disagree or the page came from a cache.
 */
export function seedQueries(client: QueryClient, boot: BootData, navigationStart: number): void {
  const updatedAt = Math.min(boot.fetchedAt, navigationStart);
  const me = meSchema.safeParse(boot.me);
  const seeds = [
    [['config'], configSchema.safeParse(boot.config)],
    [['me'], me],
    // The kiosk asks who it is once, under a key of its own (features/kiosk/kiosk-access.ts).
    [['kiosk', 'me'], me],
    [['occupancy'], occupancySchema.safeParse(boot.occupancy)],
  ] as const;
  for (const [queryKey, parsed] of seeds) {
    if (parsed.success) client.setQueryData(queryKey, parsed.data, { updatedAt });
  }
}
