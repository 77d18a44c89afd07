// Turns the pages of door tiles: one timer while there is more than one page, none otherwise.
import { useEffect, useState } from 'react';

export interface PageRotation {
  /** The page (0-based) to show now. */
  page: number;
  /** Whether a page has turned since the screen came up: the first page shows at once, later ones fade in. */
  turned: boolean;
}

export function usePageRotation(pages: number, rotateMs: number): PageRotation {
  const [turns, setTurns] = useState(0);
  useEffect(() => {
    if (pages <= 1) return;
    const timer = setInterval(() => setTurns((n) => n + 1), rotateMs);
    return () => clearInterval(timer);
  }, [pages, rotateMs]);
  return { page: pages > 1 ? turns % pages : 0, turned: turns > 0 };
}
