// Retrieved passages as a virtual list: rows arrive a page at a time as the list scrolls; each can show more
// context (sentences or paragraphs either side) and jumps to its passage in the reader.
import { useCallback, useEffect, useRef, useState } from 'react';
import { pageLabel } from '../../shared/pages';
import type { RetrievalResult, RetrievedSegment, SegmentContext } from '../../shared/types';
import { requestCitation, setHighlightDragData } from '../app/citations';
import { VirtualList } from '../app/VirtualList';
import { useWorkbench } from '../app/workbench';
import { CoderName } from '../coders/coders';
import { useTagsById } from '../store/hooks';
import { PassageRecoder } from '../tags/PassageRecoder';

const PAGE = 200;

export interface ContextSetting {
  unit: 'sentence' | 'paragraph';
  count: number;
}

export function SegmentList({ result, context }: { result: RetrievalResult; context: ContextSetting }) {
  const rows = useSegmentRows(result);
  const [expanded, setExpanded] = useState(new Map<number, SegmentContext | null>());
  const wb = useWorkbench();
  useEffect(() => setExpanded(new Map()), [result, context.unit, context.count]);
  const toggle = useCallback(
    (id: number) => {
      if (expanded.has(id)) {
        setExpanded((m) => {
          const next = new Map(m);
          next.delete(id);
          return next;
        });
        return;
      }
      setExpanded((m) => new Map(m).set(id, null));
      wb.client['retrieval.context']({ highlightIds: [id], ...context }).then(
        ([found]) => setExpanded((m) => (m.has(id) ? new Map(m).set(id, found ?? null) : m)),
        () => undefined,
      );
    },
    [expanded, wb.client, context],
  );
  const estimateSize = useCallback(() => 96, []);
  const itemKey = useCallback((i: number) => result.ids[i], [result]);
  return (
    <VirtualList
      className="segment-list"
      label="Retrieved passages"
      count={result.ids.length}
      overscan={6}
      estimateSize={estimateSize}
      itemKey={itemKey}
      onRangeChange={rows.want}
      renderItem={(i) => {
        const segment = rows.get(result.ids[i]);
        return segment ? (
          <SegmentRow
            segment={segment}
            context={expanded.get(segment.highlight.id)}
            expanded={expanded.has(segment.highlight.id)}
            onToggle={toggle}
          />
        ) : (
          <div className="segment placeholder">…</div>
        );
      }}
    />
  );
}

function SegmentRow({
  segment,
  context,
  expanded,
  onToggle,
}: {
  segment: RetrievedSegment;
  context: SegmentContext | null | undefined;
  expanded: boolean;
  onToggle(id: number): void;
}) {
  const wb = useWorkbench();
  const tags = useTagsById();
  const [recoding, setRecoding] = useState(false);
  const h = segment.highlight;
  return (
    <article
      className="segment"
      draggable
      onDragStart={(e) => setHighlightDragData(e.dataTransfer, h.id, h.exact)}
      aria-label={`Passage from ${segment.documentTitle}`}
    >
      <p className="segment-head">
        <span className="segment-doc">{segment.documentTitle}</span>
        {segment.page && <span className="page-label">{pageLabel(segment.page, segment.pageEnd)}</span>}
        {h.tagIds.map((id) => {
          const tag = tags.get(id);
          return tag ? (
            <span key={id} className="tag-chip" style={{ borderColor: tag.color }}>
              {tag.name}
            </span>
          ) : null;
        })}
        <CoderName coderId={h.coderId} />
      </p>
      <button
        type="button"
        className="segment-quote"
        title="Open this passage in the reader"
        onClick={() => wb.openDocument(h.documentId, { start: h.start, end: h.end, highlightId: h.id })}
      >
        {expanded && <span className="context">{context ? context.before : '…'}</span>}
        <mark>{h.exact}</mark>
        {expanded && <span className="context">{context ? context.after : ''}</span>}
      </button>
      {segment.noteText && <p className="segment-note">{segment.noteText}</p>}
      <p className="segment-actions">
        <button type="button" className="link-button" aria-expanded={expanded} onClick={() => onToggle(h.id)}>
          {expanded ? 'Less context' : 'More context'}
        </button>
        <button type="button" className="link-button" onClick={() => requestCitation(h.id)}>
          Cite in memo
        </button>
        <button type="button" className="link-button" aria-expanded={recoding} onClick={() => setRecoding((r) => !r)}>
          Recode
        </button>
      </p>
      {recoding && <PassageRecoder highlight={h} onClose={() => setRecoding(false)} />}
    </article>
  );
}

/** The rows of a result: the first page came with it; later pages are fetched when scrolled to. */
function useSegmentRows(result: RetrievalResult) {
  const [rows, setRows] = useState(new Map<number, RetrievedSegment>());
  const requested = useRef(new Set<number>());
  const wb = useWorkbench();
  useEffect(() => {
    setRows(new Map(result.segments.map((s) => [s.highlight.id, s])));
    requested.current = new Set([0]);
  }, [result]);
  const want = useCallback(
    (first: number, last: number) => {
      for (let page = Math.floor(first / PAGE); page <= Math.floor(last / PAGE); page++) {
        if (requested.current.has(page)) continue;
        requested.current.add(page);
        const ids = result.ids.slice(page * PAGE, (page + 1) * PAGE);
        wb.client['retrieval.segments']({ highlightIds: ids }).then(
          (found) => setRows((m) => new Map([...m, ...found.map((s) => [s.highlight.id, s] as const)])),
          () => requested.current.delete(page),
        );
      }
    },
    [result, wb.client],
  );
  return { get: (id: number) => rows.get(id), want };
}
