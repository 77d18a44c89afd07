// GET /api/occupancy: the current counts of every PRO device and the site total.
import { Hono } from 'hono';
import type { AppDeps } from '../app-deps';

export function occupancyRoutes(deps: AppDeps) {
  return new Hono().get('/', async (c) => {
    const { json } = await deps.occupancy.answer();
    return c.body(json, 200, { 'Content-Type': 'application/json' });
  });
}
