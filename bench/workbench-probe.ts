// In-page probe for bench/workbench.ts: bundled by esbuild and installed before the app's own scripts run.
// Every time it reports is the page's performance.now() inside a requestAnimationFrame callback, i.e. the frame
// that first shows the change; a time measured "from the click" starts just before the probe clicks.

const TIMEOUT_MS = 120_000;

type PaintedHighlight = { size: number };
type HighlightRegistry = Map<string, PaintedHighlight>;

const library = { firstRowAt: null as number | null, nodesAtFirstRow: 0 };
const creation = {
  /** Falls back to when the watch started, should the keydown not reach the window. */
  armedAt: 0,
  keyAt: null as number | null,
  paintAt: null as number | null,
  marginAt: null as number | null,
  stopped: false,
};

/** The Highlight objects the reader paints passages with (one per colour; selection and flash are named apart). */
function colourHighlights(): PaintedHighlight[] {
  const registry = (CSS as unknown as { highlights?: HighlightRegistry }).highlights;
  return [...(registry ?? [])].filter(([name]) => name.startsWith('gloss-c')).map(([, highlight]) => highlight);
}

function paintedRanges(): number {
  return colourHighlights().reduce((n, h) => n + h.size, 0);
}

function libraryNodes(): number {
  return document.querySelector('.library')?.querySelectorAll('*').length ?? 0;
}

/** The margin's own count of the document's highlights: its list is virtual, so counting rows says nothing. */
function marginItems(): number {
  const count = document.querySelector('.margin-panel .panel-header .muted')?.textContent ?? '';
  return Number(count.replace(/\D/g, '')) || 0;
}

/** The time of the first frame at which `ready()` holds, or null after the timeout (also when frames stall). */
function frameWhen(ready: () => boolean, timeoutMs = TIMEOUT_MS): Promise<number | null> {
  const deadline = performance.now() + timeoutMs;
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs);
    const check = () => {
      const now = performance.now();
      if (ready()) {
        clearTimeout(timer);
        resolve(now);
      } else if (now > deadline) resolve(null);
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

const since = (start: number | null, end: number | null) => (start === null || end === null ? null : end - start);

// Runs from navigation start, so the first row is timed from there.
void frameWhen(() => document.querySelector('.library .doc-item') !== null).then((at) => {
  library.firstRowAt = at;
  library.nodesAtFirstRow = libraryNodes();
});

function navigationTimes() {
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  return { domContentLoadedMs: nav?.domContentLoadedEventEnd ?? null, loadMs: nav?.loadEventEnd ?? null };
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

function scrollableAncestor(el: Element | null): Element | null {
  for (let at = el; at; at = at.parentElement) {
    if (at.scrollHeight > at.clientHeight && /auto|scroll/.test(getComputedStyle(at).overflowY)) return at;
  }
  return null;
}

/**
 * The library row whose title contains `title`. A virtualized list renders only the rows in view, so when the
 * row is not there the list is scrolled to its end (as under a newest-first sort), then back to the top.
 */
async function libraryRow(title: string): Promise<HTMLElement | null> {
  const find = () =>
    [...document.querySelectorAll<HTMLElement>('.library .doc-item')].find((row) =>
      row.querySelector('.doc-title')?.textContent?.includes(title),
    ) ?? null;
  const scroller = scrollableAncestor(document.querySelector('.library .doc-item'));
  for (const top of [null, Number.MAX_SAFE_INTEGER, 0]) {
    if (top !== null && scroller) scroller.scrollTop = top;
    if (top !== null) for (let i = 0; i < 3; i++) await nextFrame();
    const row = find();
    if (row) return row;
  }
  return null;
}

/** Clicks a library row; waits for the reader's text with highlights painted that were not there before. */
async function openDocument(row: HTMLElement) {
  const before = new Set(colourHighlights());
  const paintsBefore = performance.getEntriesByName('gloss-paint').length;
  const clickedAt = performance.now();
  row.click();
  const paintedAt = await frameWhen(
    () =>
      document.querySelector('.reader-text [data-start]') !== null &&
      colourHighlights().some((h) => h.size > 0 && !before.has(h)),
  );
  const paints = performance.getEntriesByName('gloss-paint').slice(paintsBefore);
  return {
    elapsedMs: since(clickedAt, paintedAt),
    paintedRanges: paintedRanges(),
    lastPaintMs: paints.at(-1)?.duration ?? null,
    paints: paints.length,
  };
}

/** A few words inside one text node that is fully on screen, or null. */
function visiblePhraseRange(paragraph: HTMLElement): Range | null {
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
    if (rect.top >= 0 && rect.bottom <= innerHeight) return range;
  }
  return null;
}

/** Selects a phrase in a paragraph that is on screen, as a user would (DOM selection, then mouseup). */
function selectVisiblePhrase(): { phrase: string } | { error: string } {
  const onScreen = (p: Element) => {
    const r = p.getBoundingClientRect();
    return r.bottom > 0 && r.top < innerHeight;
  };
  const paragraphs = [...document.querySelectorAll<HTMLElement>('.reader-text [data-start]')].filter(onScreen);
  for (const paragraph of paragraphs) {
    const range = visiblePhraseRange(paragraph);
    if (!range) continue;
    const selection = getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    const rect = range.getBoundingClientRect();
    paragraph.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, clientX: rect.right, clientY: rect.bottom }));
    return { phrase: range.toString() };
  }
  return { error: 'no paragraph with text on screen in the reader' };
}

/**
 * Starts watching before the key is pressed, so a fast response is not missed between two round trips.
 * Watches the paint and the margin separately; the figure is whichever shows the new highlight first.
 */
function watchHighlightCreation(key: string): { marginItems: number; paintedRanges: number } {
  const baseline = { marginItems: marginItems(), paintedRanges: paintedRanges() };
  Object.assign(creation, { armedAt: performance.now(), keyAt: null, paintAt: null, marginAt: null, stopped: false });
  const timeKey = (e: KeyboardEvent) => {
    if (e.key === key) creation.keyAt = e.timeStamp;
  };
  addEventListener('keydown', timeKey, { capture: true, once: true });
  void frameWhen(() => {
    const now = performance.now();
    if (creation.paintAt === null && paintedRanges() > baseline.paintedRanges) creation.paintAt = now;
    if (creation.marginAt === null && marginItems() > baseline.marginItems) creation.marginAt = now;
    return creation.stopped || (creation.paintAt !== null && creation.marginAt !== null);
  });
  return baseline;
}

async function highlightCreated(): Promise<{ elapsedMs: number | null }> {
  const at = await frameWhen(() => creation.paintAt !== null || creation.marginAt !== null);
  const first = at === null ? null : Math.min(creation.paintAt ?? Infinity, creation.marginAt ?? Infinity);
  return { elapsedMs: since(creation.keyAt ?? creation.armedAt, first) };
}

/** What paint and margin each took (null where one did not change within `graceMs` of the other); stops watching. */
async function creationTimes(graceMs: number) {
  await frameWhen(() => creation.paintAt !== null && creation.marginAt !== null, graceMs);
  creation.stopped = true;
  return {
    paintedMs: since(creation.keyAt ?? creation.armedAt, creation.paintAt),
    marginMs: since(creation.keyAt ?? creation.armedAt, creation.marginAt),
    paintedRanges: paintedRanges(),
    marginItems: marginItems(),
  };
}

/**
 * A button named `name` by its text, aria-label or the start of its title (a tooltip that adds the shortcut):
 * cheaper than an accessible-name query over 10,000 rows. Header and nav first, where view tabs live.
 */
function buttonNamed(name: string): HTMLButtonElement | null {
  const named = (b: HTMLButtonElement) =>
    b.textContent?.trim() === name ||
    b.getAttribute('aria-label') === name ||
    b.title === name ||
    b.title.startsWith(`${name} (`);
  return (
    [...document.querySelectorAll<HTMLButtonElement>('header button, nav button')].find(named) ??
    [...document.querySelectorAll<HTMLButtonElement>('button')].find(named) ??
    null
  );
}

/** Clicks `target` and waits for `selector` to match. */
async function clickUntil(target: HTMLElement, selector: string) {
  const clickedAt = performance.now();
  target.click();
  const shownAt = await frameWhen(() => document.querySelector(selector) !== null);
  return { elapsedMs: since(clickedAt, shownAt), matches: document.querySelectorAll(selector).length };
}

const probe = {
  library,
  libraryNodes,
  navigationTimes,
  libraryRow,
  openDocument,
  selectVisiblePhrase,
  watchHighlightCreation,
  highlightCreated,
  creationTimes,
  buttonNamed,
  clickUntil,
};
export type Probe = typeof probe;
(window as unknown as { glossProbe: Probe }).glossProbe = probe;
