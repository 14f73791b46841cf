// The citation block: a tiptap node holding a highlight's id plus a snapshot of its quote and source.
// It shows the passage as it is now; if the passage was deleted, the snapshot stays, marked as such.
import { mergeAttributes, Node } from '@tiptap/core';
import { NodeViewWrapper, ReactNodeViewRenderer, type NodeViewProps } from '@tiptap/react';
import { createContext, useContext } from 'react';
import { pageLabel } from '../../shared/pages';
import type { CitationSource } from '../../shared/types';
import { useWorkbench } from '../app/workbench';
import { ReportedBy } from '../corroboration/corroboration';
import { GradeBadge } from '../grading/grading';

export const CitationSources = createContext<Map<number, CitationSource>>(new Map());

export const Citation = Node.create({
  name: 'citation',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes() {
    return {
      highlightId: { default: null },
      documentId: { default: null },
      quote: { default: '' },
      documentTitle: { default: '' },
      outlet: { default: '' },
      publishedAt: { default: '' },
      // A claim sentence cited without a passage: its offsets, and its grade when drafted.
      start: { default: null },
      end: { default: null },
      grade: { default: null },
    };
  },
  parseHTML() {
    return [{ tag: 'figure[data-citation]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['figure', mergeAttributes(HTMLAttributes, { 'data-citation': '' })];
  },
  addNodeView() {
    return ReactNodeViewRenderer(CitationView);
  },
});

export function citationAttrs(source: CitationSource) {
  return {
    highlightId: source.highlightId,
    documentId: source.documentId,
    quote: source.exact ?? '',
    documentTitle: source.documentTitle ?? '',
    outlet: source.outlet ?? '',
    publishedAt: source.publishedAt ?? '',
  };
}

function CitationView({ node, selected, editor, getPos }: NodeViewProps) {
  const wb = useWorkbench();
  const sources = useContext(CitationSources);
  const attrs = node.attrs as ReturnType<typeof citationAttrs>;
  const live = sources.get(Number(attrs.highlightId));
  const deleted = live !== undefined && !live.exists;
  const quote = live?.exists ? live.exact : attrs.quote;
  const source = [
    live?.outlet ?? attrs.outlet,
    live?.documentTitle ?? attrs.documentTitle,
    live?.publishedAt ?? attrs.publishedAt,
    pageLabel(live?.page, live?.pageEnd),
  ]
    .filter(Boolean)
    .join(' · ');
  const range = attrs.highlightId === null && typeof node.attrs.start === 'number' ? node.attrs : null;
  const open = () => {
    if (live?.exists && live.documentId && live.start !== null && live.end !== null) {
      wb.openDocument(live.documentId, { start: live.start, end: live.end, highlightId: live.highlightId });
    } else if (range && attrs.documentId) {
      wb.openDocument(Number(attrs.documentId), { start: Number(range.start), end: Number(range.end) });
    }
  };
  const openable = live?.exists || range !== null;
  return (
    <NodeViewWrapper
      as="figure"
      className={`citation-block${deleted ? ' deleted' : ''}${selected ? ' selected' : ''}`}
      data-citation=""
    >
      {/* A click selects the citation (to move, copy or delete it); a double-click or the link opens the passage. */}
      <blockquote
        className="citation-quote"
        title={openable ? 'Double-click to open this passage in the reader' : undefined}
        onClick={() => {
          const at = getPos();
          if (typeof at === 'number') editor.commands.setNodeSelection(at);
        }}
        onDoubleClick={open}
      >
        {live?.region?.imageBase64 && (
          <img
            className="citation-region"
            src={`data:image/png;base64,${live.region.imageBase64}`}
            alt={`Region on page ${live.region.page}`}
          />
        )}
        “{quote}”
      </blockquote>
      <figcaption>
        {source || 'Source not set'} <GradeBadge reliability={live?.reliability} credibility={live?.credibility} />
        {range && typeof range.grade === 'string' && (
          <span className={`grade-badge grade-${range.grade.slice(0, 1)}`}>{range.grade}</span>
        )}
        <ReportedBy corroboration={live?.corroboration} />
        {openable && (
          <>
            {' · '}
            <button type="button" className="link-button citation-open" onClick={open}>
              Go to passage
            </button>
          </>
        )}
        {deleted && <span className="citation-deleted"> · passage deleted — last quote kept</span>}
      </figcaption>
    </NodeViewWrapper>
  );
}
