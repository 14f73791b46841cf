// `npm test`: type-check tests, then run unit, integration and e2e tests with Node's test runner (tsx loads TS).
// E2E tests drive Debian's Chromium (/usr/bin/chromium) against the browser transport.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const suites = process.argv.slice(2).length ? process.argv.slice(2) : ['unit', 'integration', 'e2e'];

function testFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return testFiles(full);
      return entry.name.endsWith('.test.ts') ? [path.relative(root, full)] : [];
    })
    .sort();
}

// Lint (ESLint with the layering rules) and formatting (Prettier) first: they are the cheapest to fail.
const tools = [
  ['node_modules/eslint/bin/eslint.js', '.'],
  ['node_modules/prettier/bin/prettier.cjs', '--check', '--log-level', 'warn', '.'],
];
for (const [tool, ...args] of tools) {
  const run = spawnSync(process.execPath, [path.join(root, tool), ...args], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`${path.basename(tool)} failed: run \`npm run lint\` (and \`npm run format\`) to see and fix it.`);
    process.exit(run.status ?? 1);
  }
}

// Type-check what the build does not: the tests and benchmarks, the renderer (Vite strips its types), and the
// renderer's unit tests.
for (const project of ['tests/tsconfig.json', 'renderer/tsconfig.json', 'tests/unit/renderer/tsconfig.json']) {
  const typecheck = spawnSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', project], {
    cwd: root,
    stdio: 'inherit',
  });
  if (typecheck.status !== 0) process.exit(typecheck.status ?? 1);
}

const files = suites.flatMap((suite) => testFiles(path.join(root, 'tests', suite)));
if (suites.includes('e2e') && !fs.existsSync(process.env.GLOSS_CHROMIUM ?? '/usr/bin/chromium')) {
  console.error(
    'E2E tests need Chromium at /usr/bin/chromium (Debian: apt-get install -y chromium), or set GLOSS_CHROMIUM.',
  );
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, GLOSS_TEST: '1' },
  },
);
process.exit(result.status ?? 1);
