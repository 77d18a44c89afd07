// Structured JSON logs (pino). Every line passes through a scrubber that replaces the access key
// in any form (plain, URL-encoded, JSON-escaped) before it is written: a safety net under the rule
// that the key is never logged in the first place.
import { Writable } from 'node:stream';
import pino, { type Logger } from 'pino';

export interface LoggerOptions {
  level: string;
  secrets: readonly string[];
  /** Where lines go; stdout by default. Tests pass a collector. */
  destination?: NodeJS.WritableStream;
}

export function secretForms(secret: string): string[] {
  if (secret === '') return [];
  return [...new Set([secret, encodeURIComponent(secret), new URLSearchParams({ k: secret }).toString().slice(2), JSON.stringify(secret).slice(1, -1)])];
}

export function createLogger({ level, secrets, destination = process.stdout }: LoggerOptions): Logger {
  const forms = secrets.flatMap(secretForms).sort((a, b) => b.length - a.length);
  const scrubbed = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      let line = chunk.toString();
      for (const form of forms) line = line.replaceAll(form, '[REDACTED]');
      destination.write(line, callback);
    },
  });
  return pino(
    {
      level,
      base: { service: 'occupancy-live' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: ['accessKey', '*.accessKey', 'user_access_key', '*.user_access_key', 'req.headers.authorization', 'req.headers.cookie'], censor: '[REDACTED]' },
    },
    forms.length > 0 ? scrubbed : destination,
  );
}
