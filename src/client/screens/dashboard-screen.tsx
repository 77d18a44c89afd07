// The dashboard as the app shows it at /: the live page with its header's actions (the CSV export,
// the alerts, the account), the open demo's note and Today's curve. A chunk of its own, so the
// kiosk's first load does not carry it; on the dashboard's paths the page preloads it beside the
// entry (src/server/boot-page.ts).
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { loadMessages } from '@/client/i18n/load';
import { configQueryOptions } from '@/client/lib/config-queries';
import { useNearScreen } from '@/client/lib/use-near-screen';
import { AlertsBell } from '@/client/features/alerts/alerts-bell';
import { AccountMenu } from '@/client/features/auth/account-menu';
import { OpenDemoNote } from '@/client/features/auth/open-demo-note';
import { ExportButton } from '@/client/features/export/export-dialog';
import { TodaySkeleton } from '@/client/features/history/today-frame';
import { DashboardPage, type TodaySlotProps } from '@/client/features/occupancy/dashboard-page';

// Today's curve brings the chart library: it loads after the live numbers, not with them, and
// only once its place nears the screen (on a phone it sits below the spaces: the library's cost
// is paid by those who scroll to it, not by the first screen).
const TodaySection = lazy(() =>
  Promise.all([import('@/client/features/history/today-section'), loadMessages('history')]).then(([m]) => ({ default: m.TodaySection })),
);

function Today(props: TodaySlotProps) {
  const [place, near] = useNearScreen<HTMLDivElement>();
  return (
    <div ref={place}>
      {near ? (
        <Suspense fallback={<TodaySkeleton />}>
          <TodaySection {...props} />
        </Suspense>
      ) : (
        <TodaySkeleton />
      )}
    </div>
  );
}

export function DashboardScreen() {
  const config = useQuery(configQueryOptions());
  return (
    <DashboardPage
      config={config.data}
      configPending={config.isPending}
      actions={
        <>
          <ExportButton config={config.data} />
          <AlertsBell />
          <AccountMenu />
        </>
      }
      notice={<OpenDemoNote />}
      today={(props) => <Today {...props} />}
    />
  );
}
