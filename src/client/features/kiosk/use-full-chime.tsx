// The kiosk's chime: a display link with `chime` on plays a short two-note chime (Web Audio, no
// sound file) when its space (the answer's total: the link's first space, or the whole site) turns
// full, once per turn and only on a live count. Browsers start audio suspended until someone
// touches the page: then a small "Tap to allow sound" shows until it is allowed. A kiosk browser
// started with --autoplay-policy=no-user-gesture-required never needs the tap.
import { useEffect, useRef, useState } from 'react';
import { t } from '@/client/i18n/i18n';
import type { Occupancy } from '@/shared/api-schema';

/** Full now (true), not full (false), or not known (no capacity, no live count): no change then. */
export function fullNow(data: Occupancy | undefined, live: boolean): boolean | null {
  if (!live || data === undefined) return null;
  const { occupancy, capacity } = data.total;
  if (capacity === undefined || capacity === null) return null;
  return occupancy >= capacity;
}

/**
 * One step of the chime's rule: it chimes when the count goes from not full to full. The first
 * reading never chimes (the screen just opened on a full room), and an unknown reading changes
 * nothing (a stale spell inside one full turn is still that turn).
 */
export function chimeStep(before: boolean | null, now: boolean | null): { after: boolean | null; chime: boolean } {
  if (now === null) return { after: before, chime: false };
  return { after: now, chime: before === false && now };
}

/** A soft "ding-dong": two sine notes, each swelling in fast and fading out, about 1.4 s in all. */
export function playChime(audio: BaseAudioContext): void {
  const start = audio.currentTime + 0.02;
  const notes: [frequency: number, offset: number][] = [
    [880, 0], // A5
    [659.25, 0.42], // E5
  ];
  for (const [frequency, offset] of notes) {
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    const at = start + offset;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.35, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.95);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(at);
    oscillator.stop(at + 1);
  }
}

interface FullChimeProps {
  /** The display link's choice; off: no audio is touched at all. */
  enabled: boolean;
  data: Occupancy | undefined;
  /** The count on screen is live (not connecting, stale or unavailable). */
  live: boolean;
  /** For tests. */
  createAudio?: () => AudioContext;
}

/** Plays the chime as the rule says, and offers the tap that allows sound while the browser holds it back. */
export function FullChime({ enabled, data, live, createAudio = () => new AudioContext() }: FullChimeProps) {
  const audio = useAudio(enabled, createAudio);
  const last = useRef<boolean | null>(null);
  const full = fullNow(data, live);
  useEffect(() => {
    const step = chimeStep(last.current, full);
    last.current = step.after;
    if (step.chime && audio.context !== null) playChime(audio.context);
  }, [full, audio.context]);

  if (!audio.suspended) return null;
  return (
    <button
      type="button"
      onClick={audio.allow}
      className="fixed right-[1.6vmin] bottom-[1.6vmin] z-10 rounded-full border border-current/30 px-[1.8vmin] py-[0.8vmin] text-[2.2vmin] text-muted opacity-80"
    >
      {t('kiosk.allowSound')}
    </button>
  );
}

function useAudio(enabled: boolean, createAudio: () => AudioContext) {
  const [context, setContext] = useState<AudioContext | null>(null);
  const [suspended, setSuspended] = useState(false);
  // Made once per enabled screen; closed when the link turns the chime off or the page leaves.
  const create = useRef(createAudio);
  useEffect(() => {
    if (!enabled) return;
    let audio: AudioContext;
    try {
      audio = create.current();
    } catch {
      return;
    }
    const follow = () => setSuspended(audio.state === 'suspended');
    audio.addEventListener('statechange', follow);
    follow();
    setContext(audio);
    return () => {
      audio.removeEventListener('statechange', follow);
      void audio.close().catch(() => undefined);
      setContext(null);
      setSuspended(false);
    };
  }, [enabled]);
  const allow = () => {
    void context?.resume().then(() => setSuspended(context.state === 'suspended'));
  };
  return { context, suspended, allow };
}
