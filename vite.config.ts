// Build of the React client (dist/client) and the Vitest projects for both sides of the wire.
import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';
import { VitePWA } from 'vite-plugin-pwa';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { chunkPlan } from './scripts/chunk-plan.ts';
import { icuMessages } from './scripts/vite-icu-messages.ts';

const src = fileURLToPath(new URL('./src', import.meta.url));
const devApiPort = process.env.PORT ?? '8787';

/**
 * Installable, with an offline shell (src/client/pwa, decision 022): a manifest and a generated
 * worker that precaches the build and answers a page's navigation from the network, falling back
 * to the precached index.html offline. It has no route for /api, /public or anything else: those
 * go to the network as without it, and nothing a person was shown is ever stored by the worker.
 */
const pwa = VitePWA({
  strategies: 'generateSW',
  // src/client/pwa/service-worker.ts registers it (production only) and offers the reload.
  registerType: 'prompt',
  injectRegister: false,
  filename: 'sw.js',
  manifestFilename: 'manifest.webmanifest',
  manifest: {
    id: '/',
    name: 'Occupancy Live',
    short_name: 'Occupancy',
    description: 'How many people are inside right now, per door and for the whole site.',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    // The light scheme's surface; index.html's two theme-color metas give each scheme its own.
    theme_color: '#ffffff',
    background_color: '#ffffff',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/maskable-192.png', sizes: '192x192', type: 'image/png', purpose: 'maskable' },
      { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    // The SPA's shell and every chunk of it (the screens, the charts, each language's words),
    // not the public view's page (the server swaps its content when the view is off).
    globPatterns: ['**/*.{html,js,css,svg,png,ico,woff2}'],
    globIgnores: ['public.html'],
    navigateFallback: null,
    runtimeCaching: [
      {
        // Network first for the app's pages, the precached shell when there is no network. The
        // network's page is never stored (the server may put data into it).
        urlPattern: ({ request, url }) => request.mode === 'navigate' && !/^\/(api|public|healthz|readyz)(\/|$)/.test(url.pathname),
        handler: 'NetworkOnly',
        options: { precacheFallback: { fallbackURL: 'index.html' } },
      },
    ],
    clientsClaim: true,
    cleanupOutdatedCaches: true,
    // One file, /sw.js, that the server sends with no-cache.
    inlineWorkboxRuntime: true,
  },
});

/** The public view is no app to install: its page does not link the manifest. */
const publicPageNotInstallable: Plugin = {
  name: 'occupancy:public-page-not-installable',
  enforce: 'post',
  transformIndexHtml: {
    order: 'post',
    handler: (html, { filename }) => (filename.endsWith('public.html') ? html.replace(/\s*<link rel="manifest"[^>]*>/, '') : html),
  },
};

export default defineConfig(({ command }) => ({
  // Brotli and gzip copies beside each text asset (index.html too), served by compose.ts's
  // mountClient to clients that accept them: compressed once, at build, at the highest levels.
  // The message catalogs arrive parsed; the build leaves the ICU parser out of the bundle.
  plugins: [
    icuMessages({ dropParser: command === 'build' }),
    react(),
    tailwindcss(),
    compression({ algorithms: ['brotliCompress', 'gzip'] }),
    pwa,
    publicPageNotInstallable,
  ],
  resolve: { alias: { '@': src } },
  build: {
    outDir: 'dist/client',
    emptyOutDir: true,
    sourcemap: false,
    reportCompressedSize: false,
    // .vite/manifest.json: the server preloads the start language's and the screen's chunks by it.
    manifest: true,
    // The SPA, and the public view: a page of its own with a few KB of script and no React. The
    // SPA's chunks follow a plan (scripts/chunk-plan.ts): a live screen's first load is few files.
    rollupOptions: {
      input: { index: 'index.html', public: 'public.html' },
      output: {
        codeSplitting: chunkPlan({
          entry: '/index.html',
          publicEntry: '/public.html',
          home: { name: 'dashboard', module: 'src/client/screens/dashboard-screen.tsx' },
          screens: { kiosk: 'src/client/features/kiosk/kiosk-page.tsx' },
        }),
      },
    },
  },
  server: {
    // `npm run dev`: the SPA with hot reload, its API proxied to the BFF started beside it.
    proxy: {
      '/api': `http://127.0.0.1:${devApiPort}`,
      '/healthz': `http://127.0.0.1:${devApiPort}`,
      '/readyz': `http://127.0.0.1:${devApiPort}`,
    },
  },
  test: {
    // Both cores: Vitest's default leaves one free, which doubles the suite's time on this 2-core machine.
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/{server,simulator,shared}/**/*.test.ts', 'scripts/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'client',
          environment: 'jsdom',
          include: ['src/client/**/*.test.{ts,tsx}', 'src/public/**/*.test.ts'],
          setupFiles: ['src/client/test/setup.ts'],
          // One jsdom per worker rather than per file (69 s → 26 s here): setup.ts leaves each test
          // with a clean DOM, real timers, no stubbed globals and empty storage.
          isolate: false,
        },
      },
    ],
  },
}));
