// Font sizes for numbers that must fill their box without overflowing it. The width of a
// number is estimated from its characters (digits ~0.6 em in the kiosk's fonts, separators
// ~0.3 em), so CSS can size it with viewport or container units and no measuring pass.
import { formatCount } from '@/client/lib/format';

const DIGIT_EM = 0.6;
const SEPARATOR_EM = 0.3;

/** The width of a formatted number in em. */
export function numberEm(text: string): number {
  let em = 0;
  for (const ch of text) em += /\d/.test(ch) ? DIGIT_EM : SEPARATOR_EM;
  return Math.max(em, DIGIT_EM);
}

/** The formatted width reserved for `value`: at least two digits, so 9 → 10 does not resize. */
export function reservedEm(value: number): number {
  return numberEm(formatCount(Math.max(10, Math.round(value))));
}

/**
 * CSS font-size: as tall as `maxHeight`, unless `width` cannot hold `em` ems at that size.
 * `width` and `maxHeight` are CSS lengths (`94vw`, `44cqh`).
 */
export function fitFontSize(em: number, width: string, maxHeight: string): string {
  return `min(${maxHeight}, calc(${width} / ${em.toFixed(3)}))`;
}
