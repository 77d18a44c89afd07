// The app shell: picks the screen by path and composes the features. The dashboard at / (and at
// unknown paths), the kiosk at /kiosk, the account pages (/sign-in, /setup, /set-password) and
// Settings (/settings/<section>). Only the dashboard is in the first load; every other screen is
// a chunk of its own. On the dashboard and Settings, a 401 sends to sign-in or setup.
import { useQuery } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense } from 'react';
import { loadChunk, ReloadWhenBack } from '@/client/components/ui/reload-when-back';
import { useLanguageChoice } from '@/client/i18n/language-choice';
import { loadMessages } from '@/client/i18n/load';
import { configQueryOptions } from '@/client/lib/config-queries';
import { meQueryOptions } from '@/client/lib/me-queries';
import { usePathname } from '@/client/lib/navigation';
import { useNearScreen } from '@/client/lib/use-near-screen';
import { useKeepLastAnswers } from '@/client/pwa/keep-last-answers';
import { useRegisterServiceWorker } from '@/client/pwa/service-worker';
import { UpdateBar } from '@/client/pwa/update-bar';
import { AlertsBell } from '@/client/features/alerts/alerts-bell';
import { AccountMenu } from '@/client/features/auth/account-menu';
import { useAuthRedirect } from '@/client/features/auth/auth-redirect';
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

// The kiosk's, the account pages' and Settings' code loads only on their paths, so the
// dashboard's first load does not carry them.
const KioskPage = lazy(loadChunk(() => import('@/client/features/kiosk/kiosk-page').then((m) => ({ default: m.KioskPage }))));
const SignInPage = lazy(loadChunk(() => import('@/client/features/auth/sign-in-page').then((m) => ({ default: m.SignInPage }))));
const SetupPage = lazy(loadChunk(() => import('@/client/features/auth/setup-page').then((m) => ({ default: m.SetupPage }))));
const SetPasswordPage = lazy(loadChunk(() => import('@/client/features/auth/set-password-page').then((m) => ({ default: m.SetPasswordPage }))));
// Settings' own messages come with its code (admins only: no one else downloads them).
const SettingsPage = lazy(
  loadChunk(() => Promise.all([import('@/client/features/settings/settings-page'), loadMessages('settings')]).then(([m]) => ({ default: m.SettingsPage }))),
);

export type Route =
  { kind: 'dashboard' } | { kind: 'kiosk' } | { kind: 'sign-in' } | { kind: 'setup' } | { kind: 'set-password' } | { kind: 'settings'; section: string | null };

/** The screen of a path; a trailing slash is the same page. */
export function routeOf(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === '/kiosk') return { kind: 'kiosk' };
  if (path === '/sign-in') return { kind: 'sign-in' };
  if (path === '/setup') return { kind: 'setup' };
  if (path === '/set-password') return { kind: 'set-password' };
  const settings = /^\/settings(?:\/([^/]+))?$/.exec(path);
  if (settings) return { kind: 'settings', section: settings[1] ? decodeURIComponent(settings[1]) : null };
  return { kind: 'dashboard' };
}

export function App() {
  const route = routeOf(usePathname());
  const signedInScreen = route.kind === 'dashboard' || route.kind === 'settings';
  // The kiosk has display links of its own; the account pages expect a 401.
  useAuthRedirect(signedInScreen);
  useSignedInLanguage(signedInScreen);
  // The offline shell: the worker on every screen, the last answers kept on the dashboard only.
  useRegisterServiceWorker(route.kind === 'kiosk' ? 'kiosk' : 'app');
  useKeepLastAnswers(route.kind === 'dashboard');
  switch (route.kind) {
    case 'kiosk':
      return (
        <Chunk fallback={null}>
          <KioskPage />
        </Chunk>
      );
    case 'sign-in':
      return (
        <Chunk>
          <SignInPage />
        </Chunk>
      );
    case 'setup':
      return (
        <Chunk>
          <SetupPage />
        </Chunk>
      );
    case 'set-password':
      return (
        <Chunk>
          <SetPasswordPage />
        </Chunk>
      );
    case 'settings':
      return (
        <Chunk>
          <SettingsPage sectionId={route.section} accountMenu={<AccountMenu inSettings />} />
        </Chunk>
      );
    case 'dashboard':
      return (
        <>
          <Dashboard />
          <UpdateBar />
        </>
      );
  }
}

/**
 * The dashboard's and Settings' language: the person's choice, else the site's (the kiosk chooses
 * its own; the account pages keep the language this browser showed last, or its own).
 */
function useSignedInLanguage(enabled: boolean) {
  const config = useQuery({ ...configQueryOptions(), enabled });
  const me = useQuery({ ...meQueryOptions(), enabled });
  const person = me.data?.kind === 'user' ? me.data.user?.locale : null;
  useLanguageChoice({ person, site: config.data?.locale }, enabled && !config.isPending && !me.isPending);
}

function Chunk({ children, fallback = <div className="min-h-dvh" /> }: { children: ReactNode; fallback?: ReactNode }) {
  return (
    <ReloadWhenBack>
      <Suspense fallback={fallback}>{children}</Suspense>
    </ReloadWhenBack>
  );
}

function Dashboard() {
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
