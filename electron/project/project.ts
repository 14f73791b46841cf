// A project is one SQLite file. Opening a new one imports the bundled seed reports exactly once.
import fs from 'node:fs';
import path from 'node:path';
import { closeCorroborationQueries } from '../corroboration/queries.js';
import { inWriteTransaction, openDatabase, schemaVersion, type Db, type OpenOptions } from '../db/connection.js';
import { countDocuments } from '../db/documents.js';
import { getMeta, setMeta } from '../db/meta.js';
import { stopReading } from '../entities/service.js';
import { clearHistory } from '../db/oplog.js';
import { importFile } from '../import/importer.js';

export interface Project {
  readonly path: string;
  readonly db: Db;
  /** Why Gloss started on this project instead of the one asked for (shown to the analyst), if it did. */
  readonly startupWarning?: string;
  close(): void;
}

export interface ProjectOptions extends OpenOptions {
  /** Folder of seed files to import into a brand-new project; omit for an empty project. */
  seedsDir?: string;
}

export async function openProject(file: string, options: ProjectOptions = {}): Promise<Project> {
  const db = openDatabase(file, options);
  try {
    if (options.seedsDir) await seedOnce(db, options.seedsDir);
  } catch (error) {
    db.close();
    throw error;
  }
  return {
    path: file,
    db,
    close: () => {
      closeCorroborationQueries(db);
      stopReading(db);
      db.close();
    },
  };
}

/** Two instances opening a new project at once: the second waits for the first and then finds it seeded. */
async function seedOnce(db: Db, seedsDir: string): Promise<void> {
  if (getMeta(db, 'seeded') !== undefined) return;
  await inWriteTransaction(db, async () => {
    if (getMeta(db, 'seeded') === undefined) await importSeeds(db, seedsDir);
  });
}

/** Imports every file in the seeds folder (sorted) with the metadata of its manifest, then records that it did so. */
export async function importSeeds(db: Db, seedsDir: string): Promise<void> {
  const manifest = readSeedManifest(seedsDir);
  const files = fs
    .readdirSync(seedsDir)
    .filter((f) => !f.startsWith('.') && f !== SEED_MANIFEST)
    .sort();
  for (const name of files) {
    const bytes = fs.readFileSync(path.join(seedsDir, name));
    const result = await importFile(db, { fileName: name, bytes, ...manifest[name] });
    if (result.status === 'failed') throw new Error(`Seed ${name} could not be imported: ${result.message}`);
  }
  setMeta(db, 'seeded', new Date().toISOString());
  // The sample reports are where a project starts, not an edit the analyst could undo.
  clearHistory(db);
}

export const SEED_MANIFEST = 'manifest.json';

interface SeedMetadata {
  title?: string;
  outlet?: string | null;
  publishedAt?: string | null;
  url?: string | null;
  sourceName: null;
}

/**
 * What the seeds' manifest says of each file: title, outlet ("unknown" when the text does not say, stored as no
 * outlet), date and web address where the text states them. The seeds' own file names are never shown.
 */
export function readSeedManifest(seedsDir: string): Record<string, SeedMetadata> {
  const file = path.join(seedsDir, SEED_MANIFEST);
  if (!fs.existsSync(file)) return {};
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { files?: Record<string, Record<string, unknown>> };
  const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);
  return Object.fromEntries(
    Object.entries(parsed.files ?? {}).map(([name, entry]) => {
      const outlet = text(entry.outlet);
      const date = text(entry.date);
      const url = text(entry.url);
      return [
        name,
        {
          ...(text(entry.title) && { title: text(entry.title)! }),
          outlet: outlet && outlet.toLowerCase() !== 'unknown' ? outlet : null,
          publishedAt: date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null,
          url: url && /^https?:\/\//.test(url) ? url : null,
          sourceName: null,
        },
      ];
    }),
  );
}

export function describeProject(project: Project, recent: string[]) {
  return {
    path: project.path,
    name: path.basename(project.path).replace(/\.gloss$|\.sqlite$|\.db$/, ''),
    schemaVersion: schemaVersion(project.db),
    documentCount: countDocuments(project.db),
    recent,
    ...(project.startupWarning ? { startupWarning: project.startupWarning } : {}),
  };
}
