// The /__sim control routes: tests, benchmarks and demos drive the simulator's clock, faults and
// answer shapes over HTTP, and read its call counters. JSON in and out; never vendor calls.
import { Hono } from 'hono';
import type { z } from 'zod';
import type { Simulator } from './simulator-types';
import { clockCommandSchema, faultsPatchSchema, shapePatchSchema } from './settings';

function badRequest(message: string): Response {
  return Response.json({ error: { code: 'bad_request', message } }, { status: 400 });
}

/** The request's JSON body checked against `schema`, or a 400 answer explaining why not. */
async function readBody<S extends z.ZodType>(request: Request, schema: S): Promise<{ ok: true; value: z.output<S> } | { ok: false; response: Response }> {
  let json: unknown;
  try {
    json = await request.json();
  } catch {
    return { ok: false, response: badRequest('The body must be JSON.') };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue === undefined || issue.path.length === 0 ? 'body' : issue.path.join('.');
    return { ok: false, response: badRequest(`${where}: ${issue?.message ?? 'invalid'}`) };
  }
  return { ok: true, value: parsed.data };
}

interface Setting<P> {
  patch: (value: P) => void;
  reset: () => void;
  read: () => object;
}

/** PUT /name merges a checked patch into one of the simulator's settings, DELETE restores its defaults; both answer it. */
function settingRoutes<S extends z.ZodType>(app: Hono, name: string, schema: S, setting: Setting<z.output<S>>): void {
  app
    .put(`/${name}`, async (c) => {
      const body = await readBody(c.req.raw, schema);
      if (!body.ok) return body.response;
      setting.patch(body.value);
      return c.json({ [name]: setting.read() });
    })
    .delete(`/${name}`, (c) => {
      setting.reset();
      return c.json({ [name]: setting.read() });
    });
}

export function controlRoutes(sim: Simulator): Hono {
  const state = () => ({ clock: sim.clock.describe(), faults: sim.faults, shape: sim.shape, calls: sim.calls, streams: sim.streams });

  const app = new Hono()
    .get('/state', (c) => c.json(state()))
    .put('/clock', async (c) => {
      const body = await readBody(c.req.raw, clockCommandSchema);
      if (!body.ok) return body.response;
      const cmd = body.value;
      if ('fixed' in cmd) sim.clock.setFixed(new Date(cmd.fixed));
      else if ('offsetMs' in cmd) sim.clock.setOffset(cmd.offsetMs);
      else if ('advanceMs' in cmd) sim.clock.advance(cmd.advanceMs);
      else sim.clock.useReal();
      return c.json({ clock: sim.clock.describe() });
    });
  settingRoutes(app, 'faults', faultsPatchSchema, { patch: (p) => sim.setFaults(p), reset: () => sim.clearFaults(), read: () => sim.faults });
  settingRoutes(app, 'shape', shapePatchSchema, { patch: (p) => sim.setShape(p), reset: () => sim.resetShape(), read: () => sim.shape });
  return app
    .delete('/calls', (c) => {
      sim.resetCalls();
      return c.json({ calls: sim.calls });
    })
    .all('/*', (c) => c.json({ error: { code: 'not_found', message: 'No such control route.' } }, 404));
}
