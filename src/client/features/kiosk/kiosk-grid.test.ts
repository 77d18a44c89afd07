// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { minTileSize, pageOf, planGrid } from './kiosk-grid';

// The door area of the kiosk on the two wall screens (viewport minus header, sign and footer).
const LANDSCAPE = { viewport: { width: 1920, height: 1080 }, area: { width: 1842, height: 652 } };
const PORTRAIT = { viewport: { width: 1080, height: 1920 }, area: { width: 1002, height: 1492 } };
const GAP = 24;

const plan = (count: number, screen: typeof LANDSCAPE) => planGrid(count, screen.area, minTileSize(screen.viewport), GAP);

describe('planGrid', () => {
  it('spreads twelve doors evenly over two pages of six on both wall screens', () => {
    expect(plan(12, LANDSCAPE)).toEqual({ columns: 3, rows: 2, perPage: 6, pages: 2 });
    expect(plan(12, PORTRAIT)).toEqual({ columns: 2, rows: 3, perPage: 6, pages: 2 });
  });

  it('gives a few doors the whole screen, in the shape that makes tiles largest', () => {
    expect(plan(1, LANDSCAPE)).toEqual({ columns: 1, rows: 1, perPage: 1, pages: 1 });
    expect(plan(2, LANDSCAPE)).toEqual({ columns: 2, rows: 1, perPage: 2, pages: 1 });
    expect(plan(2, PORTRAIT)).toEqual({ columns: 1, rows: 2, perPage: 2, pages: 1 });
    // Four tall tiles leave their numbers more room than a 2 × 2 grid of flat ones.
    expect(plan(4, LANDSCAPE)).toMatchObject({ columns: 4, rows: 1, pages: 1 });
  });

  it('never makes a tile smaller than the legible minimum', () => {
    for (const screen of [LANDSCAPE, PORTRAIT]) {
      const min = minTileSize(screen.viewport);
      for (let n = 1; n <= 40; n++) {
        const { columns, rows, perPage, pages } = plan(n, screen);
        expect(columns * rows).toBeGreaterThanOrEqual(perPage);
        expect(perPage * pages).toBeGreaterThanOrEqual(n);
        expect((screen.area.width - (columns - 1) * GAP) / columns).toBeGreaterThanOrEqual(min.width);
        expect((screen.area.height - (rows - 1) * GAP) / rows).toBeGreaterThanOrEqual(min.height);
      }
    }
  });

  it('still plans one tile for an area too small for any', () => {
    expect(planGrid(3, { width: 10, height: 10 }, { width: 100, height: 100 }, 8)).toMatchObject({ columns: 1, rows: 1, perPage: 1, pages: 3 });
  });
});

describe('pageOf', () => {
  it('slices the page', () => {
    expect(pageOf([1, 2, 3, 4, 5], 1, 2)).toEqual([3, 4]);
    expect(pageOf([1, 2, 3, 4, 5], 2, 2)).toEqual([5]);
  });
});
