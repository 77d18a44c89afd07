// safeFilename: the same names as the regular-expression version it replaced, found in one pass
// (no regular expression ever sees more than one character), and the export schema's order.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FILENAME_TOO_LONG, MAX_FILENAME_INPUT, exportQuerySchema, safeFilename } from './export-query';
import { historyQuerySchema } from './history-query';
import { fieldErrors } from './range-query';

/** The earlier implementation: right on short names, quadratic on a long run trimmed at the end. */
function regexSafeFilename(wish: string): string | null {
  let name = wish
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} ._()-]+/gu, '_')
    .replace(/_+/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s._-]+|[\s._-]+$/g, '');
  name = name.replace(/\.csv$/i, '');
  if (name === '') return null;
  name = Array.from(name).slice(0, 96).join('').trim();
  return `${name}.csv`;
}

/** The longest string any regular expression was run on while `fn` ran, and how many runs there were. */
function regexWork(fn: () => void): { runs: number; longest: number } {
  const seen: number[] = [];
  const record = (input: unknown) => seen.push(String(input).length);
  const proto = RegExp.prototype as unknown as Record<PropertyKey, (...args: unknown[]) => unknown>;
  for (const method of ['exec', Symbol.replace, Symbol.match, Symbol.matchAll, Symbol.split, Symbol.search] as const) {
    const original = proto[method]!;
    vi.spyOn(proto, method as never).mockImplementation(function (this: RegExp, ...args: unknown[]) {
      record(args[0]);
      return original.apply(this, args);
    });
  }
  try {
    fn();
  } finally {
    vi.restoreAllMocks();
  }
  return { runs: seen.length, longest: Math.max(0, ...seen) };
}

afterEach(() => vi.restoreAllMocks());

describe('safeFilename', () => {
  it('makes the same name as the regular-expression version for any short input', () => {
    const alphabet = fc.constantFrom(
      'a',
      'Z',
      '7',
      ' ',
      '.',
      '_',
      '-',
      '(',
      ')',
      '/',
      '\\',
      '"',
      '\t',
      '\n',
      '\u0000',
      'é',
      'e\u0301',
      '\u0301',
      '日',
      '📊',
      '\u202e',
      'c',
      's',
      'v',
      'C',
      'S',
      'V',
      '\ud800',
    );
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 40 }).map((parts) => parts.join('')),
        (wish) => {
          expect(safeFilename(wish)).toBe(regexSafeFilename(wish));
        },
      ),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), (wish) => {
        expect(safeFilename(wish)).toBe(regexSafeFilename(wish));
      }),
      { numRuns: 1000 },
    );
  });

  it.each([
    ['a..csv', 'a..csv'],
    ['Report.CSV', 'Report.csv'],
    ['  --report--  ', 'report.csv'],
    ['.csv', 'csv.csv'],
    ['...', null],
    ['x'.repeat(200), `${'x'.repeat(96)}.csv`],
  ])('%j → %j', (wish, expected) => {
    expect(safeFilename(wish)).toBe(expected);
  });

  it('works in one pass: no regular expression sees more than one character, once per character', () => {
    const shapes = [`a${'.'.repeat(8000)}b`, `a${' '.repeat(8000)}b`, `a${'-_.'.repeat(2700)}b`, `a${'\u0301'.repeat(8000)}b`, '日'.repeat(8000)];
    for (const wish of shapes) {
      const work = regexWork(() => safeFilename(wish));
      expect(work.longest).toBeLessThanOrEqual(2); // one code point
      expect(work.runs).toBeLessThanOrEqual(Array.from(wish).length);
    }
    // The check does catch a whole-string expression: the old version fails it.
    expect(regexWork(() => regexSafeFilename(shapes[0]!)).longest).toBeGreaterThan(8000);
  });
});

describe('exportQuerySchema: the filename', () => {
  const schema = exportQuerySchema({ today: '2026-11-26' });

  it(`refuses a name longer than ${MAX_FILENAME_INPUT} characters, naming the limit`, () => {
    const parsed = schema.safeParse({ from: '2026-11-20', to: '2026-11-26', filename: 'x'.repeat(MAX_FILENAME_INPUT + 1) });
    expect(parsed.success).toBe(false);
    expect(fieldErrors(parsed.error!)).toEqual({ filename: FILENAME_TOO_LONG });
    expect(FILENAME_TOO_LONG).toContain(String(MAX_FILENAME_INPUT));
  });

  it('accepts the longest name and cleans it', () => {
    expect(schema.parse({ from: '2026-11-20', to: '2026-11-26', filename: `${'y'.repeat(MAX_FILENAME_INPUT - 4)}.csv` }).filename).toBe(
      `${'y'.repeat(96)}.csv`,
    );
  });

  it('does not look at the name while a date is invalid, and names the date first', () => {
    const work = regexWork(() => {
      const parsed = schema.safeParse({ from: '2026-02-30', to: '2026-11-26', filename: `a${'.'.repeat(200)}b` });
      expect(parsed.success).toBe(false);
      expect(Object.keys(fieldErrors(parsed.error!))).toEqual(['from']);
    });
    expect(work.longest).toBeLessThan(200);
  });

  it('lists a bad date before a too-long name', () => {
    const parsed = schema.safeParse({ from: 'soon', to: '2026-11-26', filename: 'x'.repeat(MAX_FILENAME_INPUT + 1) });
    expect(Object.keys(fieldErrors(parsed.error!))).toEqual(['from', 'filename']);
  });
});

describe('exportQuerySchema and historyQuerySchema: the space', () => {
  const range = { from: '2026-11-20', to: '2026-11-26' };

  it.each([exportQuerySchema, historyQuerySchema])('reads a space id, trimmed; none or empty is null (%#)', (make) => {
    const schema = make({ today: '2026-11-26' });
    expect(schema.parse({ ...range, space: ' pool ' }).space).toBe('pool');
    expect(schema.parse({ ...range, space: '' }).space).toBeNull();
    expect(schema.parse(range).space).toBeNull();
  });

  it.each([['Pool'], ['pool hall'], ['-pool'], ['x'.repeat(41)], ['<b>'], ['pool,gym']])('refuses %j as a space id, without quoting it', (space) => {
    const parsed = historyQuerySchema({ today: '2026-11-26' }).safeParse({ ...range, space });
    expect(parsed.success).toBe(false);
    const errors = fieldErrors(parsed.error!);
    expect(Object.keys(errors)).toEqual(['space']);
    expect(errors.space).toMatch(/^A space id is 1–40 lower-case letters/);
    expect(errors.space).not.toContain(space);
  });

  it('refuses a space together with devices, naming both', () => {
    const parsed = exportQuerySchema({ today: '2026-11-26' }).safeParse({ ...range, space: 'pool', devices: '93' });
    expect(fieldErrors(parsed.error!)).toEqual({ space: 'Give either a space or devices, not both (this request has space and devices).' });
    // `devices=all` is no device list: with a space it is no conflict.
    expect(exportQuerySchema({ today: '2026-11-26' }).parse({ ...range, space: 'pool', devices: 'all' })).toMatchObject({ space: 'pool', devices: null });
  });
});
