// The installed app's icons (public/icons/*.png), drawn from public/favicon.svg by Chromium: run
// once after the favicon changes (`npx tsx scripts/make-icons.ts`) and commit the PNGs.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../e2e/browser';

const root = fileURLToPath(new URL('..', import.meta.url));
const favicon = readFileSync(join(root, 'public/favicon.svg'), 'utf8');

// The favicon is a rounded tile (its first element) with the glyph (a door and a person) on it.
const tile = /<rect [^>]*\/>/.exec(favicon);
if (!tile) throw new Error('public/favicon.svg no longer starts with its tile: update scripts/make-icons.ts');
const glyph = favicon.slice(favicon.indexOf(tile[0]) + tile[0].length, favicon.lastIndexOf('</svg>'));
const tileColour = /fill="(#[0-9a-f]{3,6})"/i.exec(tile[0])?.[1];
if (!tileColour) throw new Error('The favicon tile has no fill colour');

/**
 * A maskable icon: the tile's colour to every edge (the platform cuts its own shape), the glyph
 * scaled into the middle so that it stays inside the 80 % safe circle. The glyph's reach from
 * its centre (16, 16.5) is about 13.6 of 32 at the favicon's scale; 0.72 × 13.6 ≈ 9.8, well
 * inside the safe circle's radius of 12.8.
 */
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="${tileColour}"/><g transform="translate(16 16) scale(0.72) translate(-16 -16.5)">${glyph}</g></svg>`;

const icons: { file: string; svg: string; size: number }[] = [
  { file: 'icon-192.png', svg: favicon, size: 192 },
  { file: 'icon-512.png', svg: favicon, size: 512 },
  { file: 'maskable-192.png', svg: maskable, size: 192 },
  { file: 'maskable-512.png', svg: maskable, size: 512 },
  // iOS ignores the manifest's icons and rounds this one itself: the full-bleed design.
  { file: 'apple-touch-icon.png', svg: maskable, size: 180 },
];

const browser = findChromium();
if (!browser) throw new Error('No Chromium found (see e2e/browser.ts)');
const chrome = await chromium.launch({ executablePath: browser.path, args: CHROMIUM_ARGS });
try {
  const page = await chrome.newPage({ deviceScaleFactor: 1 });
  const outDir = join(root, 'public/icons');
  mkdirSync(outDir, { recursive: true });
  for (const { file, svg, size } of icons) {
    await page.setViewportSize({ width: size, height: size });
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><img src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`,
    );
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    const png = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    writeFileSync(join(outDir, file), png);
    console.log(`public/icons/${file} (${size}×${size}, ${png.length} bytes)`);
  }
} finally {
  await chrome.close();
}
