// The live dashboard: the site total first, then every space (children under their parent), then
// the doors' traffic and health; every state designed (first load, live, stale, vendor key
// rejected, no PRO devices, server unreachable) and recovering by itself.
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { useMediaQuery } from '@/client/lib/use-media-query';
import type { DataAgeInput } from '@/client/components/ui/data-age';
import { DemoBadge } from '@/client/components/ui/demo-badge';
import { ErrorBoundary } from '@/client/components/ui/error-boundary';
import { Skeleton } from '@/client/components/ui/skeleton';
import type { Config, Occupancy } from '@/shared/api-schema';
import { t } from '@/client/i18n/i18n';
import { ClosedNotice } from './closed-notice';
import { DashboardSkeleton } from './dashboard-skeleton';
import { describeProblem } from '@/client/lib/error-text';
import { type DashboardStatus, deriveStatus } from './dashboard-status';
import { DoorHealthSection, DoorTraffic, healthFindings } from './door-traffic';
import { LiveAnnouncer } from './live-announcer';
import { NoProDevicesPanel, UnavailablePanel, UnknownDevicesPanel } from './notice-panels';
import { DEFAULT_POLL_INTERVAL_MS, occupancyQueryOptions } from '@/client/lib/occupancy-queries';
import { countedSince, readingSentence, SiteTotal, siteReading } from './site-total';
import { SpaceSection } from './space-section';
import { toDoorViews, toSpacesView } from './space-view';
import { StaleBanner } from './status-banner';

const SKELETON_DEVICES = 6;

interface DashboardPageProps {
  /** /api/config; undefined while loading or when it failed (the dashboard then uses fallbacks). */
  config: Config | undefined;
  configPending: boolean;
  /** A spot in the header for page actions (the app puts the CSV export there). */
  actions?: ReactNode;
  /** Today's curve under the site total; the app fills it (features do not import each other). */
  today?: (props: TodaySlotProps) => ReactNode;
  /** A note above the numbers (the app puts the open demo's there). */
  notice?: ReactNode;
}

/** What the Today slot is given: the live answer it ends in, the config, the site's zone. */
export interface TodaySlotProps {
  occupancy: Occupancy;
  config: Config | undefined;
  timeZone: string;
}

export function DashboardPage({ config, configPending, actions, today, notice }: DashboardPageProps) {
  const pollIntervalMs = config?.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS;
  const query = useQuery(occupancyQueryOptions(pollIntervalMs));
  const waitingForConfig = configPending && !query.error && !query.failureReason;
  // Without data, say what is wrong at the first failure (retries go on behind the panel); with
  // data, only once the retries are spent, so a single blip does not flash a stale banner.
  const error = query.error ?? (query.data ? null : query.failureReason);
  const status: DashboardStatus = waitingForConfig ? { kind: 'loading' } : deriveStatus({ data: query.data, error });
  const data = status.kind === 'live' || status.kind === 'stale' ? status.data : undefined;
  const timeZone = config?.timezone ?? data?.dayStart.timezone;
  const siteName = config?.siteName;

  useEffect(() => {
    document.title = siteName ? t('dashboard.titleNamed', { name: siteName }) : 'Occupancy Live';
  }, [siteName]);

  const age: DataAgeInput | undefined = data ? { receivedAt: query.dataUpdatedAt, ageAtReceipt: data.ageSeconds } : undefined;
  const announcement = announce(status, config);

  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-10 focus:rounded-lg focus:bg-surface focus:px-4 focus:py-2.5"
      >
        {t('dashboard.skip')}
      </a>
      <header className="border-b border-line bg-surface">
        {/* Phone: the badge beside the product name, the site name on a full-width line of its own.
            Wider: the badge and page actions at the right. Rows have fixed heights either way, so
            nothing moves when the config (site name, demo flag) arrives. A phone whose header holds
            the account menu too leaves the product name to the tab's title (it would not fit). */}
        <div className="group/header mx-auto grid max-w-screen-2xl grid-cols-[minmax(0,1fr)_auto] items-center gap-x-4 px-4 py-3 sm:px-6 lg:px-8">
          <p
            aria-hidden={siteName || configPending ? undefined : true}
            className={`col-start-1 row-start-1 flex min-h-6 items-center text-xs max-sm:group-has-[[data-account-menu]]/header:hidden font-semibold tracking-wider text-accent-ink uppercase max-sm:tracking-normal sm:min-h-0 ${siteName || configPending ? '' : 'invisible'}`}
          >
            Occupancy Live
          </p>
          <h1 className="col-span-2 col-start-1 row-start-2 truncate text-xl font-semibold text-ink sm:col-span-1 sm:text-2xl" title={siteName}>
            {siteName ??
              (configPending ? (
                <>
                  <span className="sr-only">{t('dashboard.loadingSite')}</span>
                  <Skeleton className="inline-block h-6 w-48 align-middle" />
                </>
              ) : (
                'Occupancy Live'
              ))}
          </h1>
          <div className="col-start-2 row-start-1 flex items-center gap-3 justify-self-end sm:row-span-2">
            {config?.demo ? <DemoBadge /> : null}
            {actions}
          </div>
        </div>
      </header>

      <main
        id="main"
        tabIndex={-1}
        aria-busy={status.kind === 'loading'}
        className="mx-auto flex w-full max-w-screen-2xl flex-1 flex-col px-4 py-5 outline-none sm:px-6 sm:py-8 lg:px-8"
      >
        <LiveAnnouncer state={announcement.state} message={announcement.message} />
        {notice}
        <ClosedNotice config={config} />

        {status.kind === 'loading' ? (
          <>
            <p className="sr-only">{t('dashboard.loadingNumbers')}</p>
            <DashboardSkeleton
              deviceCount={(config?.spaces ? config.spaces.length - 1 : config?.devices.length) || SKELETON_DEVICES}
              siteHasCapacity={config ? (config.spaces?.[0]?.capacity ?? config.siteCapacity) != null : true}
            />
          </>
        ) : null}

        {status.kind === 'unavailable' ? (
          <UnavailablePanel
            problem={status.problem}
            pollIntervalMs={pollIntervalMs}
            authBackoffSeconds={config?.authBackoffSeconds}
            lastAttemptAt={query.errorUpdatedAt}
            timeZone={timeZone}
            isFetching={query.isFetching}
            onRetry={() => void query.refetch()}
          />
        ) : null}

        {data && age && timeZone ? (
          <>
            {status.kind === 'stale' ? (
              <StaleBanner problem={status.problem} age={age} pollIntervalMs={pollIntervalMs} authBackoffSeconds={config?.authBackoffSeconds} />
            ) : null}
            <LiveContent
              today={today}
              data={data}
              config={config}
              timeZone={timeZone}
              age={age}
              stale={status.kind === 'stale'}
              isFetching={query.isFetching}
            />
          </>
        ) : null}
      </main>

      <footer className="border-t border-line">
        <div className="mx-auto max-w-screen-2xl px-4 py-4 text-sm text-muted sm:px-6 lg:px-8">
          {timeZone ? `${t('dashboard.footer.zone', { zone: timeZone })} ` : null}
          {config?.demo ? t('dashboard.footer.demo') : null}
        </div>
      </footer>
    </div>
  );
}

interface LiveContentProps {
  today: DashboardPageProps['today'];
  data: Occupancy;
  config: Config | undefined;
  timeZone: string;
  age: DataAgeInput;
  stale: boolean;
  isFetching: boolean;
}

function LiveContent({ today: renderToday, data, config, timeZone, age, stale, isFetching }: LiveContentProps) {
  // On a phone the spaces come right after the site total (a thumb's reach), the curve after them;
  // on a wider screen the curve tells the total's story right below it. DOM order follows.
  const wide = useMediaQuery('(min-width: 40rem)');
  if (data.notice === 'no_pro_devices' || data.devices.length === 0) return <NoProDevicesPanel />;
  const spaces = toSpacesView(data);
  const doors = toDoorViews(data);
  const since = countedSince(data, timeZone);
  // Without configured spaces a door's space is the door itself: only the one-way doors and the
  // site are judged here, the door cards note their own imbalance.
  const findings = healthFindings(doors, spaces.root, spaces.configured ? spaces.tree : [], since);
  const today = renderToday ? (
    <ErrorBoundary key="today" name={t('dashboard.part.today')}>
      {/* A stale curve loses its colour with the numbers it ends in. */}
      <div data-stale={stale || undefined} className={stale ? 'grayscale' : undefined}>
        {renderToday({ occupancy: data, config, timeZone })}
      </div>
    </ErrorBoundary>
  ) : null;
  const gauges = (
    <ErrorBoundary key="spaces" name={spaces.configured ? t('dashboard.part.spaces') : t('dashboard.part.doors')}>
      <SpaceSection tree={spaces.tree} configured={spaces.configured} stale={stale} age={age} />
    </ErrorBoundary>
  );
  return (
    <>
      <ErrorBoundary name={t('dashboard.part.total')}>
        <SiteTotal data={data} root={spaces.root} siteCapacity={config?.siteCapacity} timeZone={timeZone} age={age} stale={stale} isFetching={isFetching} />
      </ErrorBoundary>
      <UnknownDevicesPanel ids={data.unknownDevices} />
      {wide ? [today, gauges] : [gauges, today]}
      <ErrorBoundary name={t('dashboard.part.traffic')}>
        {spaces.configured ? (
          <DoorTraffic doors={doors} findings={findings} since={since} stale={stale} />
        ) : (
          <DoorHealthSection findings={findings} since={since} />
        )}
      </ErrorBoundary>
    </>
  );
}

/** What the live region says: the state coarse enough that a change is news, the total in words. */
function announce(status: DashboardStatus, config: Config | undefined): { state: string; message: string } {
  switch (status.kind) {
    case 'loading':
      return { state: 'loading', message: '' };
    case 'unavailable':
      return { state: `unavailable:${status.problem.code}`, message: t('dashboard.announce.unavailable', { problem: describeProblem(status.problem).title }) };
    case 'stale':
      return {
        state: `stale:${status.problem.code}`,
        message: t('dashboard.announce.stale', { problem: describeProblem(status.problem).title }),
      };
    case 'live': {
      const { data } = status;
      if (data.notice === 'no_pro_devices' || data.devices.length === 0) {
        return { state: 'no_devices', message: t('dashboard.announce.noDevices') };
      }
      const { capacity, reading } = siteReading(data, toSpacesView(data).root, config?.siteCapacity);
      const total = readingSentence(data.total.occupancy, capacity, reading);
      return { state: `live:${reading?.state ?? ''}`, message: t('dashboard.announce.live', { total }) };
    }
  }
}
