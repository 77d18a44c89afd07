// The simulator's notion of "now": the real time, a fixed instant, or the real time shifted.
// Tests pin it to reproduce a moment (a DST switch, Budapest's midnight); demos may shift it.

export type ClockMode = 'real' | 'fixed' | 'offset';

export interface SimClock {
  now(): Date;
  setFixed(at: Date): void;
  setOffset(ms: number): void;
  /** Moves the clock forward (or back, if negative); a real clock becomes an offset one. */
  advance(ms: number): void;
  useReal(): void;
  describe(): { mode: ClockMode; now: string; offsetMs: number };
}

export function createClock(): SimClock {
  let mode: ClockMode = 'real';
  let fixedAt = 0;
  let offsetMs = 0;

  const nowMs = () => (mode === 'fixed' ? fixedAt : Date.now() + offsetMs);

  return {
    now: () => new Date(nowMs()),
    setFixed(at) {
      const ms = at.getTime();
      if (!Number.isFinite(ms)) throw new RangeError('setFixed needs a valid date');
      mode = 'fixed';
      fixedAt = ms;
      offsetMs = 0;
    },
    setOffset(ms) {
      mode = 'offset';
      offsetMs = ms;
    },
    advance(ms) {
      if (mode === 'fixed') fixedAt += ms;
      else {
        mode = 'offset';
        offsetMs += ms;
      }
    },
    useReal() {
      mode = 'real';
      offsetMs = 0;
    },
    describe() {
      return { mode, now: new Date(nowMs()).toISOString(), offsetMs };
    },
  };
}
