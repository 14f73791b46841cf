// better-sqlite3 is compiled twice: for Node (tests, browser mode; node_modules/better-sqlite3/build)
// and for Electron's ABI (native/electron/better_sqlite3.node, built by scripts/build-native-electron.mjs).
// Electron loads its own copy through better-sqlite3's nativeBinding option, so the two never overwrite each other.
import fs from 'node:fs';
import path from 'node:path';

export function electronNativeBinding(appRoot: string, resourcesPath?: string): string | undefined {
  const candidates = [
    resourcesPath ? path.join(resourcesPath, 'native', 'better_sqlite3.node') : undefined,
    path.join(appRoot, 'native', 'electron', 'better_sqlite3.node'),
  ].filter((p): p is string => Boolean(p));
  return candidates.find((p) => fs.existsSync(p));
}
