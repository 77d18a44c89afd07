// Settings ▸ Displays: admins make display links (a long random token in the URL's fragment, kept
// only as its hash), list them with each one's last poll, and revoke them. Every change is audited.
import { Hono } from 'hono';
import { type CreatedDisplay, type DisplayInfo, newDisplaySchema } from '@/shared/display-schema';
import { principalOf, requireAdmin } from '../access';
import type { AppDeps } from '../app-deps';
import { requestHeader } from '../client-info';
import type { DisplayRecord } from '../displays/display-directory';
import { ApiHttpError } from '../http-error';
import { recordAudit } from '../store/audit';
import { readBody } from './session';

type Deps = Pick<AppDeps, 'displays' | 'settings' | 'store' | 'occupancy'>;

export function displayInfo(record: DisplayRecord): DisplayInfo {
  return {
    id: record.id,
    name: record.name,
    spaces: record.spaces,
    mode: record.mode,
    theme: record.theme,
    lang: record.lang,
    chime: record.chime,
    createdAt: record.createdAt,
    lastSeen: record.lastSeen,
    revokedAt: record.revokedAt,
  };
}

/**
 * The space ids a display may name: the configured spaces, or without them the defaults (`site`,
 * and `device-<id>` for each door the site file or the vendor's last answer knows). `null` for
 * doors: the vendor cannot be asked now, so any `device-<id>` is taken.
 */
async function knownSpaces(deps: Deps): Promise<{ ids: Set<string>; anyDevice: boolean }> {
  const site = deps.settings.current().site;
  if (site.spaces !== undefined) return { ids: new Set(site.spaces.map((s) => s.id)), anyDevice: false };
  const devices = new Set(site.devices.map((d) => d.id));
  let anyDevice = false;
  try {
    for (const d of (await deps.occupancy.current()).devices) devices.add(d.id);
  } catch {
    anyDevice = true;
  }
  return { ids: new Set(['site', ...[...devices].map((id) => `device-${id}`)]), anyDevice };
}

export function adminDisplayRoutes(deps: Deps) {
  const { displays } = deps;
  return new Hono()
    .use('*', requireAdmin)
    .get('/', (c) => c.json(displays.all().map(displayInfo), 200))
    .post('/', async (c) => {
      const body = await readBody(c, newDisplaySchema);
      const spaces = body.spaces ?? null;
      if (spaces !== null) {
        const known = await knownSpaces(deps);
        const bad = spaces.findIndex((id) => !known.ids.has(id) && !(known.anyDevice && /^device-\d+$/.test(id)));
        if (bad >= 0) {
          const list = [...known.ids].join(', ');
          throw new ApiHttpError(400, 'bad_request', `spaces.${bad} "${spaces[bad]}" is not a space of this site (its spaces: ${list}).`, `spaces.${bad}`);
        }
      }
      const actor = principalOf(c);
      const { record, token } = displays.create({
        name: body.name,
        spaces,
        mode: body.mode ?? null,
        theme: body.theme ?? null,
        lang: body.lang ?? null,
        chime: body.chime ?? false,
        createdBy: actor.kind === 'user' ? actor.id : null,
      });
      await recordAudit(deps.store, {
        actor,
        action: 'display.created',
        target: record.name,
        detail: { id: record.id, spaces: record.spaces, mode: record.mode, theme: record.theme, lang: record.lang, chime: record.chime },
      });
      // The page's own origin (the same-origin rule has checked it): the address the admin reached us at.
      const origin = requestHeader(c, 'origin') ?? new URL(c.req.url).origin;
      // In the fragment: a browser never sends it, so no server log or Referer carries the token.
      const created: CreatedDisplay = { id: record.id, url: `${origin}/kiosk#display=${token}` };
      return c.json(created, 201);
    })
    .delete('/:id', async (c) => {
      const id = c.req.param('id');
      const before = displays.get(id);
      if (before === undefined) throw new ApiHttpError(404, 'not_found', 'There is no such display.');
      const record = displays.revoke(id);
      if (before.revokedAt === null && record !== null) {
        await recordAudit(deps.store, { actor: principalOf(c), action: 'display.revoked', target: record.name, detail: { id } });
      }
      return c.body(null, 204);
    });
}
