// The entrance sign: a space's count (the site's, or a chosen space's) against its capacity as a
// traffic light with words, "Come in" or "Please wait", in the dashboard's colour-blind-safe
// colours with an icon each. When the count can no longer be trusted (an outage, or none of the
// space's doors reporting) it turns a neutral grey "Live count unavailable": an old green or red
// could send people the wrong way.
import type { ComponentType, SVGProps } from 'react';
import { capacityStateVisual } from '@/client/components/ui/capacity-state';
import { CloudOffIcon } from '@/client/components/ui/icons';
import { t } from '@/client/i18n/i18n';
import type { MessageKey } from '@/shared/i18n/message-key';
import type { CapacityState } from '@/shared/occupancy-math';
import { formatCount, formatDuration } from '@/client/lib/format';
import type { Freshness } from './kiosk-freshness';

/** The sign's words (product.md's table), the same on the kiosk, the dashboard and /public. */
export const signWords: Record<CapacityState, MessageKey> = {
  available: 'common.sign.comeIn',
  nearly_full: 'common.sign.comeIn',
  full: 'common.sign.pleaseWait',
};

export const UNAVAILABLE_WORDS: MessageKey = 'common.sign.unavailable';

interface KioskSignProps {
  /**
   * The space's state by the one capacity rule; null when it has no capacity (only the count is
   * shown); `unknown` when none of its doors has a live count.
   */
  state: CapacityState | 'unknown' | null;
  occupancy: number | undefined;
  capacity: number | null;
  /** What the count is of, said when there is no capacity: "The whole site", "Café". */
  place: string;
  freshness: Freshness;
  /**
   * `hero`: the big sign of the site-total screen, sized from its own box (a size container);
   * `band`: the strip above the door tiles.
   */
  variant: 'hero' | 'band';
}

export function KioskSign({ state: capacityState, occupancy, capacity, place, freshness, variant }: KioskSignProps) {
  const hero = variant === 'hero';
  const noLiveCount = freshness.kind === 'live' || freshness.kind === 'stale' ? capacityState === 'unknown' : false;
  const unavailable = freshness.kind === 'connecting' || freshness.kind === 'unavailable' || noLiveCount;
  const state = freshness.kind === 'connecting' ? 'connecting' : unavailable ? 'unavailable' : (capacityState ?? 'no-capacity');

  let Icon: ComponentType<SVGProps<SVGSVGElement>> | null;
  let words: string;
  let detail: string;
  let tone: string;
  if (freshness.kind === 'connecting') {
    Icon = null;
    words = t('kiosk.connecting');
    detail = '';
    tone = 'bg-[var(--neutral-sign)] text-[var(--neutral-sign-ink)]';
  } else if (freshness.kind === 'unavailable') {
    Icon = CloudOffIcon;
    words = t(UNAVAILABLE_WORDS);
    detail = freshness.ageSeconds === null ? t('kiosk.sign.waitingForServer') : t('kiosk.sign.lastCount', { age: formatDuration(freshness.ageSeconds) });
    tone = 'bg-[var(--neutral-sign)] text-[var(--neutral-sign-ink)]';
  } else if (capacityState === 'unknown') {
    // The server answers, but none of this space's doors does.
    Icon = CloudOffIcon;
    words = t(UNAVAILABLE_WORDS);
    detail = t('kiosk.sign.doorsSilent');
    tone = 'bg-[var(--neutral-sign)] text-[var(--neutral-sign-ink)]';
  } else if (capacityState === null) {
    // No capacity configured: no traffic light, only the count.
    Icon = null;
    words = occupancy === undefined ? '' : t('kiosk.sign.inside', { n: formatCount(occupancy) });
    detail = place;
    tone = 'border-[0.3vmin] border-line bg-surface text-ink';
  } else {
    const visual = capacityStateVisual[capacityState];
    Icon = visual.Icon;
    words = t(signWords[capacityState]);
    detail = t(visual.words);
    tone = `text-[var(--sign-ink)] ${visual.fill}`;
  }
  const count =
    !unavailable && capacityState !== null && occupancy !== undefined
      ? t('kiosk.sign.insideOf', { n: formatCount(occupancy), capacity: formatCount(capacity ?? 0) })
      : null;

  if (hero) {
    return (
      <section
        aria-label={t('kiosk.sign.label')}
        data-state={state}
        className={`flex h-full flex-col items-center justify-center gap-[3cqh] rounded-[3vmin] px-[6cqw] text-center ${tone}`}
      >
        {Icon ? <Icon aria-hidden="true" className="size-[min(22cqh,26cqw)] shrink-0" strokeWidth={2.2} /> : null}
        <p className={`leading-[0.95] font-bold tracking-tight text-balance ${unavailable ? 'text-[min(13cqh,11cqw)]' : 'text-[min(19cqh,17cqw)]'}`}>{words}</p>
        {detail ? <p className="text-[min(8cqh,7cqw)] leading-tight font-medium opacity-90">{detail}</p> : null}
      </section>
    );
  }

  return (
    // A size container: on a narrow portrait screen the words shrink to the band's width rather than lose their end.
    <section
      aria-label={t('kiosk.sign.label')}
      data-state={state}
      className={`flex h-full items-center gap-[2.4vmin] rounded-[2vmin] px-[3vmin] [container-type:inline-size] ${tone}`}
    >
      {Icon ? <Icon aria-hidden="true" className="size-[6.4vmin] shrink-0" strokeWidth={2.2} /> : null}
      <p className={`min-w-0 flex-1 truncate leading-none font-bold tracking-tight ${unavailable ? 'text-[min(5vmin,4.4cqw)]' : 'text-[min(6.4vmin,5.4cqw)]'}`}>
        {words}
      </p>
      <p className="shrink-0 text-right leading-tight">
        {count ? <span className="block text-[3.6vmin] font-semibold tabular-nums">{count}</span> : null}
        {detail ? <span className="block text-[3.2vmin] font-medium">{detail}</span> : null}
      </p>
    </section>
  );
}
