// npm run bench's "workbench" section: the real renderer in Chromium, served by the real browser-mode server
// (a child process) from generated projects. Each action reports its figure against its target, and the API
// requests it cost and the bytes they returned.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type ElementHandle, type Page } from 'playwright-core';
import { startServerProcess } from '../tests/support/server.js';
import type { Probe } from './workbench-probe.js';
import {
  generateLibraryProject, generateWorkbenchProject, LONG_REPORT_TITLE, THEME_TAG, type GeneratedProject,
} from './workbench-project.js';
import { ApiTraffic, type TrafficSummary } from './workbench-traffic.js';

export interface BenchRow { area: string; measure: string; gloss: string; peer: string; ratio: string }

export interface WorkbenchOptions { quick: boolean; work: string; chromium: string }

type Unit = 'ms' | 'MB' | 'nodes';

export interface Measurement {
  key: string;
  label: string;
  value: number | null;
  unit: Unit;
  target: number | null;
  timedOut: boolean;
  error?: string;
  api?: TrafficSummary;
  apiTarget?: number;
  details?: Record<string, unknown>;
}

interface Session { context: BrowserContext; page: Page; traffic: ApiTraffic }

declare global {
  interface Window { glossProbe: Probe }
}

const here = path.dirname(fileURLToPath(import.meta.url));
const TIMEOUT_MS = 120_000;
/** Past this, one library load is slow enough that repeating it for a median adds time, not precision. */
const SLOW_LOAD_MS = 10_000;
/** After a new highlight shows in the paint or in the margin, how long to wait for it to show in the other. */
const CREATION_GRACE_MS = 10_000;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--enable-precise-memory-info'];
const TARGETS = {
  libraryMs: { 10_000: 300, 100_000: 500 } as Record<number, number>,
  libraryNodes: 3_000, openReportMs: 500, createMs: 50, createRequests: 1, themeMs: 300, themeHeapMB: 150,
};

export async function benchWorkbench(options: WorkbenchOptions): Promise<{ rows: BenchRow[]; results: Record<string, unknown> }> {
  const root = path.join(options.work, 'workbench');
  const probe = await bundleProbe();
  const browser = await chromium.launch({ executablePath: options.chromium, args: CHROMIUM_ARGS, headless: true });
  const measurements: Measurement[] = [];
  const projects: Record<string, GeneratedProject> = {};
  try {
    const reports = options.quick ? 1_000 : 10_000;
    log(`generating ${reports} reports + seeds + a 1 MB report with 55,000 tagged highlights…`);
    projects.workbench = await generateWorkbenchProject(path.join(root, 'workbench.gloss'), reports, path.join(here, '..', 'seeds'));
    log(`generated in ${projects.workbench.generateSeconds.toFixed(1)} s; measuring the UI…`);
    await withServer(path.join(root, 'data-workbench'), projects.workbench.file, async (appUrl) => {
      measurements.push(...await measureWorkbench(browser, appUrl, probe, projects.workbench.documents, options.quick));
    });
    if (!options.quick) {
      log('generating 100,000 reports of 1–2 KB…');
      projects.library = await generateLibraryProject(path.join(root, 'library.gloss'), 100_000);
      log(`generated in ${projects.library.generateSeconds.toFixed(1)} s; measuring the library…`);
      await withServer(path.join(root, 'data-library'), projects.library.file, async (appUrl) => {
        const { measurements: library, session } = await measureLibrary(browser, appUrl, probe, projects.library.documents, 3);
        await session.context.close();
        measurements.push(...library);
      });
    }
  } finally {
    await browser.close();
  }
  return { rows: measurements.map(toRow), results: { quick: options.quick, projects, targets: TARGETS, measurements } };
}

const log = (message: string) => console.log(`workbench: ${message}`);

async function bundleProbe(): Promise<string> {
  const bundle = await build({
    entryPoints: [path.join(here, 'workbench-probe.ts')], bundle: true, write: false, format: 'iife', platform: 'browser', logLevel: 'silent',
  });
  return bundle.outputFiles[0].text;
}

/** The browser-mode server on its own data folder, opening `projectFile` as the most recent project. */
async function withServer(dataDir: string, projectFile: string, run: (appUrl: string) => Promise<void>): Promise<void> {
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'settings.json'), JSON.stringify({ recent: [projectFile] }));
  const server = await startServerProcess(dataDir);
  try {
    await run(server.appUrl);
  } finally {
    await server.stop();
  }
}

async function measureWorkbench(browser: Browser, appUrl: string, probe: string, documents: number, quick: boolean) {
  const { measurements, session } = await measureLibrary(browser, appUrl, probe, documents, quick ? 1 : 3);
  try {
    const open = await measureOpenReport(session);
    measurements.push(open);
    measurements.push(open.value === null ? skipped('create', 'reader never showed the report') : await measureCreate(session));
    measurements.push(...await measureThemes(session));
  } finally {
    await session.context.close();
  }
  return measurements;
}

async function openSession(browser: Browser, appUrl: string, probe: string): Promise<Session> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript({ content: probe });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  page.on('pageerror', (error) => console.error('[workbench page error]', error.message));
  const traffic = new ApiTraffic(page);
  await page.goto(appUrl, { timeout: TIMEOUT_MS });
  return { context, page, traffic };
}

/** Loads the app in a fresh browser context `reps` times (fewer when a load is very slow); reports the median. */
async function measureLibrary(browser: Browser, appUrl: string, probe: string, documents: number, reps: number) {
  const loads: Awaited<ReturnType<typeof loadLibrary>>[] = [];
  for (let rep = 0; rep < reps; rep++) {
    if (rep > 0) await loads[rep - 1].session.context.close();
    loads.push(await loadLibrary(browser, appUrl, probe));
    if ((loads[rep].firstRowMs ?? Infinity) > SLOW_LOAD_MS) break;
  }
  const last = loads.at(-1)!;
  const times = loads.map((l) => l.firstRowMs);
  const firstRowMs = times.includes(null) ? null : median(times as number[]);
  const scale = documents.toLocaleString('en-US');
  const firstRows: Measurement = {
    key: `library_first_rows_${documents}`, label: `library first rows, ${scale} docs`, value: firstRowMs, unit: 'ms',
    target: TARGETS.libraryMs[documents >= 100_000 ? 100_000 : 10_000], timedOut: firstRowMs === null, api: last.api,
    details: { loadsMs: times, from: 'navigation start', navigation: last.navigation },
  };
  const nodes = Math.max(last.nodesAtFirstRow, last.nodesSettled);
  const domNodes: Measurement = {
    key: `library_dom_nodes_${documents}`, label: `library DOM nodes, ${scale} docs`, value: nodes, unit: 'nodes',
    target: TARGETS.libraryNodes, timedOut: false, details: { atFirstRow: last.nodesAtFirstRow, settled: last.nodesSettled },
  };
  log(`library at ${scale} docs: first rows ${show(firstRows)}, ${nodes} DOM nodes`);
  return { measurements: [firstRows, domNodes], session: last.session };
}

async function loadLibrary(browser: Browser, appUrl: string, probe: string) {
  const session = await openSession(browser, appUrl, probe);
  const { page, traffic } = session;
  await page.waitForFunction(() => window.glossProbe.state.firstRowAt !== null || performance.now() > 120_000,
    undefined, { polling: 100, timeout: TIMEOUT_MS + 10_000 }).catch(() => undefined);
  await traffic.settled();
  const state = await page.evaluate(() => window.glossProbe.state);
  return {
    session, firstRowMs: state.firstRowAt, nodesAtFirstRow: state.libraryNodesAtFirstRow, api: traffic.summarySince(0),
    nodesSettled: await page.evaluate(() => window.glossProbe.libraryNodes()),
    navigation: await page.evaluate(() => window.glossProbe.navigationTimes()),
  };
}

async function measureOpenReport({ page, traffic }: Session): Promise<Measurement> {
  const base = { key: 'open_long_report', label: 'open 1 MB report → 10k highlights painted', unit: 'ms' as const, target: TARGETS.openReportMs };
  const row = await findElement(page.locator('.doc-item', { hasText: LONG_REPORT_TITLE }).first());
  if (!row) return { ...base, value: null, timedOut: false, error: 'its library row is not in the DOM' };
  const mark = traffic.mark();
  const opened = await page.evaluate((el) => window.glossProbe.openDocument(el), row);
  await traffic.settled();
  const heap = await heapAfterGc(page);
  const measurement = {
    ...base, value: opened.elapsedMs, timedOut: opened.elapsedMs === null, api: traffic.summarySince(mark),
    details: { paintedRanges: opened.paintedRanges, lastPaintMs: opened.lastPaintMs, paints: opened.paints, ...heap },
  };
  log(`open 1 MB report: ${show(measurement)}, ${opened.paintedRanges} ranges painted`);
  return measurement;
}

async function measureCreate({ page, traffic }: Session): Promise<Measurement> {
  const base = {
    key: 'create_highlight', label: 'create highlight → shown (paint or margin)', unit: 'ms' as const, target: TARGETS.createMs,
    apiTarget: TARGETS.createRequests,
  };
  const selected = await page.evaluate(() => window.glossProbe.selectVisiblePhrase());
  if ('error' in selected) return { ...base, value: null, timedOut: false, error: selected.error };
  await traffic.settled();
  const baseline = await page.evaluate(() => window.glossProbe.watchHighlightCreation('h'));
  const mark = traffic.mark();
  await page.keyboard.press('h');
  const created = await page.evaluate(() => window.glossProbe.highlightCreated());
  await traffic.settled();
  const after = await page.evaluate((grace) => window.glossProbe.creationTimes(grace), CREATION_GRACE_MS);
  await traffic.settled();
  const measurement = {
    ...base, value: created.elapsedMs, timedOut: created.elapsedMs === null, api: traffic.summarySince(mark),
    details: { phrase: selected.phrase, baseline, after },
  };
  const paint = after.paintedMs === null ? 'never' : formatValue(after.paintedMs, 'ms');
  const margin = after.marginMs === null ? 'never' : formatValue(after.marginMs, 'ms');
  log(`create highlight: ${show(measurement)} (paint ${paint}, margin ${margin}), ${measurement.api.requests} API requests`);
  return measurement;
}

async function measureThemes(session: Session): Promise<Measurement[]> {
  const { page, traffic } = session;
  const tabBase = { key: 'themes_tab', label: 'Themes tab → codebook shown', unit: 'ms' as const, target: null };
  const tab = (await page.evaluateHandle(() => window.glossProbe.buttonNamed('Themes'))).asElement();
  if (!tab) return [{ ...tabBase, value: null, timedOut: false, error: 'no Themes button' }];
  let mark = traffic.mark();
  const shown = await page.evaluate((el) => window.glossProbe.clickUntil(el, '.codebook-row'), tab);
  await traffic.settled();
  const tabMeasurement = { ...tabBase, value: shown.elapsedMs, timedOut: shown.elapsedMs === null, api: traffic.summarySince(mark) };

  const passageBase = { key: 'theme_passages', label: `theme of 5,000 passages → first screen`, unit: 'ms' as const, target: TARGETS.themeMs };
  const heapBase = { key: 'theme_heap', label: 'theme of 5,000 passages: JS heap after GC', unit: 'MB' as const, target: TARGETS.themeHeapMB };
  const box = await findElement(page.locator('.codebook-row', { hasText: THEME_TAG }).locator('input[type="checkbox"]').first());
  if (!box) {
    const error = `no codebook row for ${THEME_TAG}`;
    return [tabMeasurement, { ...passageBase, value: null, timedOut: false, error }, { ...heapBase, value: null, timedOut: false, error }];
  }
  mark = traffic.mark();
  const passages = await page.evaluate((el) => window.glossProbe.clickUntil(el, '.theme-passage'), box);
  await traffic.settled();
  const heap = await heapAfterGc(page);
  const passagesInDom = await page.evaluate(() => document.querySelectorAll('.theme-passage').length);
  const passageMeasurement = {
    ...passageBase, value: passages.elapsedMs, timedOut: passages.elapsedMs === null, api: traffic.summarySince(mark),
    details: { passagesInDom, domNodes: heap.domNodes },
  };
  const heapMeasurement = { ...heapBase, value: heap.heapMB, timedOut: false, details: heap };
  log(`themes: tab ${show(tabMeasurement)}, passages ${show(passageMeasurement)}, heap ${show(heapMeasurement)}`);
  return [tabMeasurement, passageMeasurement, heapMeasurement];
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

async function findElement(locator: ReturnType<Page['locator']>): Promise<ElementHandle<HTMLElement> | null> {
  try {
    return (await locator.elementHandle({ timeout: 10_000 })) as ElementHandle<HTMLElement> | null;
  } catch {
    return null;
  }
}

function skipped(key: string, reason: string): Measurement {
  return { key, label: key, value: null, unit: 'ms', target: null, timedOut: false, error: `skipped: ${reason}` };
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function formatValue(value: number, unit: Unit): string {
  if (unit === 'ms') return `${value.toFixed(value < 10 ? 2 : 0)} ms`;
  if (unit === 'MB') return `${value.toFixed(1)} MB`;
  return `${Math.round(value)}`;
}

function show(m: Measurement): string {
  if (m.error) return `n/a (${m.error})`;
  const figure = m.value === null ? `> ${TIMEOUT_MS / 1000} s` : formatValue(m.value, m.unit);
  return m.target === null ? figure : `${figure} (target ≤ ${formatValue(m.target, m.unit)})`;
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  return bytes < 1048576 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1048576).toFixed(1)} MB`;
}

function toRow(m: Measurement): BenchRow {
  const requests = m.api && `API ${m.api.requests} req${m.apiTarget === undefined ? '' : ` (target ${m.apiTarget})`}`;
  const ratio = m.target === null || m.error ? '' : m.value === null ? `> ${(TIMEOUT_MS / m.target).toFixed(0)}× target`
    : `${(m.value / m.target).toFixed(2)}× target`;
  return { area: 'workbench', measure: m.label, gloss: show(m), peer: requests ? `${requests}, ${formatBytes(m.api!.bytes)}` : '—', ratio };
}
