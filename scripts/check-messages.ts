// `npm run check:messages` (part of `npm test`): every language has every key English has and no
// other, each message is valid ICU with the same arguments as English's, every plural or select
// has its `other` (formatjs's parser insists), every key sits in its namespace's file, and every key is used in the code.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';

export interface Catalogs {
  /** language → namespace → key → ICU message */
  [lang: string]: Record<string, Record<string, string>>;
}

function readCatalogs(localesDir: string): Catalogs {
  const catalogs: Catalogs = {};
  for (const lang of readdirSync(localesDir).sort()) {
    if (!statSync(join(localesDir, lang)).isDirectory()) continue;
    catalogs[lang] = {};
    for (const file of readdirSync(join(localesDir, lang)).sort()) {
      if (!file.endsWith('.json')) continue;
      catalogs[lang][file.slice(0, -'.json'.length)] = JSON.parse(readFileSync(join(localesDir, lang, file), 'utf8')) as Record<string, string>;
    }
  }
  return catalogs;
}

/** The arguments (and rich-text tags) a message takes. formatjs's parser already refuses a plural or select without "other". */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    if (element.type === TYPE.tag) {
      into.add(`<${element.value}>`);
      argumentsOf(element.children, into);
      continue;
    }
    into.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    }
  }
  return into;
}

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'locales' && name !== 'node_modules') sourceFiles(path, out);
    } else if (/\.(ts|tsx)$/.test(name) && !/\.(test|spec)\.tsx?$/.test(name)) {
      out.push(path);
    }
  }
  return out;
}

/**
 * Every problem of the catalogs, as lines to print; none means all is well. `sources` are the
 * texts of the code that uses the keys (tests excluded: a key only a test names is unused).
 */
export function checkMessages(catalogs: Catalogs, sources: readonly string[], base = 'en'): string[] {
  const problems: string[] = [];
  const english = catalogs[base];
  if (!english) return [`no ${base} catalog`];
  const code = sources.join('\n');
  for (const [namespace, messages] of Object.entries(english)) {
    for (const [key, message] of Object.entries(messages)) {
      if (!key.startsWith(`${namespace}.`)) problems.push(`${base}/${namespace}.json: "${key}" does not start with "${namespace}."`);
      if (!code.includes(`'${key}'`) && !code.includes(`"${key}"`) && !code.includes(`\`${key}\``))
        problems.push(`${base}/${namespace}.json: "${key}" is not used in the code`);
      let englishArgs: Set<string> | null = null;
      try {
        englishArgs = argumentsOf(parse(message));
      } catch (error) {
        problems.push(`${base}/${namespace}.json: "${key}" is not valid ICU: ${(error as Error).message}`);
      }
      for (const [lang, namespaces] of Object.entries(catalogs)) {
        if (lang === base) continue;
        const translated = namespaces[namespace]?.[key];
        if (translated === undefined) {
          problems.push(`${lang}/${namespace}.json: "${key}" is missing`);
          continue;
        }
        try {
          const theirs = [...argumentsOf(parse(translated))].sort().join(', ');
          const ours = [...(englishArgs ?? [])].sort().join(', ');
          if (englishArgs && theirs !== ours) problems.push(`${lang}/${namespace}.json: "${key}" takes {${theirs}}, English takes {${ours}}`);
        } catch (error) {
          problems.push(`${lang}/${namespace}.json: "${key}" is not valid ICU: ${(error as Error).message}`);
        }
      }
    }
  }
  for (const [lang, namespaces] of Object.entries(catalogs)) {
    if (lang === base) continue;
    for (const [namespace, messages] of Object.entries(namespaces)) {
      if (!english[namespace]) problems.push(`${lang}/${namespace}.json: English has no such namespace`);
      for (const key of Object.keys(messages)) {
        if (english[namespace]?.[key] === undefined) problems.push(`${lang}/${namespace}.json: "${key}" is not in English (unused)`);
      }
    }
    for (const namespace of Object.keys(english)) {
      if (!namespaces[namespace]) problems.push(`${lang}/${namespace}.json is missing`);
    }
  }
  return problems;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const catalogs = readCatalogs(join(root, 'src/shared/i18n/locales'));
  const files = sourceFiles(join(root, 'src'));
  const problems = checkMessages(
    catalogs,
    files.map((f) => readFileSync(f, 'utf8')),
  );
  const count = Object.values(catalogs.en ?? {}).reduce((n, m) => n + Object.keys(m).length, 0);
  if (problems.length > 0) {
    console.error(`Message catalogs: ${problems.length} problem(s)\n${problems.map((p) => `  ${p}`).join('\n')}`);
    process.exit(1);
  }
  console.log(
    `Message catalogs: ${count} keys in ${Object.keys(catalogs).join(', ')}, each used in ${relative(root, join(root, 'src'))}/ and complete in every language.`,
  );
}
