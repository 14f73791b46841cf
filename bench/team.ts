// Team server benchmarks (issue 15): replay a generated log of 1,000,000 operations from 30 coders into the team
// server over HTTP (goal ≥ 20,000 operations/s applied), and time a desktop that missed 10,000 operations catching
// up (goal ≤ 2 s). Runs on a throwaway real PostgreSQL when its binaries exist, else on embedded PGlite.
// `node --import tsx bench/team.ts [--quick]` prints the rows; bench/run.ts calls benchTeam() for its table.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createBackend } from '../electron/backend.js';
import { openTeamStore, type TeamStore } from '../electron/db/team/store.js';
import { teamClient } from '../electron/team/client.js';
import { startTeamServer } from '../electron/team/server.js';
import { createClient } from '../shared/api.js';
import { MAX_OPS_PER_CALL, type TeamOp } from '../shared/team.js';
import { postgresBinDir, startPostgres } from '../tests/support/postgres.js';
import type { BenchRow } from './exchange.js';

const CODERS = 30;
const here = path.dirname(fileURLToPath(import.meta.url));

interface Stores {
  kind: string;
  open: (name: string) => Promise<TeamStore>;
  /** The database's URL, when it is a real PostgreSQL a separate server process can reach. */
  urlOf?: (name: string) => string;
}

async function openStores(): Promise<Stores> {
  const binDir = postgresBinDir();
  if (!binDir) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gloss-bench-pglite-'));
    return { kind: 'PGlite', open: (name) => openTeamStore({ dataDir: path.join(dir, name) }) };
  }
  const server = await startPostgres(binDir);
  const urlOf = (name: string) => server.url.replace(/\/postgres$/, `/${name}`);
  return {
    kind: 'PostgreSQL',
    urlOf,
    async open(name) {
      const admin = new pg.Client({ connectionString: server.url });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      return openTeamStore({ url: urlOf(name) });
    },
  };
}

interface Log {
  coders: number;
  lengthOf(coder: number): number;
  /** The coder's operations from `start` to `end`, made when asked, as a desktop reads its outbox. */
  slice(coder: number, start: number, end: number): TeamOp[];
}

/**
 * The generated log: each coder makes a coder row, then passages on the given documents, in turns (op n of the log
 * is coder n % 30's). Made a batch at a time: holding a million ops would make the bench's own garbage collection
 * the slowest part of the run.
 */
function generatedLog(count: number, documentGuids: string[], coderGuids: string[]): Log {
  const at = new Date().toISOString();
  const coderRow = (coder: number): TeamOp => ({
    uuid: randomUUID(),
    tbl: 'coders',
    guid: coderGuids[coder]!,
    kind: 'upsert',
    fields: { name: `Coder ${coder + 1}` },
    author: `c${coder}`,
    at,
  });
  const passage = (coder: number, n: number): TeamOp => {
    const start = (n * 7) % 900;
    return {
      uuid: randomUUID(),
      tbl: 'highlights',
      guid: randomUUID(),
      kind: 'upsert',
      fields: {
        document_id: documentGuids[n % documentGuids.length]!,
        start_offset: start,
        end_offset: start + 20,
        exact: 'passage text',
        prefix: '',
        suffix: '',
        color: null,
        orphaned: 0,
        coder_id: coderGuids[coder]!,
      },
      author: `c${coder}`,
      at,
    };
  };
  // The coder's k-th op (k ≥ 1) is op n = CODERS·k + coder of the log.
  const op = (coder: number, k: number) => (k === 0 ? coderRow(coder) : passage(coder, CODERS * k + coder));
  return {
    coders: CODERS,
    lengthOf: (coder) => Math.ceil((count - coder) / CODERS),
    slice: (coder, start, end) => Array.from({ length: end - start }, (_, j) => op(coder, start + j)),
  };
}

/** Pushes each coder's operations in batches, coders taking turns, as 30 desktops syncing would. */
async function replay(url: string, tokens: string[], log: Log): Promise<number> {
  const clients = tokens.map((t) => teamClient(url, t));
  const clientIds = tokens.map(() => randomUUID());
  const batch = MAX_OPS_PER_CALL;
  const longest = Math.max(...clients.map((_, i) => log.lengthOf(i)));
  let pushed = 0;
  for (let offset = 0; offset < longest; offset += batch) {
    await Promise.all(
      clients.map(async (client, i) => {
        const end = Math.min(offset + batch, log.lengthOf(i));
        if (end <= offset) return;
        const ops = log.slice(i, offset, end);
        await client.push({ clientId: clientIds[i]!, ops });
        pushed += ops.length;
      }),
    );
  }
  return pushed;
}

async function benchReplay(stores: Stores, count: number): Promise<BenchRow> {
  const store = await stores.open('bench_replay');
  // The server runs in a process of its own, as it would for a team: the generating clients do not share its core.
  const server = stores.urlOf ? await serverProcess(stores.urlOf('bench_replay')) : await startTeamServer(store);
  try {
    const tokens = await Promise.all(
      Array.from({ length: CODERS }, async (_, i) => (await store.addMember(`Coder ${i + 1}`, 'coder')).token),
    );
    const docs = Array.from({ length: 200 }, () => randomUUID());
    const log = generatedLog(
      count,
      docs,
      Array.from({ length: CODERS }, () => randomUUID()),
    );
    const started = performance.now();
    const pushed = await replay(server.url, tokens, log);
    const seconds = (performance.now() - started) / 1000;
    if ((await store.head()) !== pushed) throw new Error('the server log does not hold every operation');
    return {
      area: 'team',
      measure: `replay ${count.toLocaleString('en')} ops from ${CODERS} coders (${stores.kind})`,
      gloss: `${(pushed / seconds).toFixed(0)} ops/s`,
      peer: 'goal ≥ 20,000 ops/s',
      ratio: '',
    };
  } finally {
    await server.close();
    await store.close();
  }
}

async function benchCatchUp(stores: Stores, missed: number): Promise<BenchRow> {
  const store = await stores.open('bench_catchup');
  const server = await startTeamServer(store);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gloss-bench-team-'));
  const backend = await createBackend({ dataDir, projectPath: path.join(dataDir, 'Bench.gloss') });
  const client = createClient((op, args) => backend.dispatch(op, args));
  try {
    const owner = await store.addMember('Owner', 'owner');
    const publisher = teamClient(server.url, owner.token);
    const docs = Array.from({ length: 20 }, (_, i) => ({
      uuid: randomUUID(),
      tbl: 'documents' as const,
      guid: randomUUID(),
      kind: 'upsert' as const,
      fields: {
        title: `Report ${i + 1}`,
        outlet: null,
        author: null,
        published_at: null,
        url: null,
        format: 'txt',
        text: 'The ministry said visas would be issued faster. '.repeat(40),
        content_hash: randomUUID(),
        source_name: null,
        notes: '',
        pages: null,
      },
      author: 'owner',
      at: new Date().toISOString(),
    }));
    await publisher.push({ clientId: randomUUID(), ops: docs });
    await client['team.join']({ url: server.url, token: (await store.addMember('Late', 'coder')).token });
    const tokens = await Promise.all(
      Array.from({ length: CODERS }, async (_, i) => (await store.addMember(`Coder ${i + 1}`, 'coder')).token),
    );
    const log = generatedLog(
      missed,
      docs.map((d) => d.guid),
      Array.from({ length: CODERS }, () => randomUUID()),
    );
    await replay(server.url, tokens, log);
    const started = performance.now();
    const status = await client['team.sync']({});
    const seconds = (performance.now() - started) / 1000;
    const passages = backend.workspace.project.db.prepare('SELECT COUNT(*) FROM highlights').pluck().get() as number;
    if (!status.linked || status.lastError || passages !== missed - CODERS) {
      throw new Error(`catch-up incomplete: ${passages} passages, ${status.linked ? status.lastError : 'unlinked'}`);
    }
    return {
      area: 'team',
      measure: `catch up after ${missed.toLocaleString('en')} missed ops (${stores.kind})`,
      gloss: `${seconds.toFixed(2)} s`,
      peer: 'goal ≤ 2 s',
      ratio: '',
    };
  } finally {
    backend.close();
    await server.close();
    await store.close();
  }
}

async function serverProcess(databaseUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'gloss-bench-team-server-'));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(here, '..', 'electron', 'team', 'cli.ts'), '--data', data, '--port', '0'],
    { env: { ...process.env, GLOSS_TEAM_DATABASE_URL: databaseUrl }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`team server exited (${code})`)));
  });
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export async function benchTeam(options: { quick?: boolean } = {}): Promise<BenchRow[]> {
  process.env.GLOSS_TEAM_SYNC = 'manual';
  const stores = await openStores();
  const replayRow = await benchReplay(stores, options.quick ? 100_000 : 1_000_000);
  const catchUpRow = await benchCatchUp(stores, 10_000);
  return [replayRow, catchUpRow];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await benchTeam({ quick: process.argv.includes('--quick') })) console.log(row);
}
