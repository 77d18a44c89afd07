// The app shell: loads the site config once for every feature and picks the screen: the kiosk
// at /kiosk, the dashboard everywhere else (unknown paths too). It composes the features: the
// dashboard gets the export action and Today's curve through its slots.
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { loadChunk, ReloadWhenBack } from '@/client/components/ui/reload-when-back';
import { configQueryOptions } from '@/client/lib/config-queries';
import { ExportButton } from '@/client/features/export/export-dialog';
import { TodaySkeleton } from '@/client/features/history/today-frame';
import { DashboardPage, type TodaySlotProps } from '@/client/features/occupancy/dashboard-page';

// The kiosk's code loads only on /kiosk, so the dashboard's first load does not carry it.
// Today's curve brings the chart library: it loads after the live numbers, not with them.
const TodaySection = lazy(() => import('@/client/features/history/today-section').then((m) => ({ default: m.TodaySection })));

function Today(props: TodaySlotProps) {
  return (
    <Suspense fallback={<TodaySkeleton />}>
      <TodaySection {...props} />
    </Suspense>
  );
}

const KioskPage = lazy(loadChunk(() => import('@/client/features/kiosk/kiosk-page').then((m) => ({ default: m.KioskPage }))));

export function App() {
  const config = useQuery(configQueryOptions());
  if (/^\/kiosk\/?$/.test(window.location.pathname)) {
    return (
      <ReloadWhenBack>
        <Suspense fallback={null}>
          <KioskPage />
        </Suspense>
      </ReloadWhenBack>
    );
  }
  return (
    <DashboardPage
      config={config.data}
      configPending={config.isPending}
      actions={<ExportButton config={config.data} />}
      today={(props) => <Today {...props} />}
    />
  );
}
