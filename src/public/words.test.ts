// The public page says the dashboard's words (the same messages) and repeats its icons and colours
// without React: these tests hold each copy to its original, so a change there fails here until the page follows.
import { readFileSync } from 'node:fs';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { capacityStateVisual } from '@/client/components/ui/capacity-state';
import { UNAVAILABLE_WORDS } from '@/client/features/kiosk/kiosk-sign';
import { spaceStates } from '@/shared/api-schema';
import { LEVEL_ICONS, LEVEL_WORDS } from './words';

/** `--token: value;` declarations of a stylesheet's :root. */
function tokens(path: string): Map<string, string> {
  const css = readFileSync(new URL(path, import.meta.url), 'utf8');
  return new Map([...css.matchAll(/^\s*(--[\w-]+):\s*([^;]+);/gm)].map((m) => [m[1]!, m[2]!.trim()]));
}

describe('the public page’s words, icons and colours', () => {
  it('says each level with the dashboard’s message, and "no live count" with the kiosk’s sign', () => {
    expect(LEVEL_WORDS.available).toBe(capacityStateVisual.available.words);
    expect(LEVEL_WORDS.nearly_full).toBe(capacityStateVisual.nearly_full.words);
    expect(LEVEL_WORDS.full).toBe(capacityStateVisual.full.words);
    expect(LEVEL_WORDS.unknown).toBe(UNAVAILABLE_WORDS);
  });

  it.each(spaceStates)('draws the dashboard’s icon for %s', (state) => {
    expect(LEVEL_ICONS[state]).toBe(renderToStaticMarkup(createElement(capacityStateVisual[state].Icon)));
  });

  it('uses the dashboard’s colour tokens, light and dark', () => {
    const page = tokens('./public.css');
    const dashboard = tokens('../client/styles.css');
    expect(page.size).toBeGreaterThan(10);
    for (const [name, value] of page) expect(value, name).toBe(dashboard.get(name));
  });
});
