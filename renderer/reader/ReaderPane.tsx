import { Fragment, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { DocumentFull } from '../../shared/types';
import { isEditable } from '../app/App';
import { useApi } from '../app/useApi';
import { useWorkbench } from '../app/workbench';
import { useHighlightActions } from './actions';
import { HighlightToolbar, SelectionToolbar } from './HighlightToolbar';
import { indexParagraphs, offsetAtPoint, rangeForOffsets, selectionOffsets, type ParagraphIndex } from './offsets';
import { clearHighlights, paintHighlights } from './paint';
import { splitParagraphs } from './paragraphs';
import './reader.css';
import { highlightAt, useAnnotations } from './useAnnotations';

interface PendingSelection { start: number; end: number; rect: DOMRect }

export function ReaderPane() {
  const wb = useWorkbench();
  const id = wb.documentId;
  const doc = useApi<DocumentFull | null>(() => (id ? wb.client['documents.get']({ id }) : Promise.resolve(null)), [id]);
  const annotations = useAnnotations(id);
  const actions = useHighlightActions();
  const text = doc.data?.text;
  const paragraphs = useMemo(() => (text !== undefined ? splitParagraphs(text) : []), [text]);
  const textRef = useRef<HTMLDivElement>(null);
  const [index, setIndex] = useState<ParagraphIndex | null>(null);
  const [pending, setPending] = useState<PendingSelection | null>(null);
  const [tagging, setTagging] = useState(false);
  const [flash, setFlash] = useState<{ start: number; end: number } | null>(null);
  const selected = annotations.highlights.find((h) => h.id === wb.selectedHighlightId) ?? null;

  useLayoutEffect(() => { setIndex(textRef.current ? indexParagraphs(textRef.current) : null); }, [paragraphs]);
  useEffect(() => () => clearHighlights(), []);
  useEffect(() => { setPending(null); setTagging(false); setFlash(null); }, [id]);

  useEffect(() => {
    if (!index) return;
    performance.mark('gloss-paint-start');
    paintHighlights({ index, highlights: annotations.highlights, tagColors: annotations.tagColors, selectedId: wb.selectedHighlightId, flash });
    performance.mark('gloss-paint-end');
    performance.measure('gloss-paint', 'gloss-paint-start', 'gloss-paint-end');
  }, [index, annotations, wb.selectedHighlightId, flash]);

  // Jump to a passage asked for by the margin, the theme view, search or a memo citation — once per request,
  // so a later re-fetch (after any edit) does not pull the reader back.
  const handledFocus = useRef<number | null>(null);
  useEffect(() => {
    if (!wb.focus || handledFocus.current === wb.focus.nonce || !index || doc.data?.id !== id) return;
    handledFocus.current = wb.focus.nonce;
    const range = rangeForOffsets(index, wb.focus.start, wb.focus.end);
    range?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    setFlash({ start: wb.focus.start, end: wb.focus.end });
  }, [wb.focus, index, doc.data, id]);
  useEffect(() => {
    if (!flash) return;
    const timer = setTimeout(() => setFlash(null), 1600);
    return () => clearTimeout(timer);
  }, [flash]);

  const createFromPending = useCallback(async (thenTag: boolean) => {
    if (!pending || !id) return;
    const created = await actions.create(id, pending.start, pending.end);
    window.getSelection()?.removeAllRanges();
    setPending(null);
    if (created && thenTag) setTagging(true);
  }, [pending, id, actions]);

  const step = (direction: 1 | -1) => {
    const placed = annotations.highlights.filter((h) => !h.orphaned);
    if (placed.length === 0 || !id) return;
    const at = placed.findIndex((h) => h.id === wb.selectedHighlightId);
    const next = placed[at === -1 ? (direction === 1 ? 0 : placed.length - 1) : (at + direction + placed.length) % placed.length];
    wb.openDocument(id, { start: next.start, end: next.end, highlightId: next.id });
  };

  useReaderKeys({
    onNext: () => step(1),
    onPrevious: () => step(-1),
    onHighlight: () => void createFromPending(false),
    onTag: () => { if (pending) void createFromPending(true); else if (selected) setTagging(true); },
    onDelete: () => { if (selected) void actions.remove(selected.id); },
    onEscape: () => { setPending(null); setTagging(false); wb.selectHighlight(null); window.getSelection()?.removeAllRanges(); },
    active: Boolean(pending || selected),
  });

  const onMouseUp = (event: React.MouseEvent) => {
    if (!textRef.current) return;
    const offsets = selectionOffsets(textRef.current, window.getSelection());
    if (offsets) {
      const rect = window.getSelection()!.getRangeAt(0).getBoundingClientRect();
      setPending({ ...offsets, rect });
      setTagging(false);
      return;
    }
    setPending(null);
    const offset = offsetAtPoint(event.clientX, event.clientY);
    const hit = offset === null ? undefined : highlightAt(annotations.highlights, offset);
    wb.selectHighlight(hit?.id ?? null);
    setTagging(false);
  };

  if (!id) {
    return (
      <div className="empty-state">
        <h2>Pick a report from the library</h2>
        <p>Select a document on the left to start reading. Select text and press <kbd>H</kbd> to highlight it, <kbd>T</kbd> to tag it; <kbd>J</kbd>/<kbd>K</kbd> move between highlights.</p>
      </div>
    );
  }
  if (doc.error) return <p className="error">Could not open the document: {doc.error}</p>;
  if (!doc.data || doc.data.id !== id) return <p className="muted loading">Opening…</p>;
  const d = doc.data;
  const headlineIsFirstParagraph = paragraphs[0]?.text.replace(/\.$/, '') === d.title;
  const byline = (
    <p className="doc-byline">
      {[d.outlet, d.author, d.publishedAt].filter(Boolean).join(' · ') || 'Source not set'}
      {d.url && <> · <a href={d.url} target="_blank" rel="noreferrer noopener">link</a></>}
    </p>
  );
  const selectedRect = selected && index ? rangeForOffsets(index, selected.start, selected.end)?.getBoundingClientRect() ?? null : null;
  return (
    <article className="reader" aria-label="Reader">
      {!headlineIsFirstParagraph && <header className="reader-header"><h1 className="doc-headline">{d.title}</h1>{byline}</header>}
      <div className="reader-text" ref={textRef} onMouseUp={onMouseUp}>
        {paragraphs.map((p, i) => (i === 0 && headlineIsFirstParagraph
          ? <Fragment key={p.start}><h1 className="doc-headline" data-start={p.start}>{p.text}</h1>{byline}</Fragment>
          : <p key={p.start} data-start={p.start}>{p.text}</p>))}
      </div>
      {pending && <SelectionToolbar rect={pending.rect} onHighlight={() => void createFromPending(false)} onTag={() => void createFromPending(true)} />}
      {!pending && selected && selectedRect && (
        <HighlightToolbar rect={selectedRect} highlight={selected} annotations={annotations} actions={actions}
          tagging={tagging} setTagging={setTagging} />
      )}
    </article>
  );
}

function useReaderKeys(handlers: { onNext(): void; onPrevious(): void; onHighlight(): void; onTag(): void; onDelete(): void; onEscape(): void; active: boolean }) {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isEditable(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      const h = ref.current;
      const key = e.key.toLowerCase();
      if (key === 'h') { e.preventDefault(); h.onHighlight(); }
      else if (key === 'j') { e.preventDefault(); h.onNext(); }
      else if (key === 'k') { e.preventDefault(); h.onPrevious(); }
      else if (key === 't') { e.preventDefault(); h.onTag(); }
      else if ((e.key === 'Delete' || e.key === 'Backspace') && h.active) { e.preventDefault(); h.onDelete(); }
      else if (e.key === 'Escape') h.onEscape();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

