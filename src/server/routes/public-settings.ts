// PUT /api/admin/settings/public: an admin turns the public view on or off and chooses its spaces,
// numbers and allowed origins. The settings service validates (the file's schema), refuses a field
// the provisioning file sets (409 locked), writes the store and the audit log, and the change
// reaches /public and /api/public on their next request.
import { Hono } from 'hono';
import { principalOf } from '../access';
import type { AppDeps } from '../app-deps';
import { ApiHttpError } from '../http-error';

export function publicSettingsRoutes(deps: Pick<AppDeps, 'settings'>) {
  return new Hono().put('/', async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw new ApiHttpError(400, 'bad_request', 'The request body is not JSON.');
    }
    const saved = await deps.settings.put('public', body, principalOf(c));
    return c.json(saved.public, 200);
  });
}
