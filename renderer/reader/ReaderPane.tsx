// The reader: a document as paragraphs, of which only those near the screen are mounted (a 1 MB report stays as
// light as a short one). Highlights are painted with the CSS Custom Highlight API over the mounted paragraphs and
// repainted as others scroll in; jumping to a passage scrolls its paragraph into place first.
import { useVirtualizer } from '@tanstack/react-virtual';
import { lazy, Suspense, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { DocumentFull, DocumentSummary, Highlight } from '../../shared/types';
import { requestCitation } from '../app/citations';
import { useWorkbench } from '../app/workbench';
import { commands } from '../commands/registry';
import { useCommands } from '../commands/useCommands';
import { useDocumentSummary } from '../store/hooks';
import { useHighlightActions } from './actions';
import { BlockGroup } from './Blocks';
import { rememberPages } from './documentPages';
import { CARET_KEYS, caretRect, extending, moveCaret, placeCaret } from './caret';
import { HighlightHandles } from './HighlightHandles';
import { HighlightToolbar, SelectionToolbar } from './HighlightToolbar';
import { indexParagraphs, offsetAtPoint, rangeForOffsets, type ParagraphIndex } from './offsets';
import { clearHighlights, paintHighlights } from './paint';
import { paragraphAt, splitParagraphs, type Paragraph } from './paragraphs';
import './reader.css';
import { adjustSpan, keepSelectionInColumn, selectedPassage, type Span, type Step } from './selection';
import { groupLeaves, groupOfParagraph, leavesOf, type Group } from './structure';
import { highlightAt, useAnnotations } from './useAnnotations';

// pdf.js is most of a megabyte: loaded when a PDF is first opened, never on the way to the first screen.
const PdfReader = lazy(() => import('../pdf/PdfReader').then((m) => ({ default: m.PdfReader })));

interface PendingSelection {
  start: number;
  end: number;
  rect: DOMRect;
}

export function ReaderPane() {
  const wb = useWorkbench();
  const id = wb.documentId;
  const doc = useDocumentText(id);
  if (!id) {
    return (
      <div className="empty-state">
        <h2>Pick a report from the library</h2>
        <p>
          Select a document on the left to start reading. Select text and press <kbd>H</kbd> to highlight it,{' '}
          <kbd>T</kbd> to tag it; <kbd>J</kbd>/<kbd>K</kbd> move between highlights. <kbd>Ctrl+K</kbd> lists every
          command.
        </p>
      </div>
    );
  }
  if (doc.error) return <p className="error">Could not open the document: {doc.error}</p>;
  if (!doc.data || doc.data.id !== id) return <p className="muted loading">Opening…</p>;
  const reader = <DocumentReader key={`${doc.data.id}:${doc.data.contentHash}`} doc={doc.data} />;
  if (doc.data.format !== 'pdf') return reader;
  return (
    <Suspense fallback={<p className="muted loading">Opening…</p>}>
      <PdfReader key={doc.data.id} doc={doc.data} textView={reader} />
    </Suspense>
  );
}

/** The open document's full text, fetched again only when its text changes (a re-import), not on other edits. */
function useDocumentText(id: number | null): { data: DocumentFull | null; error: string | null } {
  const wb = useWorkbench();
  const summary = useDocumentSummary(id);
  const [state, setState] = useState<{ data: DocumentFull | null; error: string | null }>({ data: null, error: null });
  const stale = Boolean(
    summary && state.data && summary.id === state.data.id && summary.contentHash !== state.data.contentHash,
  );
  useEffect(() => {
    if (!id) return;
    let live = true;
    wb.client['documents.get']({ id }).then(
      (data) => {
        rememberPages(data.id, data.pages);
        if (live) setState({ data, error: null });
      },
      (error: Error) => {
        if (live) setState({ data: null, error: error.message });
      },
    );
    return () => {
      live = false;
    };
  }, [wb.client, id, stale]);
  return state;
}

function estimateHeight(p: Paragraph): number {
  return Math.ceil(Math.max(p.text.length, 1) / 72) * 30 + 18;
}

function estimateGroupHeight(group: Group): number {
  return group.leaves.reduce((sum, leaf) => sum + estimateHeight(leaf.paragraph), group.kind === 'paragraph' ? 0 : 16);
}

function DocumentReader({ doc }: { doc: DocumentFull }) {
  const wb = useWorkbench();
  const summary = useDocumentSummary(doc.id) ?? doc;
  const annotations = useAnnotations(doc.id);
  const actions = useHighlightActions();
  const paragraphs = useMemo(() => splitParagraphs(doc.text), [doc.text]);
  const groups = useMemo(() => groupLeaves(leavesOf(paragraphs, doc.blocks ?? [])), [paragraphs, doc.blocks]);
  const headlineIsFirstParagraph =
    groups[0]?.leaves.length === 1 && paragraphs[0]?.text.replace(/\.$/, '') === summary.title;
  const scroller = useRef<HTMLDivElement>(null);
  const space = useRef<HTMLDivElement>(null);
  const textRef = useRef<HTMLDivElement>(null);
  const [scrollMargin, setScrollMargin] = useState(0);
  useLayoutEffect(() => {
    setScrollMargin(space.current?.offsetTop ?? 0);
  }, [headlineIsFirstParagraph, summary]);
  // Stable per text: the virtualizer re-measures every paragraph whenever these functions change.
  const estimateSize = useCallback((i: number) => estimateGroupHeight(groups[i]), [groups]);
  const getItemKey = useCallback((i: number) => groups[i].leaves[0].paragraph.start, [groups]);
  const getScrollElement = useCallback(() => scroller.current, []);
  const virtualizer = useVirtualizer({
    count: groups.length,
    getScrollElement,
    estimateSize,
    overscan: 12,
    scrollMargin,
    getItemKey,
  });
  const items = virtualizer.getVirtualItems();
  const mountedKey = items.length ? `${items[0].index}-${items[items.length - 1].index}` : '';

  const [index, setIndex] = useState<ParagraphIndex | null>(null);
  const [pending, setPending] = useState<PendingSelection | null>(null);
  const [tagging, setTagging] = useState(false);
  const [flash, setFlash] = useState<{ start: number; end: number } | null>(null);
  const [saving, setSaving] = useState<{ start: number; end: number } | null>(null);
  const [adjusting, setAdjusting] = useState<Span | null>(null);
  const [caretMode, setCaretMode] = useState(false);
  const [caret, setCaret] = useState<DOMRect | null>(null);
  const dragging = useRef(false);
  const [, setScrollTick] = useState(0);
  const selected = annotations.highlights.find((h) => h.id === wb.selectedHighlightId) ?? null;

  useLayoutEffect(() => {
    setIndex(textRef.current ? indexParagraphs(textRef.current) : null);
  }, [mountedKey, groups]);
  useEffect(() => () => clearHighlights(), []);
  const painted = useMemo(
    () =>
      adjusting && wb.selectedHighlightId !== null
        ? annotations.highlights.map((h) => (h.id === wb.selectedHighlightId ? { ...h, ...adjusting } : h))
        : annotations.highlights,
    [annotations.highlights, adjusting, wb.selectedHighlightId],
  );
  usePaint(index, painted, annotations.tagColors, wb.selectedHighlightId, flash, saving);
  useJumpToFocus(doc.id, paragraphs, groups, virtualizer, textRef, setFlash);
  useEffect(() => {
    if (!flash) return;
    const timer = setTimeout(() => setFlash(null), 1600);
    return () => clearTimeout(timer);
  }, [flash]);
  // Floating toolbars follow their passage while the reader scrolls.
  useEffect(() => {
    const el = scroller.current;
    if (!el || (!pending && !selected && !caretMode)) return;
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        setPending((p) => (p ? { ...p, rect: currentSelectionRect(p.rect) } : p));
        setCaret((c) => (c ? caretRect() : c));
        setScrollTick((t) => t + 1);
      });
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      el.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
    };
  }, [pending, selected, caretMode]);

  /** Reads the DOM selection as the pending passage; false when it covers no text of this document. */
  const readSelection = useCallback((): boolean => {
    if (!textRef.current) return false;
    const passage = selectedPassage(textRef.current, window.getSelection(), doc.text);
    if (!passage) {
      setPending(null);
      return false;
    }
    setPending({ ...passage, rect: window.getSelection()!.getRangeAt(0).getBoundingClientRect() });
    setTagging(false);
    return true;
  }, [doc.text]);
  // A drag that starts in the text may end anywhere — past a line's end, beyond the column, over the margin.
  useEffect(() => {
    let frame = 0;
    const keepInColumn = (event: MouseEvent) => {
      if (textRef.current) keepSelectionInColumn(textRef.current, event.clientX, event.clientY);
    };
    const onMove = (event: MouseEvent) => {
      if (!dragging.current || !(event.buttons & 1)) return;
      cancelAnimationFrame(frame);
      // After the browser has moved the selection for this event.
      frame = requestAnimationFrame(() => keepInColumn(event));
    };
    const onUp = (event: MouseEvent) => {
      if (!dragging.current) return;
      dragging.current = false;
      cancelAnimationFrame(frame);
      keepInColumn(event);
      readSelection();
    };
    document.addEventListener('mousemove', onMove);
    document.addEventListener('mouseup', onUp);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('mousemove', onMove);
      document.removeEventListener('mouseup', onUp);
    };
  }, [readSelection]);

  const createFromPending = useCallback(
    async (thenTag: boolean) => {
      if (!pending) return;
      setCaretMode(false);
      setCaret(null);
      // Shown as a highlight at once; if the save fails it goes again and the status bar says why.
      setSaving({ start: pending.start, end: pending.end });
      window.getSelection()?.removeAllRanges();
      setPending(null);
      const created = await actions.create(doc.id, pending.start, pending.end);
      setSaving(null);
      if (created && thenTag) setTagging(true);
    },
    [pending, doc.id, actions],
  );

  const placed = annotations.highlights.filter((h) => !h.orphaned);
  const step = (direction: 1 | -1) => {
    const at = placed.findIndex((h) => h.id === wb.selectedHighlightId);
    const next =
      placed[at === -1 ? (direction === 1 ? 0 : placed.length - 1) : (at + direction + placed.length) % placed.length];
    wb.openDocument(doc.id, { start: next.start, end: next.end, highlightId: next.id });
  };
  useCommands([
    {
      id: 'highlight.create',
      label: 'Highlight the selected text',
      category: 'Reader',
      keys: ['H'],
      enabled: () => pending !== null,
      run: () => createFromPending(false),
    },
    {
      id: 'highlight.inVivo',
      label: 'Highlight and tag with its own words (in vivo)',
      category: 'Reader',
      keys: ['V'],
      enabled: () => pending !== null,
      run: async () => {
        const { start, end } = pending!;
        setSaving({ start, end });
        window.getSelection()?.removeAllRanges();
        setPending(null);
        setCaretMode(false);
        setCaret(null);
        await actions.createInVivo(doc.id, start, end, doc.text.slice(start, end), annotations.tags);
        setSaving(null);
      },
    },
    {
      id: 'highlight.move',
      label: 'Move the selected highlight to the selected text',
      category: 'Reader',
      keys: ['M'],
      enabled: () => pending !== null && selected !== null,
      run: async () => {
        await actions.move(selected!, pending!.start, pending!.end);
        window.getSelection()?.removeAllRanges();
        setPending(null);
      },
    },
    {
      id: 'highlight.tag',
      label: 'Tag the selected text or highlight',
      category: 'Reader',
      keys: ['T'],
      enabled: () => pending !== null || selected !== null,
      run: () => {
        if (pending) void createFromPending(true);
        else setTagging(true);
      },
    },
    {
      id: 'highlight.delete',
      label: 'Delete the selected highlight',
      category: 'Reader',
      keys: ['Delete', 'Backspace'],
      enabled: () => selected !== null && pending === null,
      run: () => actions.remove(selected!.id),
    },
    {
      id: 'highlight.cite',
      label: 'Cite the selected highlight in the memo',
      category: 'Reader',
      keys: ['C'],
      enabled: () => selected !== null && !selected.orphaned,
      run: () => requestCitation(selected!.id),
    },
    {
      id: 'highlight.next',
      label: 'Next highlight',
      category: 'Reader',
      keys: ['J'],
      enabled: () => placed.length > 0,
      run: () => step(1),
    },
    {
      id: 'highlight.previous',
      label: 'Previous highlight',
      category: 'Reader',
      keys: ['K'],
      enabled: () => placed.length > 0,
      run: () => step(-1),
    },
    {
      id: 'reader.escape',
      label: 'Clear the selection',
      category: 'Reader',
      keys: ['Escape'],
      hidden: true,
      enabled: () => pending !== null || selected !== null || tagging || caretMode,
      run: () => {
        setPending(null);
        setTagging(false);
        setCaretMode(false);
        setCaret(null);
        wb.selectHighlight(null);
        window.getSelection()?.removeAllRanges();
      },
    },
    {
      id: 'reader.caretMode',
      label: caretMode ? 'Stop selecting with the keyboard' : 'Select text with the keyboard (caret)',
      category: 'Reader',
      keys: ['F7'],
      run: () => {
        if (caretMode || !textRef.current || !scroller.current) {
          setCaretMode(false);
          setCaret(null);
          return;
        }
        if (!placeCaret(textRef.current, scroller.current.getBoundingClientRect())) return;
        wb.selectHighlight(null);
        setCaretMode(true);
        setCaret(caretRect());
        wb.setStatus(
          'Keyboard selection: arrows move (Ctrl by word, Alt by sentence, Ctrl+↑/↓ by paragraph), Shift extends; ' +
            'H highlights, T tags, Esc stops.',
        );
      },
    },
    ...CARET_KEYS.flatMap(({ key, direction, unit }) =>
      [false, true].map((extend) => ({
        id: `reader.caret.${extend ? 'extend' : 'move'}.${direction}.${unit}`,
        label: `${extend ? 'Extend the selection' : 'Move the caret'} ${direction} by ${unit}`,
        category: 'Reader',
        keys: [extend ? extending(key) : key],
        hidden: true,
        enabled: () => caretMode,
        run: () => {
          moveCaret(direction, unit, extend);
          const rect = caretRect();
          setCaret(rect);
          if (rect && scroller.current) keepInView(scroller.current, rect);
          if (!readSelection()) setPending(null);
        },
      })),
    ),
    ...ADJUSTMENTS.map(({ id, label, keys, edge, direction, step }) => ({
      id,
      label,
      category: 'Reader',
      keys,
      enabled: () => selected !== null && !selected.orphaned && pending === null && !caretMode,
      run: async () => {
        const next = adjustSpan(doc.text, selected!, edge, direction, step);
        if (next) await actions.move(selected!, next.start, next.end);
      },
    })),
  ]);

  const onMouseUp = (event: React.MouseEvent) => {
    dragging.current = false;
    if (readSelection()) return;
    const offset = offsetAtPoint(event.clientX, event.clientY);
    const hit = offset === null ? undefined : highlightAt(annotations.highlights, offset);
    wb.selectHighlight(hit?.id ?? null);
    setTagging(false);
  };

  const byline = <Byline doc={summary} />;
  // A toolbar follows its passage, and hides while the passage is scrolled out of the reader.
  const viewport = pending || selected ? (scroller.current?.getBoundingClientRect() ?? null) : null;
  const pendingRect = pending && onScreen(pending.rect, viewport) ? pending.rect : null;
  const shownSpan = adjusting ?? selected;
  const selectedRect =
    selected && shownSpan && index && isMounted(index, shownSpan)
      ? onScreen(rangeForOffsets(index, shownSpan.start, shownSpan.end)?.getBoundingClientRect() ?? null, viewport)
      : null;
  return (
    <div className="reader-scroll" ref={scroller}>
      <article className="reader" aria-label="Reader">
        {!headlineIsFirstParagraph && (
          <header className="reader-header">
            <h1 className="doc-headline">{summary.title}</h1>
            {byline}
          </header>
        )}
        <div
          className="reader-text"
          ref={textRef}
          onMouseDown={() => {
            dragging.current = true;
          }}
          onMouseUp={onMouseUp}
        >
          <div ref={space} className="virtual-space" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const group = groups[item.index];
              const p = group.leaves[0].paragraph;
              return (
                <div
                  key={item.key}
                  data-index={item.index}
                  ref={virtualizer.measureElement}
                  className="reader-block"
                  style={{ transform: `translateY(${item.start - scrollMargin}px)` }}
                >
                  {item.index === 0 && headlineIsFirstParagraph ? (
                    <>
                      <h1 className="doc-headline" data-start={p.start}>
                        {p.text}
                      </h1>
                      {byline}
                    </>
                  ) : (
                    <BlockGroup group={group} />
                  )}
                </div>
              );
            })}
          </div>
        </div>
        {pendingRect && (
          <SelectionToolbar
            rect={pendingRect}
            onHighlight={() => void createFromPending(false)}
            onTag={() => void createFromPending(true)}
            onInVivo={() => commands.run('highlight.inVivo')}
            onMove={selected ? () => commands.run('highlight.move') : undefined}
          />
        )}
        {caretMode && caret && (
          <div className="reader-caret" style={{ left: caret.left, top: caret.top, height: caret.height }} />
        )}
        {!pending && selected && !selected.orphaned && selectedRect && index && (
          <HighlightHandles
            index={index}
            span={shownSpan!}
            onPreview={setAdjusting}
            onAdjust={(span) => void actions.move(selected, span.start, span.end)}
          />
        )}
        {!pending && selected && selectedRect && (
          <HighlightToolbar
            rect={selectedRect}
            highlight={selected}
            annotations={annotations}
            actions={actions}
            tagging={tagging}
            setTagging={setTagging}
          />
        )}
      </article>
    </div>
  );
}

function Byline({ doc }: { doc: DocumentSummary }) {
  return (
    <p className="doc-byline">
      {[...new Set([doc.outlet, doc.author, doc.publishedAt].filter(Boolean))].join(' · ') || 'Outlet unknown'}
      {doc.url && (
        <>
          {' '}
          ·{' '}
          <a href={doc.url} target="_blank" rel="noreferrer noopener">
            link
          </a>
        </>
      )}
    </p>
  );
}

/** Moving a passage's ends from the keyboard: Shift+arrows move its end, Alt+Shift+arrows its start (Ctrl: by word). */
const ADJUSTMENTS: {
  id: string;
  label: string;
  keys: string[];
  edge: 'start' | 'end';
  direction: 1 | -1;
  step: Step;
}[] = (['end', 'start'] as const).flatMap((edge) =>
  ([1, -1] as const).flatMap((direction) =>
    (['character', 'word'] as const).map((step) => {
      const arrow = direction === 1 ? 'ArrowRight' : 'ArrowLeft';
      const mods = [step === 'word' ? 'Mod' : '', edge === 'start' ? 'Alt' : '', 'Shift'].filter(Boolean).join('+');
      return {
        id: `highlight.${edge}.${direction === 1 ? 'later' : 'earlier'}.${step}`,
        label: `Move the highlight's ${edge} one ${step} ${direction === 1 ? 'later' : 'earlier'}`,
        keys: [`${mods}+${arrow}`],
        edge,
        direction,
        step,
      };
    }),
  ),
);

function onScreen(rect: DOMRect | null, viewport: DOMRect | null): DOMRect | null {
  if (!rect || !viewport) return rect;
  return rect.bottom < viewport.top || rect.top > viewport.bottom ? null : rect;
}

/** Scrolls the reader so that `rect` (the caret) stays on screen, with a line's room either side. */
function keepInView(scroller: HTMLElement, rect: DOMRect): void {
  const box = scroller.getBoundingClientRect();
  if (rect.top < box.top + 40) scroller.scrollBy({ top: rect.top - box.top - 80 });
  else if (rect.bottom > box.bottom - 40) scroller.scrollBy({ top: rect.bottom - box.bottom + 80 });
}

function currentSelectionRect(fallback: DOMRect): DOMRect {
  const selection = window.getSelection();
  return selection && selection.rangeCount && !selection.isCollapsed
    ? selection.getRangeAt(0).getBoundingClientRect()
    : fallback;
}

function mountedSpan(index: ParagraphIndex): { from: number; to: number } | null {
  const last = index.nodes.length - 1;
  if (last < 0) return null;
  return { from: index.starts[0], to: index.starts[last] + (index.nodes[last]?.length ?? 0) };
}

function isMounted(index: ParagraphIndex, h: { start: number; end: number }): boolean {
  const span = mountedSpan(index);
  return Boolean(span && h.start < span.to && h.end > span.from);
}

/** Paints the highlights that fall on mounted paragraphs; called again whenever other paragraphs mount. */
function usePaint(
  index: ParagraphIndex | null,
  highlights: Highlight[],
  tagColors: Map<number, string>,
  selectedId: number | null,
  flash: { start: number; end: number } | null,
  saving: { start: number; end: number } | null,
): void {
  // Before the browser paints: a change and its highlights show in the same frame.
  useLayoutEffect(() => {
    if (!index) return;
    performance.mark('gloss-paint-start');
    const visible = highlights.filter((h) => !h.orphaned && isMounted(index, h));
    paintHighlights({ index, highlights: visible, tagColors, selectedId, flash, saving });
    performance.mark('gloss-paint-end');
    performance.measure('gloss-paint', 'gloss-paint-start', 'gloss-paint-end');
  }, [index, highlights, tagColors, selectedId, flash, saving]);
}

/**
 * Jumps to a passage asked for by the margin, the theme view, search or a memo citation — once per request, so a
 * later change does not pull the reader back. The paragraph is scrolled into the mounted range, then centred.
 */
function useJumpToFocus(
  documentId: number,
  paragraphs: Paragraph[],
  groups: Group[],
  virtualizer: ReturnType<typeof useVirtualizer<HTMLDivElement, Element>>,
  textRef: React.RefObject<HTMLDivElement | null>,
  setFlash: (f: { start: number; end: number }) => void,
): void {
  const wb = useWorkbench();
  const handled = useRef<number | null>(null);
  useEffect(() => {
    const focus = wb.focus;
    if (!focus || handled.current === focus.nonce || wb.documentId !== documentId || paragraphs.length === 0) return;
    handled.current = focus.nonce;
    const i = paragraphAt(paragraphs, focus.start);
    virtualizer.scrollToIndex(groupOfParagraph(groups, i), { align: 'center' });
    let tries = 0;
    const settle = () => {
      const el = textRef.current?.querySelector<HTMLElement>(`[data-start="${paragraphs[i].start}"]`);
      if (el) {
        const box = el.getBoundingClientRect();
        if (box.bottom < 0 || box.top > window.innerHeight) el.scrollIntoView({ block: 'center' });
        setFlash({ start: focus.start, end: focus.end });
      } else if (tries++ < 30) {
        requestAnimationFrame(settle);
      }
    };
    requestAnimationFrame(settle);
  }, [wb.focus, wb.documentId, documentId, paragraphs, groups, virtualizer, textRef, setFlash]);
}
