// Size of what entity reading stores, against the text it reads: `node --import tsx bench/entities-size.ts [n]`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../electron/db/connection.js';
import { insertDocument } from '../electron/db/documents.js';
import { startReading, whenRead } from '../electron/entities/service.js';
import { contentHash } from '../electron/import/text.js';
import { generateCorpus } from './corpus.js';

const count = Number(process.argv[2] ?? 500);
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gloss-entities-')), 'size.gloss');
const db = openDatabase(file);
let textBytes = 0;
db.transaction(() => {
  for (const doc of generateCorpus(count)) {
    textBytes += Buffer.byteLength(doc.text);
    insertDocument(db, { title: doc.fileName, format: 'txt', text: doc.text, contentHash: contentHash(doc.text) });
  }
})();
const pages = () => db.pragma('page_count', { simple: true }) as number;
db.exec('VACUUM');
const before = pages();
const started = performance.now();
startReading(db);
await whenRead(db);
const seconds = (performance.now() - started) / 1000;
db.exec('VACUUM');
const after = pages();
const pageSize = db.pragma('page_size', { simple: true }) as number;
const mentions = db.prepare('SELECT COUNT(*) FROM entity_mentions').pluck().get() as number;
const events = db.prepare('SELECT COUNT(*) FROM timeline_events').pluck().get() as number;
console.log(
  `${count} docs (${(textBytes / 1e6).toFixed(1)} MB text) read in ${seconds.toFixed(1)} s (${(count / seconds).toFixed(1)} docs/s, ` +
    `worker + writes): ${mentions} mentions, ${events} events, +${(((after - before) * pageSize) / 1e6).toFixed(2)} MB ` +
    `(${(((after - before) * pageSize) / textBytes).toFixed(2)}× text)`,
);
db.close();
