// The app shell: loads the site config once for every feature and picks the screen: the kiosk
// at /kiosk, the dashboard everywhere else (unknown paths too).
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { loadChunk, ReloadWhenBack } from '@/client/components/ui/reload-when-back';
import { configQueryOptions } from '@/client/features/config/config-queries';
import { ExportButton } from '@/client/features/export/export-dialog';
import { DashboardPage } from '@/client/features/occupancy/dashboard-page';

// The kiosk's code loads only on /kiosk, so the dashboard's first load does not carry it.
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
  return <DashboardPage config={config.data} configPending={config.isPending} actions={<ExportButton config={config.data} />} />;
}
