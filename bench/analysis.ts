// Analysis on the generated 10,000-document workbench project: a three-tag retrieval with one attribute filter,
// and a tag × document matrix for 20 tags, timed through the API dispatcher (validation and all).
// Run alone with `node --import tsx bench/analysis.ts [--quick]`; `npm run bench` runs it too.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend } from '../electron/backend.js';
import { createClient } from '../shared/api.js';
import type { RetrievalQuery } from '../shared/types.js';
import { generateWorkbenchProject } from './workbench-project.js';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface BenchRow {
  area: string;
  measure: string;
  gloss: string;
  peer: string;
  ratio: string;
}

/** CPU time of this process since `start` (wall time on a shared, loaded machine overstates the work). */
const cpuMs = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchAnalysis({ quick }: { quick: boolean }): Promise<BenchRow[]> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gloss-bench-analysis-'));
  try {
    const reports = quick ? 1_000 : 10_000;
    const project = await generateWorkbenchProject(
      path.join(root, 'analysis.gloss'),
      reports,
      path.join(here, '..', 'seeds'),
    );
    const backend = await createBackend({ dataDir: path.join(root, 'data'), projectPath: project.file });
    try {
      const client = createClient((op, args) => backend.dispatch(op, args));
      const tags = (await client['tags.list']({})).sort((a, b) => a.name.localeCompare(b.name));
      // One attribute on every document, from its outlet: an eighth of the reports are "State".
      const definition = await client['attributes.define']({
        name: 'Outlet type',
        kind: 'choice',
        choices: ['State', 'Private'],
      });
      const page = await client['documents.page']({ limit: 0 });
      const ids = await allDocumentIds(client, page.total);
      const state = new Set((await client['documents.list']({ outlet: 'TASS' })).map((d) => d.id));
      await client['attributes.set']({
        definitionId: definition.id,
        documentIds: ids.filter((id) => state.has(id)),
        value: 'State',
      });
      await client['attributes.set']({
        definitionId: definition.id,
        documentIds: ids.filter((id) => !state.has(id)),
        value: 'Private',
      });

      const query: RetrievalQuery = {
        terms: [{ tagId: tags[0].id }, { operator: 'or', tagId: tags[1].id }, { operator: 'not', tagId: tags[2].id }],
        attributes: [{ name: 'Outlet type', equals: 'Private' }],
      };
      const retrievalTimes: number[] = [];
      const retrievalCpu: number[] = [];
      let total = 0;
      for (let i = 0; i < (quick ? 3 : 7); i++) {
        const t = performance.now();
        const cpu = process.cpuUsage();
        // As the HTTP transport sends it: serialised.
        total = (JSON.parse(JSON.stringify(await client['retrieval.query']({ query }))) as { total: number }).total;
        retrievalTimes.push(performance.now() - t);
        retrievalCpu.push(cpuMs(cpu));
      }
      const matrixTimes: number[] = [];
      const matrixCpu: number[] = [];
      let columns = 0;
      for (let i = 0; i < (quick ? 3 : 5); i++) {
        const t = performance.now();
        const cpu = process.cpuUsage();
        const matrix = await client['analysis.matrix']({
          tagIds: tags.slice(0, 20).map((x) => x.id),
          columns: { kind: 'documents' },
        });
        columns = (JSON.parse(JSON.stringify(matrix)) as typeof matrix).columns.length;
        matrixTimes.push(performance.now() - t);
        matrixCpu.push(cpuMs(cpu));
      }
      const retrievalMs = median(retrievalTimes);
      const matrixMs = median(matrixTimes);
      return [
        {
          area: 'analysis',
          measure: `retrieval A OR B NOT C + 1 attribute, ${project.documents} docs`,
          gloss: `${retrievalMs.toFixed(0)} ms (target ≤ 200 ms)`,
          peer: `${total.toLocaleString('en')} segments; CPU ${median(retrievalCpu).toFixed(0)} ms`,
          ratio: `${(retrievalMs / 200).toFixed(2)}× target`,
        },
        {
          area: 'analysis',
          measure: `tag × document matrix, 20 tags`,
          gloss: `${matrixMs.toFixed(0)} ms (target ≤ 500 ms)`,
          peer: `${columns.toLocaleString('en')} documents; CPU ${median(matrixCpu).toFixed(0)} ms`,
          ratio: `${(matrixMs / 500).toFixed(2)}× target`,
        },
      ];
    } finally {
      backend.close();
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

async function allDocumentIds(client: ReturnType<typeof createClient>, total: number): Promise<number[]> {
  const ids: number[] = [];
  for (let offset = 0; offset < total; offset += 1000)
    ids.push(...(await client['documents.page']({ offset, limit: 1000 })).ids);
  return ids;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  for (const row of await benchAnalysis({ quick: process.argv.includes('--quick') }))
    console.log(`| ${row.area} | ${row.measure} | ${row.gloss} | ${row.peer} | ${row.ratio} |`);
}
