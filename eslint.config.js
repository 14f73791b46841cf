// ESLint: typescript-eslint and the rules of hooks, plus the project's layering — renderer → shared ← electron —
// enforced here rather than hoped for (in the spirit of VS Code's code-layering rule).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const layer = (from, forbidden, message) => ({
  files: [`${from}/**/*.{ts,tsx,cts}`],
  rules: {
    'no-restricted-imports': ['error', { patterns: forbidden.map((group) => ({ group: [group], message })) }],
  },
});

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'release/**',
      'native/**',
      'node_modules/**',
      '.types/**',
      'tests/artifacts/**',
      '**/.*',
      'bench/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'max-len': [
        'error',
        { code: 120, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreUrls: true, ignoreRegExpLiterals: true },
      ],
      // Gloss handles control characters on purpose: binary detection, and FTS snippet markers (U+0002/U+0003).
      'no-control-regex': 'off',
    },
  },
  {
    // The rules of hooks; the React Compiler's stricter rules (v7 "recommended") would flag the store's
    // deliberate patterns (latest-callback refs) without finding bugs.
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  { files: ['renderer/vite.config.ts'], rules: { 'no-restricted-imports': 'off' } },
  layer(
    'renderer',
    ['**/electron/**', 'electron', 'node:*', 'better-sqlite3'],
    'The renderer talks to the main process only through the API (shared/); it never imports electron/ or Node.',
  ),
  layer(
    'shared',
    ['**/electron/**', '**/renderer/**', 'electron', 'react', 'node:*'],
    'shared/ is the contract both sides depend on: it imports neither side.',
  ),
  layer('electron', ['**/renderer/**', 'react', 'react-dom'], 'The main process never imports the renderer.'),
  { files: ['renderer/vite.config.ts'], rules: { 'no-restricted-imports': 'off' } },
  {
    // Queries live beside their table: SQL is prepared only in electron/db/.
    files: ['electron/**/*.ts', 'shared/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    ignores: ['electron/db/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(prepare|pragma)$/]',
          message: 'SQL lives in electron/db/ beside its table; call a function from there.',
        },
      ],
    },
  },
);
