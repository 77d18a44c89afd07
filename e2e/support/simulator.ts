// Drives a simulator's clock and faults through its /__sim control routes, and computes what the
// vendor answers for a moment with an independent simulator of the same seed, so a test can
// compare the screen with the simulator's own numbers.
import { type APIRequestContext, expect } from '@playwright/test';
import { planDayStart } from '@/shared/day-start';
import { createClock, createSimulator, DEMO_ACCESS_KEY, type Faults, type ShapePatch } from '@/simulator';
import { PORTS, urlOf } from './ports';

export interface VendorDevice {
  device_id: number;
  device_name: string;
  IN: number;
  OUT: number;
  Occupancy: number;
  CorrectedOccupancy: number;
}

/**
 * Control calls come seconds apart, about when Node closes an idle kept-alive socket (5 s): a
 * call reusing one the server is closing fails with ECONNRESET. A connection per call cannot race.
 */
const FRESH_CONNECTION = { connection: 'close' };

export class SimControl {
  constructor(
    private readonly request: APIRequestContext,
    private readonly base = urlOf(PORTS.demo),
  ) {}

  private async put(path: string, body: unknown) {
    const res = await this.request.put(`${this.base}/__sim/${path}`, { data: body, headers: FRESH_CONNECTION });
    expect(res.status(), `PUT /__sim/${path}`).toBe(200);
  }

  /** Freezes the vendor's (and in demo mode the server's) clock at `at`. */
  setClock(at: Date) {
    return this.put('clock', { fixed: at.toISOString() });
  }

  advance(ms: number) {
    return this.put('clock', { advanceMs: ms });
  }

  realClock() {
    return this.put('clock', { real: true });
  }

  setFaults(faults: Partial<Faults>) {
    return this.put('faults', faults);
  }

  setShape(shape: ShapePatch) {
    return this.put('shape', shape);
  }

  async reset() {
    for (const path of ['faults', 'shape']) {
      const res = await this.request.delete(`${this.base}/__sim/${path}`, { headers: FRESH_CONNECTION });
      expect(res.status()).toBe(200);
    }
    await this.realClock();
  }
}

/**
 * The demo account's devices as the vendor answers at `at` for a site in `timezone`: an
 * independent simulator with the default seed, asked with the parameters the BFF would send.
 */
export async function vendorOccupancy(at: Date, timezone = 'Europe/Budapest'): Promise<VendorDevice[]> {
  const clock = createClock();
  clock.setFixed(at);
  const sim = createSimulator({ clock, control: false });
  const params = new URLSearchParams({ action: 'getoccupancy', user_access_key: DEMO_ACCESS_KEY, ...planDayStart(at, timezone).vendorParams });
  const res = await sim.fetch(`/?${params.toString()}`);
  const body = (await res.json()) as { data: VendorDevice[] };
  return body.data;
}
