// The kiosk: a wall display at /kiosk, set up by URL parameters (kiosk-params.ts), readable from
// 5 m, never showing an old count as live, and running unattended for months: polling in the
// background at the normal interval through outages, the screen kept awake, one reload per deploy and a daily
// safety reload, and nothing that grows from one poll or page to the next.
import { byLabel, deviceLabel } from '@/client/lib/names';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useMemo } from 'react';
import { readCapacity } from '@/shared/occupancy-math';
import { DEFAULT_POLL_INTERVAL_MS } from '@/client/lib/occupancy-queries';
import { useNow } from '@/client/lib/use-now';
import type { Config, Occupancy } from '@/shared/api-schema';
import { KioskBoundary } from './kiosk-boundary';
import { type KioskDoor, KioskDoors } from './kiosk-doors';
import { FreshnessLine, KioskHeader } from './kiosk-frame';
import { type Freshness, judgeFreshness, staleAfterSeconds } from './kiosk-freshness';
import { KioskMessage, LINK_HINT } from './kiosk-message';
import { type KioskSettings, type KioskTheme, parseKioskParams } from './kiosk-params';
import { kioskConfigQueryOptions, kioskOccupancyQueryOptions } from './kiosk-queries';
import { KioskSign } from './kiosk-sign';
import { KioskTotal } from './kiosk-total';
import { reloadPage, useBuildReload } from './use-build-reload';
import { useDailyReload } from './use-daily-reload';
import { useWakeLock } from './use-wake-lock';
import './kiosk.css';

interface KioskPageProps {
  /** The URL's query string; the current page's by default. */
  search?: string;
  /** How the page reloads itself (tests pass a spy). */
  reload?: () => void;
}

export function KioskPage({ search = window.location.search, reload = reloadPage }: KioskPageProps) {
  const parsed = useMemo(() => parseKioskParams(search), [search]);
  if (!parsed.ok) {
    return (
      <KioskShell theme={parsed.theme}>
        <KioskMessage title="This kiosk link needs a fix" lines={parsed.problems.map((p) => p.message)} hint={LINK_HINT} />
      </KioskShell>
    );
  }
  return <KioskScreen settings={parsed.settings} reload={reload} />;
}

function KioskShell({ theme, children }: { theme: KioskTheme; children: ReactNode }) {
  return (
    <div className="kiosk" data-theme={theme}>
      <main className="flex h-full flex-col gap-[2.6vmin] px-[3.6vmin] pt-[3vmin] pb-[2.4vmin]">{children}</main>
    </div>
  );
}

/** The doors to show: all (by name) or the chosen ones in the order given; `missing` are chosen ids the site does not have. */
export function selectDoors(data: Occupancy, devices: KioskSettings['devices']): { doors: KioskDoor[]; missing: number[] } {
  // The BFF has already applied the site's labels and capacities to its answer.
  const all = data.devices.map((d) => ({ id: d.id, label: deviceLabel(d), occupancy: d.occupancy, capacity: d.capacity }));
  if (devices === 'all') return { doors: all.sort(byLabel), missing: [] };
  const byId = new Map(all.map((d) => [d.id, d]));
  const doors: KioskDoor[] = [];
  const missing: number[] = [];
  for (const id of devices) {
    const door = byId.get(id);
    if (door) doors.push(door);
    else missing.push(id);
  }
  return { doors, missing };
}

function KioskScreen({ settings, reload }: { settings: KioskSettings; reload: () => void }) {
  const config = useQuery(kioskConfigQueryOptions());
  const serverPollMs = config.data?.pollIntervalMs;
  const pollMs = settings.pollMs ?? serverPollMs ?? DEFAULT_POLL_INTERVAL_MS;
  const occupancy = useQuery(kioskOccupancyQueryOptions(pollMs));
  const nowMs = useNow();

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

  useWakeLock();
  useBuildReload(config.data?.buildId, reload);
  useDailyReload({ at: settings.reloadAt, timeZone, nowMs, flowing: freshness.kind === 'live', reload });

  const siteName = config.data?.siteName;
  useEffect(() => {
    document.title = siteName ? `${siteName} · Kiosk · Occupancy Live` : 'Kiosk · Occupancy Live';
  }, [siteName]);

  return (
    <KioskShell theme={settings.theme}>
      <KioskHeader siteName={siteName} demo={config.data?.demo ?? false} timeZone={timeZone} nowMs={nowMs} />
      <KioskBoundary resetKey={occupancy.dataUpdatedAt}>
        <KioskBody settings={settings} config={config.data} data={data} freshness={freshness} />
      </KioskBoundary>
    </KioskShell>
  );
}

interface KioskBodyProps {
  settings: KioskSettings;
  config: Config | undefined;
  data: Occupancy | undefined;
  freshness: Freshness;
}

function KioskBody({ settings, config, data, freshness }: KioskBodyProps) {
  const capacity = data?.total.capacity ?? config?.siteCapacity ?? null;
  const occupancyNow = data?.total.occupancy;
  const reading = occupancyNow === undefined ? null : readCapacity(occupancyNow, capacity);
  const sign = (variant: 'hero' | 'band') => (
    <KioskSign reading={reading} occupancy={occupancyNow} capacity={capacity} freshness={freshness} variant={variant} />
  );

  if (data && (data.notice === 'no_pro_devices' || data.devices.length === 0)) {
    return (
      <KioskMessage
        title="No people counters to show"
        lines={['The WELLPOINT account has no PRO devices, and only PRO devices report live counts.']}
        hint="Ask your administrator to check the account's plan."
      />
    );
  }

  if (settings.mode === 'total') {
    return (
      <>
        <div className="grid min-h-0 flex-1 gap-[3vmin] landscape:grid-cols-[minmax(0,1.2fr)_minmax(0,1fr)] portrait:grid-rows-[minmax(0,1fr)_minmax(0,0.62fr)]">
          <KioskTotal occupancy={occupancyNow} capacity={capacity} freshness={freshness} />
          <div className="min-h-0 min-w-0 [container-type:size]">{sign('hero')}</div>
        </div>
        <div className="flex h-[4.4vmin] shrink-0 items-center text-[3.2vmin]">
          <FreshnessLine freshness={freshness} />
        </div>
      </>
    );
  }

  const { doors, missing } = data ? selectDoors(data, settings.devices) : { doors: [], missing: [] };
  if (missing.length > 0 && data) {
    const known = data.devices.map((d) => d.id).join(', ');
    return (
      <KioskMessage
        title="This kiosk link needs a fix"
        lines={[
          `${missing.length === 1 ? 'Device' : 'Devices'} ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not among this site's people counters.`,
          `This site's counters are: ${known}.`,
        ]}
        hint={LINK_HINT}
      />
    );
  }

  return (
    <>
      <div className="h-[11vmin] shrink-0">{sign('band')}</div>
      <KioskDoors doors={doors} freshness={freshness} rotateMs={settings.rotateSeconds * 1000} status={<FreshnessLine freshness={freshness} />} />
    </>
  );
}
