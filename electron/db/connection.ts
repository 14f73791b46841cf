import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { GlossError } from '../../shared/api.js';
import { migrations, type Migration } from './migrations/index.js';
import { checkVersionIsKnown, SCHEMA_VERSION_TABLE, verifyProjectFile } from './verify.js';

export type Db = Database.Database;

const statementsByDb = new WeakMap<Db, Map<string, Database.Statement<unknown[]>>>();

/** A statement compiled once per connection, for the queries run thousands of times (search, import, sync). */
export function cachedStatement(db: Db, sql: string): Database.Statement<unknown[]> {
  let cache = statementsByDb.get(db);
  if (!cache) statementsByDb.set(db, (cache = new Map()));
  let prepared = cache.get(sql);
  if (!prepared) cache.set(sql, (prepared = db.prepare(sql)));
  return prepared;
}

export interface OpenOptions {
  /** Path to a better_sqlite3.node built for this runtime (Electron's ABI differs from Node's). */
  nativeBinding?: string;
}

/**
 * Opens a project database (creating it if there is none), with WAL, foreign keys and migrations applied.
 * An existing file is verified first (verify.ts) and left untouched if it is refused.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (file === ':memory:') return prepare(connect(file, options));
  if (!fs.existsSync(file)) createProjectFile(file, options);
  checkWritable(file);
  verifyProjectFile(file, options);
  return prepare(connect(file, options));
}

const optionsOf = new WeakMap<Db, OpenOptions>();

function connect(file: string, options: OpenOptions): Db {
  const db = new Database(file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  // Schema code (defaults, CHECKs, triggers) may not call functions with side effects, whatever the file says.
  db.pragma('trusted_schema = OFF');
  optionsOf.set(db, options);
  return db;
}

/** How a connection was opened (its native binding), for a worker opening the same file. */
export function openOptionsOf(db: Db): OpenOptions {
  return optionsOf.get(db) ?? {};
}

/**
 * A read-only connection to a project the backend has open (migrated already), for a worker that only reads: it
 * sees each commit of the backend's connection as it lands (WAL) and can never write.
 */
export function openReadOnlyDatabase(file: string, options: OpenOptions = {}): Db {
  const db = new Database(file, {
    readonly: true,
    fileMustExist: true,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  db.pragma('trusted_schema = OFF');
  db.pragma('busy_timeout = 5000');
  return db;
}

function prepare(db: Db): Db {
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Statement journals in memory: every insert that fires triggers (the FTS and oplog ones) keeps one, and on
    // disk each page it saves was a write system call (a third of an import's write time). They only serve to
    // undo one statement inside its transaction, so the committed result is as durable as before.
    db.pragma('temp_store = MEMORY');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Builds a new project beside its final name and links it into place, so no other process (a second
 * instance starting at the same moment) ever sees a half-made file, and an existing file is never replaced.
 */
function createProjectFile(file: string, options: OpenOptions): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.creating`;
  try {
    prepare(connect(temp, options)).close();
    linkIntoPlace(temp, file);
  } finally {
    for (const leftover of [temp, `${temp}-wal`, `${temp}-shm`]) fs.rmSync(leftover, { force: true });
  }
}

function linkIntoPlace(temp: string, file: string): void {
  try {
    fs.linkSync(temp, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return; // another instance created it first: use theirs
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw error;
    if (!fs.existsSync(file)) fs.renameSync(temp, file); // file systems without hard links
  }
}

function checkWritable(file: string): void {
  // Mode bits, not access(): the read-only flag is honoured even when running as root.
  if ((fs.statSync(file).mode & 0o222) === 0) {
    throw new GlossError('invalid_argument', `${file} is read-only; Gloss needs to write to a project to open it.`);
  }
  try {
    fs.accessSync(file, fs.constants.W_OK);
  } catch {
    throw new GlossError(
      'invalid_argument',
      `${file} is not writable by you; Gloss needs to write to a project to open it.`,
    );
  }
}

export function schemaVersion(db: Db): number {
  db.exec(SCHEMA_VERSION_TABLE);
  return db.prepare('SELECT COALESCE(MAX(version), 0) FROM schema_version').pluck().get() as number;
}

export function migrate(db: Db, all: Migration[] = migrations): number {
  let current = schemaVersion(db);
  checkVersionIsKnown(current, all);
  for (const migration of all) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      migration.up?.(db);
      db.prepare('INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
    })();
    current = migration.version;
  }
  return current;
}

/**
 * Runs async work inside one write transaction: other processes wait (busy_timeout) instead of interleaving,
 * and a crash leaves nothing half done. Only for work no other caller shares the connection with meanwhile.
 */
export async function inWriteTransaction<T>(db: Db, work: () => Promise<T>): Promise<T> {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = await work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
