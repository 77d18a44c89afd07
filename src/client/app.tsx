// The app shell: loads the site config once for every feature and picks the screen. There is
// one screen for now; unknown paths show it too.
import { useQuery } from '@tanstack/react-query';
import { configQueryOptions } from '@/client/features/config/config-queries';
import { DashboardPage } from '@/client/features/occupancy/dashboard-page';

export function App() {
  const config = useQuery(configQueryOptions());
  return <DashboardPage config={config.data} configPending={config.isPending} />;
}
