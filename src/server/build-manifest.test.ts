import { describe, expect, it } from 'vitest';
import { type Manifest, pageAssets, screenKey } from './build-manifest';

const manifest: Manifest = {
  'index.html': { file: 'assets/index-E.js', imports: ['_runtime.js'], css: ['assets/index-E.css'] },
  '_runtime.js': { file: 'assets/runtime-R.js' },
  'src/client/i18n/catalogs/en.ts': { file: 'assets/en-C.js', src: 'src/client/i18n/catalogs/en.ts', imports: ['index.html', '_common.js'] },
  '_common.js': { file: 'assets/common-M.js' },
  // Named by the chunk plan: keyed by file, the screen's module inside.
  '_kiosk-K.js': { file: 'assets/kiosk-K.js', name: 'kiosk', imports: ['_runtime.js', 'index.html'], css: ['assets/kiosk-K.css'] },
  '_kiosk-K.css': { file: 'assets/kiosk-K.css', name: 'kiosk' },
  // Left to Rolldown: keyed by the screen's module.
  'src/client/features/auth/sign-in-page.tsx': {
    file: 'assets/sign-in-S.js',
    src: 'src/client/features/auth/sign-in-page.tsx',
    imports: ['_frame.js', 'index.html'],
  },
  '_frame.js': { file: 'assets/frame-F.js', css: ['assets/frame-F.css'] },
};

describe('pageAssets', () => {
  it('finds a screen by its module, or by the name the chunk plan gave its chunk', () => {
    expect(screenKey(manifest, 'sign-in')).toBe('src/client/features/auth/sign-in-page.tsx');
    expect(screenKey(manifest, 'kiosk')).toBe('_kiosk-K.js');
    expect(screenKey(manifest, 'dashboard')).toBeUndefined();
  });

  it('gives each screen and each language only what it adds to the entry, style sheets included', () => {
    const assets = pageAssets(manifest);
    expect(assets.entry).toEqual({ chunks: ['/assets/index-E.js', '/assets/runtime-R.js'], css: ['/assets/index-E.css'] });
    expect(assets.screens.kiosk).toEqual({ chunks: ['/assets/kiosk-K.js'], css: ['/assets/kiosk-K.css'] });
    expect(assets.screens['sign-in']).toEqual({ chunks: ['/assets/sign-in-S.js', '/assets/frame-F.js'], css: ['/assets/frame-F.css'] });
    expect(assets.screens.dashboard).toBeUndefined();
    expect(assets.catalogs.en).toEqual({ chunks: ['/assets/en-C.js', '/assets/common-M.js'], css: [] });
    expect(assets.catalogs.de).toBeUndefined();
  });
});
