// Structured JSON logs (pino). Every line passes through a scrubber that replaces the access key
// in any form (plain, percent-encoded in either hex case, `+` for space, JSON-escaped) before it is
// written: a safety net under the rule that the key is never logged in the first place.
import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';

export interface LoggerOptions {
  level: string;
  secrets: readonly string[];
  /** Where lines go; stdout by default. Tests pass a collector. */
  destination?: NodeJS.WritableStream;
}

const jsonEscaped = (text: string) => JSON.stringify(text).slice(1, -1);
/** JSON with every non-ASCII character as \uXXXX, as some tools write it. */
const jsonAscii = (text: string, upper: boolean) =>
  jsonEscaped(text).replace(/[^\x20-\x7e]/g, (ch) => {
    const hex = ch.charCodeAt(0).toString(16).padStart(4, '0');
    return `\\u${upper ? hex.toUpperCase() : hex}`;
  });
/** How deep JSON-in-JSON escaping is followed. */
const JSON_LEVELS = 4;
/** encodeURIComponent throws on a lone surrogate. */
const orNull = (encode: (text: string) => string, text: string) => {
  try {
    return encode(text);
  } catch {
    return null;
  }
};
/** application/x-www-form-urlencoded: what URLSearchParams writes (space as `+`). */
const formEncoded = (text: string) => new URLSearchParams({ k: text }).toString().slice(2);

/**
 * Every way the secret is written in a log line: plain; JSON-escaped (nested up to four times, also
 * with non-ASCII as \uXXXX); percent-encoded the way encodeURIComponent, encodeURI and
 * URLSearchParams do, with space as `%20` or `+`.
 * Percent escapes are matched in either case of hex (see secretPattern).
 */
export function secretForms(secret: string): string[] {
  if (secret === '') return [];
  const percent = [orNull(encodeURIComponent, secret), orNull(encodeURI, secret), formEncoded(secret)]
    .filter((f) => f !== null)
    .flatMap((f) => [f, f.replaceAll('+', '%20'), f.replaceAll('%20', '+')]);
  // A JSON string holding JSON (a logged request body, an error quoting one) escapes again.
  const json = [jsonEscaped(secret), jsonAscii(secret, false), jsonAscii(secret, true)];
  for (let level = 1; level < JSON_LEVELS; level++) json.push(...json.slice(-3).map(jsonEscaped));
  return [...new Set([secret, ...json, ...percent])];
}

/**
 * One expression for all forms of all secrets, longest first. Literal text only (no quantifier,
 * so no backtracking), except that the two hex digits after a `%` match in either case.
 */
export function secretPattern(secrets: readonly string[]): RegExp | null {
  const forms = [...new Set(secrets.flatMap(secretForms))].sort((a, b) => b.length - a.length);
  if (forms.length === 0) return null;
  const source = forms.map((form) =>
    form
      .split(/(%[0-9A-Fa-f]{2})/)
      .map((part, i) =>
        i % 2 === 1 ? `%${[...part.slice(1)].map((d) => (/[0-9]/.test(d) ? d : `[${d.toLowerCase()}${d.toUpperCase()}]`)).join('')}` : escapeRegExp(part),
      )
      .join(''),
  );
  return new RegExp(source.join('|'), 'g');
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

/** Replaces every form of every secret in a text. */
export function createRedactor(secrets: readonly string[]): (text: string) => string {
  const pattern = secretPattern(secrets);
  return pattern === null ? (text) => text : (text) => text.replace(pattern, '[REDACTED]');
}

export function createLogger({ level, secrets, destination = process.stdout }: LoggerOptions): Logger {
  const pattern = secretPattern(secrets);
  const redact = createRedactor(secrets);
  const scrubbed = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      destination.write(redact(chunk.toString()), callback);
    },
  });
  return pino(
    {
      level,
      base: { service: 'occupancy-live' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: ['accessKey', '*.accessKey', 'user_access_key', '*.user_access_key', 'req.headers.authorization', 'req.headers.cookie'],
        censor: '[REDACTED]',
      },
    },
    pattern !== null ? scrubbed : destination,
  );
}

type ProcessLike = Pick<NodeJS.Process, 'on' | 'exit'>;

/**
 * Sends the process's last-resort errors through the logger (and so its scrubber) instead of
 * Node's stack print on stderr. Like Node's default, either one ends the process (exit code 1):
 * its state is unknown, and the process manager starts it again. For main.ts, once at start.
 */
export function logProcessErrors(logger: Logger, proc: ProcessLike = process): void {
  const die = (msg: string) => (error: unknown) => {
    logger.fatal({ err: error }, msg);
    logger.flush();
    proc.exit(1);
  };
  proc.on('uncaughtException', die('uncaught exception; exiting'));
  proc.on('unhandledRejection', die('unhandled promise rejection; exiting'));
}
