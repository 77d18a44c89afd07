import { describe, expect, it } from 'vitest';
import { embedOriginSchema } from './settings-schema';

describe('an origin allowed to embed the public view', () => {
  it.each([
    ['https://Example.ORG', 'https://example.org'],
    ['https://example.org/', 'https://example.org'],
    ['https://example.org:8443', 'https://example.org:8443'],
    ['http://localhost:5173', 'http://localhost:5173'],
    ['  https://www.example.org  ', 'https://www.example.org'],
  ])('%s is kept as a browser sends it in Origin: %s', (given, kept) => {
    expect(embedOriginSchema.parse(given)).toBe(kept);
  });

  it.each([
    'https://example.org/embed',
    'https://example.org?x=1',
    'https://example.org#top',
    'https://u:p@example.org',
    'http://example.org',
    'ftp://example.org',
    'example.org',
    '',
  ])('%s is refused: https (http only on localhost), scheme and host alone', (given) => {
    expect(embedOriginSchema.safeParse(given).success).toBe(false);
  });
});
