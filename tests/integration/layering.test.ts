// The layering is enforced by lint, not by hope: renderer → shared ← electron, and SQL only in electron/db/.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { ESLint } from 'eslint';
import { repoRoot } from '../support/temp.js';

const eslint = new ESLint({ cwd: repoRoot });

async function rulesBroken(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
  return [...new Set(result.messages.map((m) => m.ruleId ?? m.message))];
}

test('the renderer cannot import the main process, and shared/ imports neither side', async () => {
  assert.deepEqual(
    await rulesBroken(
      'renderer/app/Bad.tsx',
      "import { openDatabase } from '../../electron/db/connection';\nexport const x = openDatabase;\n",
    ),
    ['no-restricted-imports'],
  );
  assert.deepEqual(
    await rulesBroken('shared/bad.ts', "import { store } from '../renderer/api/client';\nexport const x = store;\n"),
    ['no-restricted-imports'],
  );
  assert.deepEqual(
    await rulesBroken('electron/bad.ts', "import { App } from '../renderer/app/App';\nexport const x = App;\n"),
    ['no-restricted-imports'],
  );
  assert.deepEqual(
    await rulesBroken('renderer/app/Good.ts', "import type { Tag } from '../../shared/types';\nexport type X = Tag;\n"),
    [],
  );
});

test('SQL is prepared only in electron/db/', async () => {
  const code =
    "import type { Db } from '../db/connection.js';\nexport const count = (db: Db) => db.prepare('SELECT 1').get();\n";
  assert.deepEqual(await rulesBroken('electron/api/bad.ts', code), ['no-restricted-syntax']);
  assert.deepEqual(
    await rulesBroken('electron/db/good.ts', code.replace('../db/connection.js', './connection.js')),
    [],
  );
});
