// In-page probe for bench/workbench.ts: bundled by esbuild and installed before the app's own scripts run.
// Every time it reports is the page's performance.now() inside a requestAnimationFrame callback, i.e. the frame
// that first shows the change; a time measured "from the click" starts just before the probe clicks.

const TIMEOUT_MS = 120_000;

type PaintedHighlight = { size: number };
type HighlightRegistry = Map<string, PaintedHighlight>;

export interface ProbeResult { elapsedMs: number | null; error?: string }

const state = {
  firstRowAt: null as number | null,
  libraryNodesAtFirstRow: 0,
};

function colourHighlights(): PaintedHighlight[] {
  const registry = (CSS as unknown as { highlights?: HighlightRegistry }).highlights;
  return [...(registry ?? new Map<string, PaintedHighlight>())].filter(([name]) => name.startsWith('gloss-c')).map(([, h]) => h);
}

function paintedRanges(): number {
  return colourHighlights().reduce((n, h) => n + h.size, 0);
}

function libraryNodes(): number {
  return document.querySelector('.library')?.querySelectorAll('*').length ?? 0;
}

function marginItems(): number {
  return document.querySelectorAll('.margin-item').length;
}

/** The time of the first frame at which `ready()` holds, or null after the timeout (also when frames stall). */
function frameWhen(ready: () => boolean, timeoutMs = TIMEOUT_MS): Promise<number | null> {
  const deadline = performance.now() + timeoutMs;
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs);
    const check = () => {
      const now = performance.now();
      if (ready()) { clearTimeout(timer); resolve(now); } else if (now > deadline) resolve(null);
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

const since = (start: number | null, end: number | null) => (start === null || end === null ? null : end - start);

void frameWhen(() => document.querySelector('.library .doc-item') !== null).then((at) => {
  state.firstRowAt = at;
  state.libraryNodesAtFirstRow = libraryNodes();
});

function navigationTimes() {
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  return { domContentLoadedMs: nav?.domContentLoadedEventEnd ?? null, loadMs: nav?.loadEventEnd ?? null };
}

/** Clicks a library row and waits for the reader to show text with highlights painted that were not there before. */
async function openDocument(row: HTMLElement) {
  const before = new Set(colourHighlights());
  const paintsBefore = performance.getEntriesByName('gloss-paint').length;
  const clickedAt = performance.now();
  row.click();
  const paintedAt = await frameWhen(() => document.querySelector('.reader-text [data-start]') !== null
    && colourHighlights().some((h) => h.size > 0 && !before.has(h)));
  const paints = performance.getEntriesByName('gloss-paint').slice(paintsBefore);
  return {
    elapsedMs: since(clickedAt, paintedAt), paintedRanges: paintedRanges(),
    lastPaintMs: paints.at(-1)?.duration ?? null, paints: paints.length,
  };
}

/** Selects a phrase in a paragraph that is on screen, as a user would (DOM selection, then mouseup). */
function selectVisiblePhrase(): { phrase: string } | { error: string } {
  const paragraphs = [...document.querySelectorAll<HTMLElement>('.reader-text [data-start]')];
  const onScreen = (p: HTMLElement) => { const r = p.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; };
  for (const paragraph of paragraphs.filter(onScreen)) {
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const start = text.indexOf(' ', 8) + 1;
      const end = text.lastIndexOf(' ', start + 32);
      if (start <= 0 || end - start < 12) continue;
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, end);
      const rect = range.getBoundingClientRect();
      if (rect.top < 0 || rect.bottom > innerHeight) continue;
      const selection = getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      paragraph.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, clientX: rect.right, clientY: rect.bottom }));
      return { phrase: text.slice(start, end) };
    }
  }
  return { error: 'no paragraph with text on screen in the reader' };
}

/**
 * Starts watching before the key is pressed, so a fast response is not missed between two round trips. Watches
 * the paint and the margin separately; the figure is whichever shows the new highlight first.
 */
function watchHighlightCreation(key: string): { marginItems: number; paintedRanges: number } {
  const baseline = { marginItems: marginItems(), paintedRanges: paintedRanges() };
  const seen = creation;
  Object.assign(seen, { keyAt: null, marginAt: null, paintAt: null, stopped: false });
  addEventListener('keydown', (e) => { if (e.key === key) seen.keyAt = e.timeStamp; }, { capture: true, once: true });
  void frameWhen(() => {
    const now = performance.now();
    if (seen.paintAt === null && paintedRanges() > baseline.paintedRanges) seen.paintAt = now;
    if (seen.marginAt === null && marginItems() > baseline.marginItems) seen.marginAt = now;
    return seen.stopped || (seen.paintAt !== null && seen.marginAt !== null);
  });
  return baseline;
}

const creation = { keyAt: null as number | null, marginAt: null as number | null, paintAt: null as number | null, stopped: false };

async function highlightCreated(): Promise<ProbeResult> {
  const at = await frameWhen(() => creation.paintAt !== null || creation.marginAt !== null);
  const first = at === null ? null : Math.min(creation.paintAt ?? Infinity, creation.marginAt ?? Infinity);
  return { elapsedMs: since(creation.keyAt, first) };
}

/** What each of paint and margin took (null where it did not change within `graceMs` of the other); stops watching. */
async function creationTimes(graceMs: number) {
  await frameWhen(() => creation.paintAt !== null && creation.marginAt !== null, graceMs);
  creation.stopped = true;
  return {
    paintedMs: since(creation.keyAt, creation.paintAt), marginMs: since(creation.keyAt, creation.marginAt),
    paintedRanges: paintedRanges(), marginItems: marginItems(),
  };
}

/** A button whose text or aria-label is exactly `name`: cheaper than an accessible-name query over 10,000 rows. */
function buttonNamed(name: string): HTMLButtonElement | null {
  const named = (b: HTMLButtonElement) => b.textContent?.trim() === name || b.getAttribute('aria-label') === name;
  return [...document.querySelectorAll<HTMLButtonElement>('header button, nav button')].find(named)
    ?? [...document.querySelectorAll<HTMLButtonElement>('button')].find(named) ?? null;
}

/** Clicks `target` and waits for `selector` to match. */
async function clickUntil(target: HTMLElement, selector: string) {
  const clickedAt = performance.now();
  target.click();
  const shownAt = await frameWhen(() => document.querySelector(selector) !== null);
  return { elapsedMs: since(clickedAt, shownAt), matches: document.querySelectorAll(selector).length };
}

const probe = {
  state, libraryNodes, navigationTimes, openDocument, selectVisiblePhrase, watchHighlightCreation, highlightCreated, creationTimes,
  clickUntil, buttonNamed, domNodes: () => document.querySelectorAll('*').length,
};
export type Probe = typeof probe;
(window as unknown as { glossProbe: Probe }).glossProbe = probe;
