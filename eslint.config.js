// Flat ESLint config: typescript-eslint's type-aware rules, React hooks, and the import boundaries
// of src/ (docs/decisions/013-import-boundaries.md); Prettier owns layout, so no style rules here.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;

// One zone per feature folder: a feature may import its own files, never another feature's.
const features = readdirSync(`${root}/src/client/features`, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const featureZones = features.map((feature) => ({
  target: `./src/client/features/${feature}`,
  from: './src/client/features',
  except: [`./${feature}`],
  message: 'Features do not import each other: move the shared part to components/ui or lib, or let app.tsx compose them.',
}));

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: root },
      globals: { ...globals.node, ...globals.browser },
    },
    plugins: { 'import-x': importX },
    settings: {
      // Without these, import-x skips every .ts file and every `@/` import without a word, and
      // the rules below pass whatever the code does (they did until this config added them).
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'],
          tsconfig: { configFile: `${root}/tsconfig.json` },
        }),
      ],
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/only-throw-error': 'off',
      'no-console': ['error', { allow: ['warn', 'error'] }],
      // Type-only imports do not count (they vanish at build time); packages are not traversed.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './src/shared', from: ['./src/server', './src/client', './src/simulator'], message: 'shared/ depends on nothing else in src/.' },
            { target: './src/client', from: ['./src/server', './src/simulator'], message: 'The client talks to the server over HTTP only.' },
            { target: './src/server', from: './src/client', message: 'The server never imports client code.' },
            { target: './src/simulator', from: ['./src/client', './src/server'], message: 'The simulator stands alone, like the vendor it imitates.' },
            {
              target: ['./src/client/lib', './src/client/components'],
              from: ['./src/client/features', './src/client/screens', './src/client/app.tsx'],
              message: 'lib/ and components/ serve every feature, so they import none.',
            },
            ...featureZones,
          ],
        },
      ],
    },
  },
  {
    // shared/ runs in the browser and in Node alike.
    files: ['src/shared/**/*.ts'],
    rules: { 'import-x/no-nodejs-modules': 'error' },
  },
  {
    files: ['src/client/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  {
    // The public page is a bundle of a few KB: shared code and the platform only (its tests compare it with the client's).
    files: ['src/public/**/*.ts'],
    ignores: ['src/public/**/*.test.ts'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            // But the messages' React-free core: the page speaks the SPA's words (src/public/language.ts).
            { target: './src/public', from: './src/client', except: ['./i18n/i18n.ts'], message: 'The public page carries no SPA code but its messages.' },
            { target: './src/public', from: ['./src/server', './src/simulator'], message: 'The public page carries no SPA or server code.' },
          ],
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: ['zod', 'react', 'react-dom'].map((name) => ({
            name,
            message: 'The public page stays a few KB: no zod or React (type imports from @/shared are fine).',
          })),
        },
      ],
    },
  },
  {
    files: ['scripts/**/*', 'e2e/**/*', 'src/simulator/main.ts', 'src/server/main.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
