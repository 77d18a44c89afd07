// Plain-text tables and number formatting for the bench output (decimal units: 1 kB = 1000 B,
// 1 MB = 10^6 B).

export function table(headers: string[], rows: string[][], rightAligned: number[] = []): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (rightAligned.includes(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].map((l) => `  ${l}`).join('\n');
}

/** A markdown table (for the README block). */
export function markdownTable(headers: string[], rows: string[][]): string {
  const esc = (s: string) => s.replaceAll('|', '\\|');
  return [`| ${headers.map(esc).join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(esc).join(' | ')} |`)].join('\n');
}

export const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US');
export const fmtMs = (ms: number) => `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
export const fmtMB = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
export const fmtKB = (bytes: number) => `${(bytes / 1e3).toFixed(1)} kB`;
export const fmtRatio = (r: number) => r.toFixed(2);

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}
