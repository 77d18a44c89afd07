// How many door tiles fit on one page at a size legible from 5 m, and in which grid. More doors
// than fit are spread evenly over pages (12 doors, 8 fit: two pages of 6, not 8 + 4).

export interface Size {
  width: number;
  height: number;
}

export interface GridPlan {
  columns: number;
  rows: number;
  perPage: number;
  pages: number;
}

/**
 * The smallest legible tile, as shares of the viewport's short side. Its name, caption and state
 * word take a fixed ~16 % of that side; what is left keeps the number at least ~11 % tall (about
 * 7 cm on a 55" screen). On a 1080p screen: 432 × 302 px, six doors to a landscape page.
 */
export const MIN_TILE = { width: 0.4, height: 0.28 } as const;
/** Tiles look best a little wider than tall; among grids of equal fit, prefer that shape. */
const IDEAL_ASPECT = 1.3;

export function minTileSize(viewport: Size): Size {
  const short = Math.min(viewport.width, viewport.height);
  return { width: MIN_TILE.width * short, height: MIN_TILE.height * short };
}

export function planGrid(count: number, area: Size, minTile: Size, gap: number): GridPlan {
  const maxColumns = Math.max(1, Math.floor((area.width + gap) / (minTile.width + gap)));
  const maxRows = Math.max(1, Math.floor((area.height + gap) / (minTile.height + gap)));
  const fit = maxColumns * maxRows;
  const pages = Math.max(1, Math.ceil(count / fit));
  const perPage = Math.max(1, Math.ceil(count / pages));

  let best: { columns: number; rows: number; score: number; empty: number } | null = null;
  for (let columns = 1; columns <= Math.min(maxColumns, perPage); columns++) {
    const rows = Math.ceil(perPage / columns);
    if (rows > maxRows) continue;
    const tileWidth = (area.width - (columns - 1) * gap) / columns;
    const tileHeight = (area.height - (rows - 1) * gap) / rows;
    // How large a tile of the ideal shape could be drawn in this cell.
    const score = Math.min(tileWidth / IDEAL_ASPECT, tileHeight);
    const empty = columns * rows - perPage;
    if (best === null || score > best.score + 0.5 || (Math.abs(score - best.score) <= 0.5 && empty < best.empty)) {
      best = { columns, rows, score, empty };
    }
  }
  // maxColumns × maxRows ≥ perPage, so some grid always fits; the fallback is for a zero-size area.
  const { columns, rows } = best ?? { columns: Math.min(maxColumns, perPage), rows: Math.ceil(perPage / Math.min(maxColumns, perPage)) };
  return { columns, rows, perPage, pages };
}

/** The items of page `page` (0-based) when `perPage` go on each page. */
export function pageOf<T>(items: readonly T[], page: number, perPage: number): T[] {
  return items.slice(page * perPage, page * perPage + perPage);
}
