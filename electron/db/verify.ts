// Verifies an existing file before Gloss adopts it as a project. A .gloss file can come from anyone, and
// SQLite runs whatever triggers and views a file carries, so its schema must be exactly the one Gloss's own
// migrations build for its schema_version: nothing extra, nothing altered. All of this is read-only: a file
// that is refused is left byte-for-byte as it was.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import { GlossError } from '../../shared/api.js';
import { migrations as allMigrations, type Migration } from './migrations/index.js';

export interface SchemaEntry {
  type: string;
  name: string;
  sql: string | null;
}

export interface VerifyOptions {
  nativeBinding?: string;
  migrations?: Migration[];
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
/** Tables SQLite itself creates (ANALYZE statistics, AUTOINCREMENT counters); their SQL is fixed by SQLite. */
const SQLITE_INTERNAL = /^sqlite_(stat\d|sequence)$/;

export const SCHEMA_VERSION_TABLE =
  'CREATE TABLE IF NOT EXISTS schema_version ' +
  '(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)';

/** Throws a GlossError saying what is wrong if the existing file at `file` must not be opened as a project. */
export function verifyProjectFile(file: string, options: VerifyOptions = {}): void {
  checkFileBytes(file);
  withoutLeftovers(file, () => verifyDatabase(file, options));
}

function verifyDatabase(file: string, options: VerifyOptions): void {
  const db = openReadOnly(file, options.nativeBinding);
  try {
    checkIntegrity(db, file);
    const actual = readSchema(db);
    if (!actual.some((e) => e.type === 'table' && e.name === 'schema_version')) {
      throw refused(file, 'it is a SQLite database, but not a Gloss project (it has no schema_version table)');
    }
    const version = storedSchemaVersion(db, file, actual);
    const migrations = options.migrations ?? allMigrations;
    checkVersionIsKnown(version, migrations);
    const problems = compareSchemas(expectedSchema(version, migrations), actual);
    if (problems.length > 0) {
      throw refused(
        file,
        `its schema is not the one Gloss creates (${problems.join('; ')}). ` +
          'Gloss refuses to open it so that nothing planted in it can run',
      );
    }
  } finally {
    db.close();
  }
}

function checkFileBytes(file: string): void {
  const stat = fs.statSync(file);
  if (!stat.isFile()) throw refused(file, 'it is not a file');
  if (stat.size === 0) throw refused(file, 'the file is empty');
  const header = readHeader(file);
  if (!header.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER)) {
    throw refused(file, 'it is not a SQLite database (the file is damaged or of another kind)');
  }
  const expectedBytes = declaredSize(header);
  if (expectedBytes !== null && stat.size < expectedBytes) {
    throw refused(file, `the file is damaged: it is cut short (${stat.size} of ${expectedBytes} bytes)`);
  }
}

function readHeader(file: string): Buffer {
  const header = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, header.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  return header;
}

/** Page size × page count from the header, when the header says that count is current (SQLite file format §1.3). */
function declaredSize(header: Buffer): number | null {
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pageCount = header.readUInt32BE(28);
  const countIsCurrent = header.readUInt32BE(24) === header.readUInt32BE(92);
  return countIsCurrent && pageCount > 0 ? pageSize * pageCount : null;
}

function openReadOnly(file: string, nativeBinding: string | undefined): Database.Database {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    db.pragma('trusted_schema = OFF');
    return db;
  } catch (error) {
    throw refused(file, `it cannot be read (${(error as Error).message})`);
  }
}

/**
 * A read-only connection to a WAL database leaves a -shm (and maybe an empty -wal) behind, as it may not delete
 * them. When neither existed before, nobody else had the file open: remove what the check created.
 */
function withoutLeftovers<T>(file: string, work: () => T): T {
  const sidecars = [`${file}-wal`, `${file}-shm`];
  const existed = sidecars.map((f) => fs.existsSync(f));
  try {
    return work();
  } finally {
    if (!existed.some(Boolean)) for (const f of sidecars) fs.rmSync(f, { force: true });
  }
}

function checkIntegrity(db: Database.Database, file: string): void {
  let result: unknown;
  try {
    result = db.pragma('quick_check(1)', { simple: true });
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_READONLY_ROLLBACK') {
      // Replaying it would change the schema after this check; a crashed Gloss leaves none (WAL mode).
      throw refused(file, 'it comes with an unfinished transaction (a -journal file) that would have to be replayed');
    }
    throw refused(file, `the file is damaged (${(error as Error).message})`);
  }
  if (result !== 'ok') throw refused(file, `the file is damaged (${String(result)})`);
}

export function readSchema(db: Database.Database): SchemaEntry[] {
  return db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY type, name').all() as SchemaEntry[];
}

function storedSchemaVersion(db: Database.Database, file: string, actual: SchemaEntry[]): number {
  // Read only once the table is known to be the plain one Gloss creates (no view or virtual table in disguise).
  const table = actual.find((e) => e.type === 'table' && e.name === 'schema_version')!;
  if (normaliseSql(table.sql) !== normaliseSql(expectedSchemaVersionSql())) {
    throw refused(file, 'its schema_version table is not the one Gloss creates');
  }
  return db.prepare('SELECT COALESCE(MAX(version), 0) FROM schema_version').pluck().get() as number;
}

export function checkVersionIsKnown(version: number, migrations: Migration[]): void {
  const latest = migrations.at(-1)?.version ?? 0;
  if (version > latest) {
    throw new GlossError(
      'invalid_argument',
      `This project was written by a newer Gloss (schema ${version}); this version understands up to ${latest}.`,
    );
  }
}

const expectedCache = new WeakMap<Migration[], Map<number, SchemaEntry[]>>();

/** The schema Gloss's own migrations build up to `version`, from an empty in-memory database. */
export function expectedSchema(version: number, migrations: Migration[] = allMigrations): SchemaEntry[] {
  const cache = expectedCache.get(migrations) ?? new Map<number, SchemaEntry[]>();
  expectedCache.set(migrations, cache);
  const cached = cache.get(version);
  if (cached) return cached;
  const db = new Database(':memory:');
  try {
    db.exec(SCHEMA_VERSION_TABLE);
    for (const migration of migrations) if (migration.version <= version) db.exec(migration.sql);
    const schema = readSchema(db);
    cache.set(version, schema);
    return schema;
  } finally {
    db.close();
  }
}

function expectedSchemaVersionSql(): string | null {
  return expectedSchema(0, []).find((e) => e.name === 'schema_version')?.sql ?? null;
}

/** Differences, worded for a person: "unexpected trigger x", "altered index y", "missing table z". */
export function compareSchemas(expected: SchemaEntry[], actual: SchemaEntry[]): string[] {
  const key = (e: SchemaEntry) => `${e.type} ${e.name}`;
  const wanted = new Map(expected.filter((e) => !SQLITE_INTERNAL.test(e.name)).map((e) => [key(e), e]));
  const found = new Map(actual.filter((e) => !SQLITE_INTERNAL.test(e.name)).map((e) => [key(e), e]));
  const problems: string[] = [];
  for (const [k, entry] of found) {
    const expectedEntry = wanted.get(k);
    if (!expectedEntry) problems.push(`unexpected ${entry.type} "${entry.name}"`);
    else if (normaliseSql(expectedEntry.sql) !== normaliseSql(entry.sql)) {
      problems.push(`altered ${entry.type} "${entry.name}"`);
    }
  }
  for (const [k, entry] of wanted) if (!found.has(k)) problems.push(`missing ${entry.type} "${entry.name}"`);
  return problems;
}

/** Collapses whitespace outside quoted strings and identifiers, so only formatting differences are ignored. */
export function normaliseSql(sql: string | null): string | null {
  if (sql === null) return null;
  let out = '';
  let quote: string | null = null;
  let pendingSpace = false;
  for (const ch of sql.trim()) {
    if (quote) {
      out += ch;
      if (ch === quote) quote = null;
      continue;
    }
    if (/\s/.test(ch)) {
      pendingSpace = true;
      continue;
    }
    if (pendingSpace && out !== '' && !/[(,]$/.test(out) && !/[),]/.test(ch)) out += ' ';
    pendingSpace = false;
    if (ch === "'" || ch === '"' || ch === '`') quote = ch;
    else if (ch === '[') quote = ']';
    out += ch;
  }
  return out;
}

function refused(file: string, reason: string): GlossError {
  return new GlossError('invalid_argument', `${file} cannot be opened as a Gloss project: ${reason}.`);
}
