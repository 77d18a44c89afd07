// The kiosk chime: its rule (not full → full on a live count, once per turn, never at opening),
// the notes it plays, and the "Tap to allow sound" shown only while the browser holds audio back.
import { QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '@/client/lib/query-client';
import { json, makeConfig, makeOccupancy } from '@/client/test/fixtures';
import { fakeBff } from '@/client/test/render-app';
import type { Me } from '@/shared/api-schema';
import { KioskPage } from './kiosk-page';
import { chimeStep, FullChime, fullNow } from './use-full-chime';

/** Enough of an AudioContext to hear what was played and to be held back until resumed. */
class FakeAudio extends EventTarget {
  state: AudioContextState;
  currentTime = 5;
  destination = {} as AudioDestinationNode;
  started: { frequency: number; at: number }[] = [];
  closed = false;
  constructor(state: AudioContextState) {
    super();
    this.state = state;
  }
  createOscillator() {
    const node = {
      type: 'triangle',
      frequency: { value: 0 },
      connect: (next: unknown) => next,
      start: (at: number) => this.started.push({ frequency: node.frequency.value, at }),
      stop: () => undefined,
    };
    return node;
  }
  createGain() {
    const param = { setValueAtTime: () => param, exponentialRampToValueAtTime: () => param };
    return { gain: param, connect: (next: unknown) => next };
  }
  resume() {
    this.state = 'running';
    this.dispatchEvent(new Event('statechange'));
    return Promise.resolve();
  }
  close() {
    this.closed = true;
    return Promise.resolve();
  }
}

const answer = (occupancy: number, capacity: number | null = 60) => makeOccupancy({ total: { in: occupancy, out: 0, occupancy, capacity } });

describe('chimeStep', () => {
  it('chimes on not full → full only: not at the first reading, not while full, not after an unknown spell inside one turn', () => {
    const run = (readings: (boolean | null)[]) => {
      let before: boolean | null = null;
      return readings.map((now) => {
        const step = chimeStep(before, now);
        before = step.after;
        return step.chime;
      });
    };
    expect(run([true, true, false, true])).toEqual([false, false, false, true]);
    expect(run([false, true, true, null, true])).toEqual([false, true, false, false, false]);
    expect(run([false, null, true, false, true])).toEqual([false, false, true, false, true]);
  });

  it('reads full from the live total and its capacity; nothing is known without either', () => {
    expect(fullNow(answer(60), true)).toBe(true);
    expect(fullNow(answer(59), true)).toBe(false);
    expect(fullNow(answer(60), false)).toBeNull();
    expect(fullNow(answer(60, null), true)).toBeNull();
    expect(fullNow(undefined, true)).toBeNull();
  });
});

describe('FullChime', () => {
  it('plays two notes when the space turns full, once per turn', () => {
    const audio = new FakeAudio('running');
    const props = { enabled: true, live: true, createAudio: () => audio as unknown as AudioContext };
    const { rerender } = render(<FullChime {...props} data={answer(50)} />);
    rerender(<FullChime {...props} data={answer(60)} />);
    expect(audio.started.map((n) => n.frequency)).toEqual([880, 659.25]);
    expect(audio.started[0]!.at).toBeGreaterThan(audio.currentTime);
    rerender(<FullChime {...props} data={answer(61)} />);
    rerender(<FullChime {...props} data={answer(61)} live={false} />);
    rerender(<FullChime {...props} data={answer(62)} />);
    expect(audio.started).toHaveLength(2);
    rerender(<FullChime {...props} data={answer(40)} />);
    rerender(<FullChime {...props} data={answer(60)} />);
    expect(audio.started).toHaveLength(4);
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('held back by the browser: offers "Tap to allow sound", which goes once allowed', async () => {
    const audio = new FakeAudio('suspended');
    render(<FullChime enabled live data={answer(10)} createAudio={() => audio as unknown as AudioContext} />);
    const tap = screen.getByRole('button', { name: 'Tap to allow sound' });
    await userEvent.setup().click(tap);
    expect(audio.state).toBe('running');
    expect(screen.queryByRole('button', { name: 'Tap to allow sound' })).not.toBeInTheDocument();
  });

  it('off for the link: no audio is made and nothing shows; turned off, the audio is closed', () => {
    let made = 0;
    const audio = new FakeAudio('suspended');
    const createAudio = () => {
      made++;
      return audio as unknown as AudioContext;
    };
    const { rerender } = render(<FullChime enabled={false} live data={answer(10)} createAudio={createAudio} />);
    rerender(<FullChime enabled={false} live data={answer(60)} createAudio={createAudio} />);
    expect(made).toBe(0);
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    rerender(<FullChime enabled live data={answer(60)} createAudio={createAudio} />);
    expect(made).toBe(1);
    act(() => rerender(<FullChime enabled={false} live data={answer(60)} createAudio={createAudio} />));
    expect(audio.closed).toBe(true);
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});

describe('the kiosk page', () => {
  afterEach(() => vi.unstubAllGlobals());
  const display = (chime: boolean): Me => ({
    kind: 'display',
    display: { id: 'd1', name: 'Café wall', spaces: null, mode: 'total', theme: null, lang: null, chime },
    demo: false,
  });
  const renderKiosk = (me: Me) => {
    const made: FakeAudio[] = [];
    vi.stubGlobal(
      'AudioContext',
      class extends FakeAudio {
        constructor() {
          super('suspended');
          made.push(this);
        }
      },
    );
    fakeBff({ '/api/config': () => json(makeConfig()), '/api/occupancy': () => json(makeOccupancy()), '/api/me': () => json(me) });
    const queryClient = createQueryClient();
    queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
    render(
      <QueryClientProvider client={queryClient}>
        <KioskPage search="" hash="" reload={() => undefined} />
      </QueryClientProvider>,
    );
    return made;
  };

  it('a display link with the chime asks for the tap while the browser holds sound back', async () => {
    const made = renderKiosk(display(true));
    expect(await screen.findByRole('button', { name: 'Tap to allow sound' })).toBeInTheDocument();
    expect(made).toHaveLength(1);
  });

  it('a display link without it makes no sound and shows no tap', async () => {
    const made = renderKiosk(display(false));
    expect(await screen.findByRole('heading', { name: 'Riverside Library', level: 1 })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Tap to allow sound' })).not.toBeInTheDocument();
    expect(made).toHaveLength(0);
  });
});
