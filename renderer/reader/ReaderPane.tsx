// The reader: a document as paragraphs, of which only those near the screen are mounted (a 1 MB report stays as
// light as a short one). Highlights are painted with the CSS Custom Highlight API over the mounted paragraphs and
// repainted as others scroll in; jumping to a passage scrolls its paragraph into place first.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { DocumentFull, DocumentSummary, Highlight } from '../../shared/types';
import { requestCitation } from '../app/citations';
import { useWorkbench } from '../app/workbench';
import { commands } from '../commands/registry';
import { useCommands } from '../commands/useCommands';
import { useDocumentSummary } from '../store/hooks';
import { useHighlightActions } from './actions';
import { BlockGroup } from './Blocks';
import { HighlightToolbar, SelectionToolbar } from './HighlightToolbar';
import { indexParagraphs, offsetAtPoint, rangeForOffsets, selectionOffsets, type ParagraphIndex } from './offsets';
import { clearHighlights, paintHighlights } from './paint';
import { paragraphAt, splitParagraphs, type Paragraph } from './paragraphs';
import './reader.css';
import { groupLeaves, groupOfParagraph, leavesOf, type Group } from './structure';
import { highlightAt, useAnnotations } from './useAnnotations';

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
  return <DocumentReader key={`${doc.data.id}:${doc.data.contentHash}`} doc={doc.data} />;
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
  const [, setScrollTick] = useState(0);
  const selected = annotations.highlights.find((h) => h.id === wb.selectedHighlightId) ?? null;

  useLayoutEffect(() => {
    setIndex(textRef.current ? indexParagraphs(textRef.current) : null);
  }, [mountedKey, groups]);
  useEffect(() => () => clearHighlights(), []);
  usePaint(index, annotations.highlights, annotations.tagColors, wb.selectedHighlightId, flash);
  useJumpToFocus(doc.id, paragraphs, groups, virtualizer, textRef, setFlash);
  useEffect(() => {
    if (!flash) return;
    const timer = setTimeout(() => setFlash(null), 1600);
    return () => clearTimeout(timer);
  }, [flash]);
  // Floating toolbars follow their passage while the reader scrolls.
  useEffect(() => {
    const el = scroller.current;
    if (!el || (!pending && !selected)) return;
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        setPending((p) => (p ? { ...p, rect: currentSelectionRect(p.rect) } : p));
        setScrollTick((t) => t + 1);
      });
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      el.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
    };
  }, [pending, selected]);

  const createFromPending = useCallback(
    async (thenTag: boolean) => {
      if (!pending) return;
      const created = await actions.create(doc.id, pending.start, pending.end);
      window.getSelection()?.removeAllRanges();
      setPending(null);
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
      enabled: () => pending !== null || selected !== null || tagging,
      run: () => {
        setPending(null);
        setTagging(false);
        wb.selectHighlight(null);
        window.getSelection()?.removeAllRanges();
      },
    },
  ]);

  const onMouseUp = (event: React.MouseEvent) => {
    if (!textRef.current) return;
    const offsets = selectionOffsets(textRef.current, window.getSelection());
    if (offsets) {
      setPending({ ...offsets, rect: window.getSelection()!.getRangeAt(0).getBoundingClientRect() });
      setTagging(false);
      return;
    }
    setPending(null);
    const offset = offsetAtPoint(event.clientX, event.clientY);
    const hit = offset === null ? undefined : highlightAt(annotations.highlights, offset);
    wb.selectHighlight(hit?.id ?? null);
    setTagging(false);
  };

  const byline = <Byline doc={summary} />;
  const pendingRect = pending?.rect;
  const selectedRect =
    selected && index && isMounted(index, selected)
      ? (rangeForOffsets(index, selected.start, selected.end)?.getBoundingClientRect() ?? null)
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
        <div className="reader-text" ref={textRef} onMouseUp={onMouseUp}>
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
            onMove={selected ? () => commands.run('highlight.move') : undefined}
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

function isMounted(index: ParagraphIndex, h: Highlight): boolean {
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
): void {
  useEffect(() => {
    if (!index) return;
    performance.mark('gloss-paint-start');
    const visible = highlights.filter((h) => !h.orphaned && isMounted(index, h));
    paintHighlights({ index, highlights: visible, tagColors, selectedId, flash });
    performance.mark('gloss-paint-end');
    performance.measure('gloss-paint', 'gloss-paint-start', 'gloss-paint-end');
  }, [index, highlights, tagColors, selectedId, flash]);
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
