// `npm run team-server`: the team server on embedded PostgreSQL (PGlite, one machine) or on a real PostgreSQL given
// GLOSS_TEAM_DATABASE_URL or --database. On first start it makes the owner and writes the owner's token to a file
// readable by this user only; the token never goes to the log or a command line.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openTeamStore } from '../db/team/store.js';
import { startTeamServer } from './server.js';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: path.resolve('team-server-data') },
    database: { type: 'string' },
    port: { type: 'string', default: '8715' },
    host: { type: 'string', default: '127.0.0.1' },
  },
});

const dataDir = values.data!;
fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
const url = values.database ?? process.env.GLOSS_TEAM_DATABASE_URL;
const store = await openTeamStore(url ? { url } : { dataDir: path.join(dataDir, 'pglite') });
if ((await store.members()).length === 0) {
  const { token } = await store.addMember('owner', 'owner');
  const tokenFile = path.join(dataDir, 'owner-token');
  fs.writeFileSync(tokenFile, `${token}\n`, { mode: 0o600 });
  fs.chmodSync(tokenFile, 0o600);
  console.log(`Owner token written to ${tokenFile} (readable by you only).`);
}
const server = await startTeamServer(store, { port: Number(values.port), host: values.host });
console.log(`Gloss team server listening on ${server.url} (${url ? 'PostgreSQL' : 'embedded PGlite'})`);
const stop = () =>
  void server
    .close()
    .then(() => store.close())
    .then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
