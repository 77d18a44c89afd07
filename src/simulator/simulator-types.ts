// The simulator's public shape, apart from the code that builds it, so that the control routes
// can take a Simulator without importing the module that mounts them (no import cycle).
import type { Hono } from 'hono';
import type { StreamStats } from './body';
import type { SimClock } from './clock';
import type { Faults, Shape, ShapePatch } from './settings';

export interface CallCounts {
  getoccupancy: number;
  downloadcsv: number;
  auth_failures: number;
}

export interface Simulator {
  app: Hono;
  clock: SimClock;
  /** Live and mutable: changes apply to the next request. */
  faults: Faults;
  /** Live and mutable. */
  shape: Shape;
  setFaults(patch: Partial<Faults>): void;
  clearFaults(): void;
  setShape(patch: ShapePatch): void;
  resetShape(): void;
  /**
   * Requests per known action (counted on arrival, whatever the answer: data, fault or a wrong
   * key), and answers to a wrong or missing key (any action).
   */
  calls: CallCounts;
  resetCalls(): void;
  /** CSV and truncated bodies being produced now, and bytes produced so far. */
  streams: StreamStats;
  /** In-process request with the same semantics as over HTTP; a reset rejects like fetch does. */
  fetch(input: Request | string | URL, init?: RequestInit): Promise<Response>;
}
