// npm run bench's "workbench" section: the real renderer in Chromium, served by the real browser-mode server
// (a child process) from generated projects. Each action reports its figure against its target, and the API
// requests it cost and the bytes they returned.
import { rendererDir } from '../electron/paths.js';
import { HEADLESS_CHROMIUM_ARGS } from '../electron/server/pdf.js';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type ElementHandle,
  type Locator,
  type Page,
} from 'playwright-core';
import { startServerProcess } from '../tests/support/server.js';
import type { Probe } from './workbench-probe.js';
import {
  generateLibraryProject,
  generateWorkbenchProject,
  LONG_REPORT_TITLE,
  THEME_TAG,
  type GeneratedProject,
} from './workbench-project.js';
import { ApiTraffic, type TrafficSummary } from './workbench-traffic.js';

export interface BenchRow {
  area: string;
  measure: string;
  gloss: string;
  peer: string;
  ratio: string;
}

export interface WorkbenchOptions {
  quick: boolean;
  work: string;
  chromium: string;
  /** Leave out the 100,000-document library (bench:workbench, for a quicker look at the other rows). */
  skipLargeLibrary?: boolean;
}

type Unit = 'ms' | 'MB' | 'nodes';

export interface Measurement {
  key: string;
  label: string;
  unit: Unit;
  target: number | null;
  /** null when it did not happen within the timeout, or could not be measured (then `error` says why). */
  value: number | null;
  timedOut: boolean;
  error?: string;
  api?: TrafficSummary;
  apiTarget?: number;
  details?: Record<string, unknown>;
}

type Spec = Pick<Measurement, 'key' | 'label' | 'unit' | 'target' | 'apiTarget'>;

interface Bench {
  browser: Browser;
  probe: string;
}
interface Projects {
  workbench?: GeneratedProject;
  library?: GeneratedProject;
}
interface Session {
  context: BrowserContext;
  page: Page;
  traffic: ApiTraffic;
}

declare global {
  interface Window {
    glossProbe: Probe;
  }
}

const here = path.dirname(fileURLToPath(import.meta.url));
const TIMEOUT_MS = 120_000;
/** Past this, one library load is slow enough that repeating it for a median adds time, not precision. */
const SLOW_LOAD_MS = 10_000;
/** Once a new highlight shows in the paint or in the margin, how long to wait for it to show in the other. */
const CREATION_GRACE_MS = 10_000;
const CHROMIUM_ARGS = [...HEADLESS_CHROMIUM_ARGS, '--disable-quic', '--enable-precise-memory-info'];
const TARGETS = {
  libraryMs: { 10_000: 300, 100_000: 500 } as Record<number, number>,
  libraryNodes: 3_000,
  openReportMs: 500,
  createMs: 50,
  createRequests: 1,
  themeMs: 300,
  themeHeapMB: 150,
};

const SPECS = {
  open: {
    key: 'open_long_report',
    label: 'open 1 MB report → 10k highlights painted',
    unit: 'ms',
    target: TARGETS.openReportMs,
  },
  create: {
    key: 'create_highlight',
    label: 'create highlight → shown (paint or margin)',
    unit: 'ms',
    target: TARGETS.createMs,
    apiTarget: TARGETS.createRequests,
  },
  createSaved: {
    key: 'create_highlight_saved',
    label: 'create highlight → saved, in the margin',
    unit: 'ms',
    target: null,
  },
  themesTab: { key: 'themes_tab', label: 'Themes tab → codebook shown', unit: 'ms', target: null },
  themePassages: {
    key: 'theme_passages',
    label: 'theme of 5,000 passages → first screen',
    unit: 'ms',
    target: TARGETS.themeMs,
  },
  themeHeap: {
    key: 'theme_heap',
    label: 'theme of 5,000 passages: JS heap after GC',
    unit: 'MB',
    target: TARGETS.themeHeapMB,
  },
} satisfies Record<string, Spec>;

export async function benchWorkbench(options: WorkbenchOptions) {
  const root = path.join(options.work, 'workbench');
  const browser = await chromium.launch({ executablePath: options.chromium, args: CHROMIUM_ARGS, headless: true });
  const bench: Bench = { browser, probe: await bundleProbe() };
  const projects: Projects = {};
  const measurements: Measurement[] = [];
  try {
    measurements.push(...(await workbenchScenario(bench, root, options.quick, projects)));
    if (!options.quick && !options.skipLargeLibrary)
      measurements.push(...(await libraryScenario(bench, root, projects)));
  } finally {
    await browser.close();
  }
  const results = { quick: options.quick, projects, targets: TARGETS, measurements };
  return { rows: measurements.map(toRow), results };
}

/** Seeds + 10,000 reports (1,000 with --quick) + the 1 MB report: library, reader, highlighting, themes. */
async function workbenchScenario(bench: Bench, root: string, quick: boolean, projects: Projects) {
  const reports = quick ? 1_000 : 10_000;
  const library = () => Object.values(librarySpecs(projects.workbench?.documents ?? reports));
  const specs = () => [...library(), ...Object.values(SPECS)];
  return attempt(specs, async () => {
    log(`generating seeds + ${reports} reports + a 1 MB report, 55,000 tagged highlights…`);
    const seeds = path.join(here, '..', 'seeds');
    const project = await generateWorkbenchProject(path.join(root, 'workbench.gloss'), reports, seeds);
    projects.workbench = project;
    log(`generated in ${project.generateSeconds.toFixed(1)} s; measuring the UI…`);
    return withServer(path.join(root, 'data-workbench'), project.file, (appUrl) =>
      measureWorkbench(bench, appUrl, project.documents, quick ? 1 : 3),
    );
  });
}

/** 100,000 small reports: the library only. */
async function libraryScenario(bench: Bench, root: string, projects: Projects) {
  const documents = 100_000;
  return attempt(
    () => Object.values(librarySpecs(documents)),
    async () => {
      log(`generating ${documents.toLocaleString('en-US')} reports of 1–2 KB…`);
      const project = await generateLibraryProject(path.join(root, 'library.gloss'), documents);
      projects.library = project;
      log(`generated in ${project.generateSeconds.toFixed(1)} s; measuring the library…`);
      return withServer(path.join(root, 'data-library'), project.file, async (appUrl) => {
        const library = await measureLibrary(bench, appUrl, project.documents, 3);
        await library.session.context.close();
        return library.measurements;
      });
    },
  );
}

const log = (message: string) => console.log(`workbench: ${message}`);

async function bundleProbe(): Promise<string> {
  const bundle = await build({
    entryPoints: [path.join(here, 'workbench-probe.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    logLevel: 'silent',
  });
  return bundle.outputFiles[0].text;
}

/** The browser-mode server on its own data folder, opening `projectFile` as the most recent project. */
async function withServer<T>(dataDir: string, projectFile: string, run: (appUrl: string) => Promise<T>): Promise<T> {
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ recent: [projectFile] }));
  const server = await startServerProcess(dataDir);
  try {
    return await run(server.appUrl);
  } finally {
    await server.stop();
  }
}

async function measureWorkbench(bench: Bench, appUrl: string, documents: number, reps: number) {
  const { measurements, session } = await measureLibrary(bench, appUrl, documents, reps);
  try {
    const [open] = await attempt(
      () => [SPECS.open],
      () => measureOpenReport(session),
    );
    measurements.push(open);
    measurements.push(
      ...(open.value === null
        ? [failed(SPECS.create, 'skipped: the report never opened')]
        : await attempt(
            () => [SPECS.create, SPECS.createSaved],
            () => measureCreate(session),
          )),
    );
    const themeSpecs = () => [SPECS.themesTab, SPECS.themePassages, SPECS.themeHeap];
    measurements.push(...(await attempt(themeSpecs, () => measureThemes(session))));
  } finally {
    await session.context.close();
  }
  return measurements;
}

/** Runs measurements; if they throw (a crashed page, a server that never started), reports each as failed, and why. */
async function attempt(
  specsOnFailure: () => Spec[],
  run: () => Promise<Measurement | Measurement[]>,
): Promise<Measurement[]> {
  try {
    return [await run()].flat();
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    const specs = specsOnFailure();
    log(`${specs.map((s) => s.label).join(', ')}: failed: ${reason}`);
    return specs.map((spec) => failed(spec, reason));
  }
}

async function openSession({ browser, probe }: Bench, appUrl: string): Promise<Session> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript({ content: probe });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  page.on('pageerror', (error) => console.error('[workbench page error]', error.message));
  const traffic = new ApiTraffic(page);
  await page.goto(appUrl, { timeout: TIMEOUT_MS });
  return { context, page, traffic };
}

/** Loads the app in a fresh browser context `reps` times (once when a load is very slow); reports the median. */
async function measureLibrary(bench: Bench, appUrl: string, documents: number, reps: number) {
  const loads: LibraryLoad[] = [];
  for (let rep = 0; rep < reps; rep++) {
    if (rep > 0) await loads[rep - 1].session.context.close();
    loads.push(await loadLibrary(bench, appUrl));
    if ((loads[rep].firstRowMs ?? Infinity) > SLOW_LOAD_MS) break;
  }
  const last = loads.at(-1)!;
  const times = loads.map((l) => l.firstRowMs);
  const scale = documents.toLocaleString('en-US');
  const specs = librarySpecs(documents);
  const firstRows = result(specs.firstRows, times.includes(null) ? null : median(times as number[]), last.api, {
    loadsMs: times,
    from: 'navigation start',
    navigation: last.navigation,
  });
  const domNodes = result(specs.domNodes, Math.max(last.nodesAtFirstRow, last.nodesSettled), undefined, {
    atFirstRow: last.nodesAtFirstRow,
    settled: last.nodesSettled,
  });
  const floor = await measureStaticFloor(bench, appUrl, last.session.page, documents, reps);
  log(`library, ${scale} docs: first rows ${show(firstRows)}, ${showApi(last.api)}; DOM nodes ${show(domNodes)}`);
  log(`the same first screen as static HTML: ${show(floor)}`);
  // What the analyst sees at this scale, kept beside the figures (bench/results/library-<count>.png).
  await last.session.page
    .screenshot({ path: path.join(import.meta.dirname, 'results', `library-${documents}.png`) })
    .catch(() => undefined);
  return { measurements: [firstRows, floor, domNodes], session: last.session };
}

/**
 * What the browser alone takes to show this first screen: the app's DOM once its first rows are up, saved as a static
 * page with the same style sheets and no script, loaded in a fresh context as the app is. The gap between this and
 * the app's figure is what Gloss's own code costs; this part no change to Gloss can remove.
 */
async function measureStaticFloor(bench: Bench, appUrl: string, app: Page, documents: number, reps: number) {
  const spec = librarySpecs(documents).staticFloor;
  const html = await app.evaluate(() => {
    const copy = document.documentElement.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('script, link[rel="modulepreload"]').forEach((el) => el.remove());
    return `<!doctype html>\n${copy.outerHTML}`;
  });
  const file = path.join(rendererDir(), `bench-static-${documents}.html`);
  fs.writeFileSync(file, html);
  try {
    const times: (number | null)[] = [];
    for (let rep = 0; rep < reps; rep++) {
      const session = await openSession(bench, new URL(`/${path.basename(file)}`, appUrl).href);
      await session.page
        .waitForFunction(() => window.glossProbe.library.firstRowAt !== null, undefined, { polling: 100 })
        .catch(() => undefined);
      times.push(await session.page.evaluate(() => window.glossProbe.library.firstRowAt));
      await session.context.close();
    }
    return result(spec, times.includes(null) ? null : median(times as number[]), undefined, { loadsMs: times });
  } finally {
    fs.rmSync(file, { force: true });
  }
}

function librarySpecs(documents: number) {
  const scale = documents.toLocaleString('en-US');
  const firstRows: Spec = {
    key: `library_first_rows_${documents}`,
    label: `library first rows, ${scale} docs`,
    unit: 'ms',
    target: TARGETS.libraryMs[documents >= 100_000 ? 100_000 : 10_000],
  };
  const domNodes: Spec = {
    key: `library_dom_nodes_${documents}`,
    label: `library DOM nodes, ${scale} docs`,
    unit: 'nodes',
    target: TARGETS.libraryNodes,
  };
  const staticFloor: Spec = {
    key: `library_static_floor_${documents}`,
    label: `the same first screen as static HTML, no script, ${scale} docs`,
    unit: 'ms',
    target: null,
  };
  return { firstRows, staticFloor, domNodes };
}

type LibraryLoad = Awaited<ReturnType<typeof loadLibrary>>;

async function loadLibrary(bench: Bench, appUrl: string) {
  const session = await openSession(bench, appUrl);
  const { page, traffic } = session;
  await page
    .waitForFunction(
      (timeout) => window.glossProbe.library.firstRowAt !== null || performance.now() > timeout,
      TIMEOUT_MS,
      { polling: 100, timeout: TIMEOUT_MS + 10_000 },
    )
    .catch(() => undefined);
  await traffic.settled();
  const library = await page.evaluate(() => window.glossProbe.library);
  return {
    session,
    firstRowMs: library.firstRowAt,
    nodesAtFirstRow: library.nodesAtFirstRow,
    api: traffic.summarySince(0),
    nodesSettled: await page.evaluate(() => window.glossProbe.libraryNodes()),
    navigation: await page.evaluate(() => window.glossProbe.navigationTimes()),
  };
}

async function measureOpenReport({ page, traffic }: Session): Promise<Measurement> {
  const rowHandle = await page.evaluateHandle((title) => window.glossProbe.libraryRow(title), LONG_REPORT_TITLE);
  const row = rowHandle.asElement();
  if (!row) return failed(SPECS.open, 'its library row is not in the DOM, even scrolled to either end');
  const mark = traffic.mark();
  const opened = await page.evaluate((el) => window.glossProbe.openDocument(el), row);
  await traffic.settled();
  const { paintedRanges, lastPaintMs, paints } = opened;
  const measurement = result(SPECS.open, opened.elapsedMs, traffic.summarySince(mark), {
    paintedRanges,
    lastPaintMs,
    paints,
    ...(await heapAfterGc(page)),
  });
  log(`open 1 MB report: ${show(measurement)}, ${paintedRanges} ranges painted, ${showApi(measurement.api)}`);
  return measurement;
}

/**
 * The margin's "reported by N outlets" badge of a new passage is read once the margin has been still for a moment
 * (renderer/corroboration/counts.ts): a read of its own, not part of the edit, so it is reported beside the edit's
 * requests rather than in them (as the e2e test of one request per highlight does).
 */
const READS_OF_THEIR_OWN = ['corroboration.counts'];

/** Shown: painted (at once, as it is being saved) or listed; saved: the server's answer reached the margin. */
async function measureCreate({ page, traffic }: Session): Promise<Measurement[]> {
  const selected = await page.evaluate(() => window.glossProbe.selectVisiblePhrase());
  if ('error' in selected) return [failed(SPECS.create, selected.error), failed(SPECS.createSaved, selected.error)];
  await traffic.settled();
  const baseline = await page.evaluate(() => window.glossProbe.watchHighlightCreation('h'));
  const mark = traffic.mark();
  await page.keyboard.press('h');
  const created = await page.evaluate(() => window.glossProbe.highlightCreated());
  await traffic.settled();
  const after = await page.evaluate((grace) => window.glossProbe.creationTimes(grace), CREATION_GRACE_MS);
  await traffic.settled();
  const measurement = result(SPECS.create, created.elapsedMs, traffic.summarySince(mark, READS_OF_THEIR_OWN), {
    phrase: selected.phrase,
    baseline,
    after,
  });
  const paint = after.paintedMs === null ? 'never' : formatValue(after.paintedMs, 'ms');
  const margin = after.marginMs === null ? 'never' : formatValue(after.marginMs, 'ms');
  log(`create highlight: ${show(measurement)} (paint ${paint}, margin ${margin}), ${showApi(measurement.api)}`);
  return [measurement, result(SPECS.createSaved, after.marginMs, measurement.api)];
}

async function measureThemes({ page, traffic }: Session): Promise<Measurement[]> {
  const tab =
    (await page.evaluateHandle(() => window.glossProbe.buttonNamed('Themes'))).asElement() ??
    (await findElement(page.getByRole('button', { name: 'Themes' })));
  if (!tab) return [failed(SPECS.themesTab, 'no Themes button')];
  let mark = traffic.mark();
  const shown = await page.evaluate((el) => window.glossProbe.clickUntil(el, '.codebook-row'), tab);
  await traffic.settled();
  const tabShown = result(SPECS.themesTab, shown.elapsedMs, traffic.summarySince(mark));

  const themeRow = page.locator('.codebook-row', { hasText: THEME_TAG });
  const box = await findElement(themeRow.locator('input[type="checkbox"]'));
  if (!box) {
    const error = `no codebook row for ${THEME_TAG}`;
    return [tabShown, failed(SPECS.themePassages, error), failed(SPECS.themeHeap, error)];
  }
  mark = traffic.mark();
  const passages = await page.evaluate((el) => window.glossProbe.clickUntil(el, '.theme-passage'), box);
  await traffic.settled();
  const heap = await heapAfterGc(page);
  const passagesInDom = await page.evaluate(() => document.querySelectorAll('.theme-passage').length);
  const firstScreen = result(SPECS.themePassages, passages.elapsedMs, traffic.summarySince(mark), {
    passagesInDom,
    domNodes: heap.domNodes,
  });
  const heapUsed = result(SPECS.themeHeap, heap.heapMB, undefined, heap);
  log(
    `themes: tab ${show(tabShown)}; passages ${show(firstScreen)}, ${showApi(firstScreen.api)}; ` +
      `heap ${show(heapUsed)}`,
  );
  return [tabShown, firstScreen, heapUsed];
}

/** JS heap in use after a forced garbage collection, and the page's DOM node count. */
async function heapAfterGc(page: Page): Promise<{ heapMB: number; domNodes: number }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
    return { heapMB: metric('JSHeapUsedSize') / 1048576, domNodes: metric('Nodes') };
  } finally {
    await cdp.detach();
  }
}

async function findElement(locator: Locator): Promise<ElementHandle<HTMLElement> | null> {
  try {
    return (await locator.first().elementHandle({ timeout: 10_000 })) as ElementHandle<HTMLElement> | null;
  } catch {
    return null;
  }
}

/** A time past the timeout (a page blocked so long that even the timeout fired late) counts as a timeout. */
function result(
  spec: Spec,
  value: number | null,
  api?: TrafficSummary,
  details?: Record<string, unknown>,
): Measurement {
  if (spec.unit === 'ms' && value !== null && value > TIMEOUT_MS) {
    return { ...spec, value: null, timedOut: true, api, details: { ...details, observedMs: value } };
  }
  return { ...spec, value, timedOut: value === null, api, details };
}

function failed(spec: Spec, error: string): Measurement {
  return { ...spec, value: null, timedOut: false, error };
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function formatValue(value: number, unit: Unit): string {
  if (unit === 'ms') return `${value.toFixed(value < 10 ? 2 : 0)} ms`;
  if (unit === 'MB') return `${value.toFixed(value < 100 ? 1 : 0)} MB`;
  return `${Math.round(value)}`;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  return bytes < 1048576 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1048576).toFixed(1)} MB`;
}

function show(m: Measurement): string {
  if (m.error) return `n/a (${m.error})`;
  const figure = m.value === null ? `> ${TIMEOUT_MS / 1000} s` : formatValue(m.value, m.unit);
  return m.target === null ? figure : `${figure} (target ≤ ${formatValue(m.target, m.unit)})`;
}

function showApi(api: TrafficSummary | undefined, apiTarget?: number): string {
  if (!api) return '—';
  const target = apiTarget === undefined ? '' : ` (target ${apiTarget})`;
  const apart = Object.entries(api.apart ?? {})
    .map(([op, n]) => ` + ${n} ${op} later`)
    .join('');
  return `API ${api.requests} req${target}, ${formatBytes(api.bytes)}${apart}`;
}

function ratioToTarget(m: Measurement): string {
  if (m.target === null || m.error) return '';
  if (m.value === null) return `> ${(TIMEOUT_MS / m.target).toFixed(0)}× target`;
  return `${(m.value / m.target).toFixed(2)}× target`;
}

function toRow(m: Measurement): BenchRow {
  return {
    area: 'workbench',
    measure: m.label,
    gloss: show(m),
    peer: showApi(m.api, m.apiTarget),
    ratio: ratioToTarget(m),
  };
}
