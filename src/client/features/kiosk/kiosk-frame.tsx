// The frame around every kiosk screen: site name and demo label, a clock and the local date in
// the site's zone at the top; the freshness of the numbers and the page indicator at the bottom.
import { ClockIcon } from '@/client/components/ui/icons';
import { activeLocale, t } from '@/client/i18n/i18n';
import { formatClockTime, formatDuration } from '@/client/lib/format';
import type { Freshness } from './kiosk-freshness';

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** "Thursday 26 November", "Samstag, 28. November", "november 28., szombat": the kiosk's language, the site's zone. */
export function formatLongDate(nowMs: number, timeZone: string | undefined): string {
  const locale = activeLocale();
  const key = `${timeZone ?? ''} ${locale}`;
  let format = dateFormats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long' };
    try {
      format = new Intl.DateTimeFormat(locale, timeZone ? { ...options, timeZone } : options);
    } catch {
      format = new Intl.DateTimeFormat(locale, options); // unknown zone: the browser's
    }
    dateFormats.set(key, format);
  }
  return format.format(nowMs);
}

interface KioskHeaderProps {
  siteName: string | undefined;
  /** The one space this screen is about, its name the title; the site's name then goes small beneath. */
  place?: string | undefined;
  demo: boolean;
  timeZone: string | undefined;
  nowMs: number;
}

export function KioskHeader({ siteName, place, demo, timeZone, nowMs }: KioskHeaderProps) {
  const zone = timeZone ?? new Intl.DateTimeFormat().resolvedOptions().timeZone;
  return (
    <header className="flex items-start justify-between gap-[4vmin]">
      <div className="min-w-0 pt-[0.6vmin]">
        <h1 className="line-clamp-2 text-[4.6vmin] leading-tight font-semibold text-balance">{place ?? siteName ?? 'Occupancy Live'}</h1>
        <p className="mt-[0.6vmin] flex items-center gap-[1.6vmin] text-[2.4vmin] text-muted">
          {/* Under a space's name the site says where it is; the product's name would only crowd a portrait line. */}
          {place !== undefined ? (
            <span className="min-w-0 truncate font-semibold text-ink">{siteName ?? ''}</span>
          ) : (
            <span className="shrink-0 font-semibold tracking-wider text-accent-ink uppercase">Occupancy Live</span>
          )}
          {demo ? (
            <span className="inline-flex shrink-0 items-center gap-[0.8vmin] rounded-full whitespace-nowrap border-[0.25vmin] border-notice bg-notice-soft px-[1.4vmin] py-[0.2vmin] font-semibold text-notice-ink">
              <span aria-hidden="true" className="size-[1.2vmin] rounded-full bg-notice" />
              {t('kiosk.demo')}
            </span>
          ) : null}
        </p>
      </div>
      <div className="shrink-0 text-right">
        <p className="text-[7.4vmin] leading-none font-semibold tabular-nums">
          <time dateTime={new Date(nowMs).toISOString()}>{formatClockTime(new Date(nowMs), zone, { seconds: false })}</time>
        </p>
        <p className="mt-[0.8vmin] text-[2.8vmin] text-muted">{formatLongDate(nowMs, zone)}</p>
      </div>
    </header>
  );
}

/** How fresh the numbers are, in words; the stale form is loud on purpose. */
export function FreshnessLine({ freshness, className = '' }: { freshness: Freshness; className?: string }) {
  switch (freshness.kind) {
    case 'connecting':
      return <p className={`text-muted ${className}`}>{t('kiosk.connecting')}</p>;
    case 'live':
      return (
        <p className={`flex items-center gap-[1.2vmin] text-muted ${className}`}>
          <span aria-hidden="true" className="size-[1.6vmin] rounded-full bg-accent" />
          <span className="font-semibold text-accent-ink">{t('kiosk.freshness.live')}</span>
        </p>
      );
    case 'stale':
      return (
        <p
          data-stale="true"
          className={`inline-flex items-center gap-[1.2vmin] rounded-full bg-notice-soft px-[2vmin] py-[0.6vmin] font-semibold text-notice-ink ${className}`}
        >
          <ClockIcon className="size-[1.2em] shrink-0" />
          {t('kiosk.freshness.stale', { age: formatDuration(freshness.ageSeconds) })}
        </p>
      );
    case 'unavailable':
      return (
        <p className={`inline-flex items-center gap-[1.2vmin] font-semibold text-muted ${className}`}>
          <ClockIcon className="size-[1.2em] shrink-0" />
          {freshness.ageSeconds === null
            ? t('kiosk.freshness.reconnecting')
            : t('kiosk.freshness.reconnectingAge', { age: formatDuration(freshness.ageSeconds) })}
        </p>
      );
  }
}

export function PageIndicator({ page, pages }: { page: number; pages: number }) {
  if (pages <= 1) return null;
  return (
    <p className="flex items-center gap-[1.6vmin] text-[2.6vmin] text-muted">
      <span aria-hidden="true" className="flex items-center gap-[1vmin]">
        {Array.from({ length: pages }, (_, i) => (
          <span key={i} className={`rounded-full transition-all duration-500 ${i === page ? 'h-[1.4vmin] w-[4vmin] bg-ink' : 'size-[1.4vmin] bg-line'}`} />
        ))}
      </span>
      <span className="tabular-nums">{t('kiosk.page', { page: page + 1, pages })}</span>
    </p>
  );
}
