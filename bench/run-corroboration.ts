// npm run bench:corroboration [-- --quick]: only the corroboration rows (the whole bench takes about eight minutes).
import { benchCorroboration } from './corroboration.js';
import { extractionPool } from '../electron/import/pool.js';

const rows = await benchCorroboration({ quick: process.argv.includes('--quick') });
for (const r of rows) console.log(`| ${r.area} | ${r.measure} | ${r.gloss} | ${r.peer} | ${r.ratio} |`);
extractionPool().close();
process.exit(0);
