// In-process backend on a real database in a temp folder: what Electron's main process runs, minus Electron.
import path from 'node:path';
import { createBackend, type Backend } from '../../electron/backend.js';
import { createClient, type GlossClient } from '../../shared/api.js';
import { seedsDir, tempDir } from './temp.js';

export interface TestBackend extends Backend {
  client: GlossClient;
  dataDir: string;
  projectPath: string;
}

export async function startBackend(options: { seeds?: boolean; dataDir?: string } = {}): Promise<TestBackend> {
  const dataDir = options.dataDir ?? tempDir();
  const projectPath = path.join(dataDir, 'Test.gloss');
  const backend = await createBackend({
    dataDir,
    projectPath,
    seedsDir: options.seeds === false ? undefined : seedsDir,
  });
  return { ...backend, client: createClient((op, args) => backend.dispatch(op, args)), dataDir, projectPath };
}
