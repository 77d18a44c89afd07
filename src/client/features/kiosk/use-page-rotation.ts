// Turns the pages of door tiles: one timer while there is more than one page, none otherwise.
import { useEffect, useState } from 'react';

/** The page (0-based) to show now. */
export function usePageRotation(pages: number, rotateMs: number): number {
  const [page, setPage] = useState(0);
  useEffect(() => {
    if (pages <= 1) return;
    const timer = setInterval(() => setPage((p) => (p + 1) % pages), rotateMs);
    return () => clearInterval(timer);
  }, [pages, rotateMs]);
  return pages > 1 ? page % pages : 0;
}
