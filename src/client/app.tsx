// The app shell: picks the screen by path (src/shared/screens.ts). The dashboard at / (and at
// unknown paths), the kiosk at /kiosk, the account pages (/sign-in, /setup, /set-password) and
// Settings (/settings/<section>), each a chunk of its own (composed in screens/ where it joins
// features). On the dashboard and Settings, a 401 sends to sign-in or setup.
import { useQuery } from '@tanstack/react-query';
import { type ComponentType, type ReactNode, Suspense } from 'react';
import { type LazyScreen, lazyScreen } from '@/client/components/ui/lazy-screen';
import { ReloadWhenBack } from '@/client/components/ui/reload-when-back';
import { useLanguageChoice } from '@/client/i18n/language-choice';
import { loadMessages } from '@/client/i18n/load';
import { configQueryOptions } from '@/client/lib/config-queries';
import { meQueryOptions } from '@/client/lib/me-queries';
import { usePathname } from '@/client/lib/navigation';
import { type Screen, SCREEN_MESSAGES, screenOf } from '@/shared/screens';
import { useKeepLastAnswers } from '@/client/pwa/keep-last-answers';
import { useRegisterServiceWorker } from '@/client/pwa/service-worker';
import { UpdateBar } from '@/client/pwa/update-bar';
import { useAuthRedirect } from '@/client/features/auth/auth-redirect';

// Every screen's code is a chunk of its own that loads on its paths only: the kiosk's first load
// does not carry the dashboard, nor the dashboard's the kiosk, the account pages or Settings. The
// page preloads the chunk of its path beside the entry (src/server/boot-page.ts), and main.tsx
// waits for it with the language, so the first screen renders at once.

/** A screen's code, with the part of the catalog it speaks when it has one of its own (Settings', the kiosk's: no one else downloads them). */
function screen<P extends object>(kind: Screen['kind'], load: () => Promise<ComponentType<P>>): LazyScreen<P> {
  const part = SCREEN_MESSAGES[kind];
  return lazyScreen(() => Promise.all([load(), part === undefined ? undefined : loadMessages(part)]).then(([component]) => component));
}

const screens = {
  dashboard: screen('dashboard', () => import('@/client/screens/dashboard-screen').then((m) => m.DashboardScreen)),
  kiosk: screen('kiosk', () => import('@/client/features/kiosk/kiosk-page').then((m) => m.KioskPage)),
  'sign-in': screen('sign-in', () => import('@/client/features/auth/sign-in-page').then((m) => m.SignInPage)),
  setup: screen('setup', () => import('@/client/features/auth/setup-page').then((m) => m.SetupPage)),
  'set-password': screen('set-password', () => import('@/client/features/auth/set-password-page').then((m) => m.SetPasswordPage)),
  settings: screen('settings', () => import('@/client/screens/settings-screen').then((m) => m.SettingsScreen)),
} satisfies Record<Screen['kind'], Pick<LazyScreen<object>, 'preload'>>;

/** Downloads the code of the screen at `pathname` (main.tsx, before the first render). */
export function preloadScreen(pathname: string): Promise<void> {
  return screens[screenOf(pathname).kind].preload();
}

const { Screen: DashboardScreen } = screens.dashboard;
const { Screen: KioskPage } = screens.kiosk;
const { Screen: SignInPage } = screens['sign-in'];
const { Screen: SetupPage } = screens.setup;
const { Screen: SetPasswordPage } = screens['set-password'];
const { Screen: SettingsScreen } = screens.settings;

export function App() {
  const route = screenOf(usePathname());
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
          <SettingsScreen sectionId={route.section} />
        </Chunk>
      );
    case 'dashboard':
      return (
        <>
          <Chunk>
            <DashboardScreen />
          </Chunk>
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
