// The kiosk: a wall display at /kiosk of spaces, doors or one sign (kiosk-view.ts), set up by URL
// parameters (kiosk-params.ts), readable from 5 m, never showing an old count as live, and running
// unattended for months: polling in the background at the normal interval through outages, the
// screen kept awake, one reload per deploy and a daily safety reload, and nothing that grows from
// one poll or page to the next.
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { t } from '@/client/i18n/i18n';
import { useLanguageChoice } from '@/client/i18n/language-choice';
import { ApiRequestError } from '@/client/lib/api-client';
import type { Problem } from '@/client/lib/error-text';
import { DEFAULT_POLL_INTERVAL_MS } from '@/client/lib/occupancy-queries';
import { useNow } from '@/client/lib/use-now';
import { useOpenState } from '@/client/lib/use-open-state';
import type { Config, Occupancy } from '@/shared/api-schema';
import { isLanguage, type Language } from '@/shared/i18n/languages';
import { type DisplaySettings, type KioskAccess, useKioskAccess, withDisplay } from './kiosk-access';
import { KioskBoundary } from './kiosk-boundary';
import { KioskClosed } from './kiosk-closed';
import { doorCard, KioskCards, spaceCard } from './kiosk-cards';
import { FreshnessLine, KioskHeader } from './kiosk-frame';
import { type Freshness, judgeFreshness, staleAfterSeconds } from './kiosk-freshness';
import { KioskMessage, linkHint, needsLink, revoked as revokedMessage } from './kiosk-message';
import { type KioskSettings, type KioskTheme, parseKioskParams } from './kiosk-params';
import { kioskConfigQueryOptions, kioskOccupancyQueryOptions } from './kiosk-queries';
import { KioskSign } from './kiosk-sign';
import { KioskTotal } from './kiosk-total';
import { chooseView, hasCount, type KioskView } from './kiosk-view';
import { reloadPage, useBuildReload } from './use-build-reload';
import { useDailyReload } from './use-daily-reload';
import { FullChime } from './use-full-chime';
import { useWakeLock } from './use-wake-lock';
import './kiosk.css';

interface KioskPageProps {
  /** The URL's query string; the current page's by default. */
  search?: string;
  /** The URL's fragment (a display link's token); the current page's by default. */
  hash?: string;
  /** How the page reloads itself (tests pass a spy). */
  reload?: () => void;
}

export function KioskPage({ search = window.location.search, hash, reload = reloadPage }: KioskPageProps) {
  const parsed = useMemo(() => parseKioskParams(search), [search]);
  // Read once: the token leaves the address bar as soon as the server has answered it.
  const [linkHash] = useState(() => hash ?? window.location.hash);
  const access = useKioskAccess(linkHash);
  useKioskLanguage(parsed.ok ? parsed.settings.lang : parsed.lang, access);
  if (!parsed.ok) {
    return (
      <KioskShell theme={parsed.theme}>
        <KioskMessage title={t('kiosk.message.linkNeedsFix')} lines={parsed.problems.map((p) => p.message)} hint={linkHint()} />
      </KioskShell>
    );
  }
  const theme = access.kind === 'display' ? withDisplay(parsed.settings, access.display).theme : parsed.settings.theme;
  switch (access.kind) {
    case 'checking':
      return (
        <KioskShell theme={theme}>
          <p className="m-auto text-[3.2vmin] text-muted">{t('kiosk.connecting')}</p>
        </KioskShell>
      );
    case 'revoked':
      return (
        <KioskShell theme={theme}>
          <KioskMessage {...revokedMessage()} />
        </KioskShell>
      );
    case 'needs-link':
      return (
        <KioskShell theme={theme}>
          <KioskMessage {...needsLink()} />
        </KioskShell>
      );
    case 'bad-link':
      return (
        <KioskShell theme={theme}>
          <KioskMessage title={t('kiosk.message.badLinkTitle')} lines={[badLinkLine(access.problem)]} hint={needsLink().hint} />
        </KioskShell>
      );
    case 'display':
      return <KioskScreen settings={withDisplay(parsed.settings, access.display)} display={access.display} reload={reload} />;
    case 'browser':
      return <KioskScreen settings={parsed.settings} display={null} reload={reload} />;
  }
}

/** Why a display link did not work: too many wrong ones, a person's browser, or an unknown link. */
function badLinkLine({ code, retryInSeconds }: Problem): string {
  if (code === 'rate_limited') return t('kiosk.message.badLinkTooMany', { minutes: Math.max(1, Math.ceil((retryInSeconds ?? 900) / 60)) });
  if (code === 'conflict') return t('kiosk.message.badLinkPerson');
  return t('kiosk.message.badLinkUnknown');
}

/**
 * The kiosk's language: its `?lang=`, else its display link's, else the site's (config.locale,
 * read from the cache the screen's own config query fills), else the browser's.
 */
function useKioskLanguage(query: Language | null, access: KioskAccess): void {
  const config = useQuery({ ...kioskConfigQueryOptions(), enabled: false });
  const display = access.kind === 'display' && isLanguage(access.display.lang) ? access.display.lang : null;
  // A screen that says why it cannot show counts asks for no config: the browser's language then.
  const noScreen = access.kind === 'revoked' || access.kind === 'needs-link' || access.kind === 'bad-link';
  const ready = query !== null || display !== null || config.data !== undefined || config.isError || noScreen;
  useLanguageChoice({ query, display, site: config.data?.locale ?? null }, ready);
}

function KioskShell({ theme, children }: { theme: KioskTheme; children: ReactNode }) {
  return (
    <div className="kiosk" data-theme={theme}>
      <main className="flex h-full flex-col gap-[2.6vmin] px-[3.6vmin] pt-[3vmin] pb-[2.4vmin]">{children}</main>
    </div>
  );
}

/** The error code a failed request carries, if it is ours. */
const codeOf = (error: unknown) => (error instanceof ApiRequestError ? error.code : null);

function KioskScreen({ settings, display, reload }: { settings: KioskSettings; display: DisplaySettings | null; reload: () => void }) {
  // A revoked link stays revoked: the screen stops asking (no reload, no loop) and says so.
  const [revoked, setRevoked] = useState(false);
  const config = useQuery({ ...kioskConfigQueryOptions(), enabled: !revoked });
  const serverPollMs = config.data?.pollIntervalMs;
  const pollMs = settings.pollMs ?? serverPollMs ?? DEFAULT_POLL_INTERVAL_MS;
  const occupancy = useQuery({ ...kioskOccupancyQueryOptions(pollMs), enabled: !revoked });
  const nowMs = useNow();
  const refused = [codeOf(occupancy.error), codeOf(config.error)];
  if (!revoked && refused.includes('display_revoked')) setRevoked(true);
  const data = occupancy.data;
  const freshness = judgeFreshness({
    nowMs,
    receivedAt: data ? occupancy.dataUpdatedAt : undefined,
    ageAtReceipt: data?.ageSeconds ?? 0,
    serverStale: data?.stale ?? false,
    failing: occupancy.isError || occupancy.failureCount > 0,
    staleAfterSeconds: staleAfterSeconds(pollMs, serverPollMs),
    outageSeconds: settings.outageSeconds,
  });
  const timeZone = config.data?.timezone ?? data?.dayStart.timezone;
  // Decided here each minute from the config's hours, not from a poll answer.
  const hours = useOpenState(config.data?.openingHours, config.data?.timezone, nowMs);

  useWakeLock();
  useBuildReload(config.data?.buildId, reload);
  useDailyReload({ at: settings.reloadAt, timeZone, nowMs, flowing: freshness.kind === 'live', reload });

  const view = chooseView(settings, data, config.data ? config.data.spaces !== null : undefined);
  const siteName = config.data?.siteName;
  const place = view.kind === 'total' && view.spaceId !== null ? placeName(view.spaceId, view, config.data) : undefined;
  useEffect(() => {
    const name = [place, siteName].filter(Boolean).join(' · ');
    document.title = name ? t('kiosk.titleNamed', { name }) : t('kiosk.title');
  }, [place, siteName]);

  if (revoked) {
    return (
      <KioskShell theme={settings.theme}>
        <KioskMessage {...revokedMessage()} />
      </KioskShell>
    );
  }
  // Signed out (a person's session ended) with no display link: said, and asked again each poll.
  if (refused.includes('unauthorized') && occupancy.data === undefined) {
    return (
      <KioskShell theme={settings.theme}>
        <KioskMessage {...needsLink()} />
      </KioskShell>
    );
  }

  return (
    <KioskShell theme={settings.theme}>
      <KioskHeader siteName={siteName} place={place} demo={config.data?.demo ?? false} timeZone={timeZone} nowMs={nowMs} />
      {/* A link that needs a fix says so even at night: whoever installs the screen must see it. */}
      {!hours.open && timeZone !== undefined && view.kind !== 'problem' ? (
        <KioskClosed nextOpen={hours.nextOpen} timeZone={timeZone} nowMs={nowMs} />
      ) : (
        <KioskBoundary resetKey={occupancy.dataUpdatedAt}>
          <KioskBody settings={settings} view={view} config={config.data} data={data} freshness={freshness} />
        </KioskBoundary>
      )}
      <FullChime enabled={display?.chime === true} data={data} live={freshness.kind === 'live' && hours.open} />
    </KioskShell>
  );
}

/** A chosen space's name: from the answer, else from the configured tree (in before the first count), else its id. */
function placeName(spaceId: string, view: Extract<KioskView, { kind: 'total' }>, config: Config | undefined): string {
  return view.space?.name ?? config?.spaces?.find((s) => s.id === spaceId)?.name ?? spaceId;
}

interface KioskBodyProps {
  settings: KioskSettings;
  view: KioskView;
  config: Config | undefined;
  data: Occupancy | undefined;
  freshness: Freshness;
}

function KioskBody({ settings, view, config, data, freshness }: KioskBodyProps) {
  // The chosen space, or the whole site (the root space, which `total` equals), with the server's state.
  const site = data?.spaces.find((s) => s.parent === null);
  const space = view.kind === 'total' ? view.space : null;
  const subject = space ?? site;
  const capacity = subject === undefined ? (config?.siteCapacity ?? null) : subject.capacity;
  const occupancyNow = subject?.occupancy;
  // None of its doors in the answer: no count at all, not an empty room.
  const noCount = subject !== undefined && data !== undefined && !hasCount(subject, data);
  const state = subject === undefined ? null : noCount ? 'unknown' : subject.capacity === null ? null : subject.state;
  const place = space?.name ?? t('kiosk.wholeSite');
  const sign = (variant: 'hero' | 'band') => (
    <KioskSign state={state} occupancy={occupancyNow} capacity={capacity} place={place} freshness={freshness} variant={variant} />
  );

  if (data && (data.notice === 'no_pro_devices' || data.devices.length === 0)) {
    return <KioskMessage title={t('kiosk.message.noDevicesTitle')} lines={[t('kiosk.message.noDevicesLine')]} hint={t('kiosk.message.noDevicesHint')} />;
  }

  if (view.kind === 'problem') return <KioskMessage title={t('kiosk.message.linkNeedsFix')} lines={view.lines} hint={linkHint()} />;

  if (view.kind === 'total') {
    return (
      <>
        <div className="grid min-h-0 flex-1 gap-[3vmin] landscape:grid-cols-[minmax(0,1.2fr)_minmax(0,1fr)] portrait:grid-rows-[minmax(0,1fr)_minmax(0,0.62fr)]">
          <KioskTotal occupancy={occupancyNow} capacity={capacity} freshness={freshness} noCount={noCount} />
          <div className="min-h-0 min-w-0 [container-type:size]">{sign('hero')}</div>
        </div>
        <div className="flex h-[4.4vmin] shrink-0 items-center text-[3.2vmin]">
          <FreshnessLine freshness={freshness} />
        </div>
      </>
    );
  }

  const status = <FreshnessLine freshness={freshness} />;
  const rotateMs = settings.rotateSeconds * 1000;
  if (view.kind === 'spaces') {
    const cards = (
      <KioskCards
        name="spaces"
        cards={view.spaces.map((s) => spaceCard(s, data === undefined || hasCount(s, data)))}
        freshness={freshness}
        rotateMs={rotateMs}
        status={status}
      />
    );
    if (!view.entranceSign) return cards;
    return (
      <>
        <div className="h-[11vmin] shrink-0">{sign('band')}</div>
        {cards}
      </>
    );
  }
  return (
    <>
      {/* Before the first answer the band says "Connecting…" (a site without spaces is the likelier). */}
      <div className="h-[11vmin] shrink-0">{sign('band')}</div>
      <KioskCards name="doors" cards={view.kind === 'doors' ? view.doors.map(doorCard) : []} freshness={freshness} rotateMs={rotateMs} status={status} />
    </>
  );
}
