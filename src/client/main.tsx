// Entry point: the start language's catalog and the screen's code first (chunks of their own,
// preloaded by the page), then one QueryClient for the whole app, seeded with the answers the page
// carries, mounted into #root.
// First: zod is told before any schema is made (lib/zod-setup.ts).
import './lib/zod-setup';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadScreen } from './app';
import { LanguageRoot } from './i18n/language-root';
import { loadLanguage, startLanguage } from './i18n/load';
import { readBootData, seedQueries } from './lib/boot-data';
import { createQueryClient } from './lib/query-client';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const rootElement = root;

const RETRY_MS = 5_000;

// The dashboard's first numbers and the language it will speak, without a round trip.
const boot = readBootData(document);

function mount() {
  const queryClient = createQueryClient();
  if (boot !== null) seedQueries(queryClient, boot, performance.timeOrigin);
  createRoot(rootElement).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <LanguageRoot>
          <App />
        </LanguageRoot>
      </QueryClientProvider>
    </StrictMode>,
  );
}

// Without its words the app cannot speak: a failed download (offline, a deploy mid-load) is said
// plainly in all three languages and tried again, never a blank page.
function start() {
  // A screen whose code does not come is the screen's own to say (app.tsx: reconnecting, then a reload).
  const screen = preloadScreen(window.location.pathname).catch(() => undefined);
  Promise.all([loadLanguage(boot?.lang ?? startLanguage(window.location)), screen]).then(mount, () => {
    rootElement.innerHTML =
      '<p class="mx-auto my-12 max-w-2xl px-4 text-lg leading-relaxed" role="alert">Occupancy Live could not load and tries again in a moment. · Occupancy Live konnte nicht laden und versucht es gleich erneut. · Az Occupancy Live nem töltődött be, hamarosan újra próbálja.</p>';
    setTimeout(start, RETRY_MS);
  });
}

start();
