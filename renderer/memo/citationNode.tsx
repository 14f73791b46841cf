// The citation block: a tiptap node holding a highlight's id plus a snapshot of its quote and source.
// It shows the passage as it is now; if the passage was deleted, the snapshot stays, marked as such.
import { mergeAttributes, Node } from '@tiptap/core';
import { NodeViewWrapper, ReactNodeViewRenderer, type NodeViewProps } from '@tiptap/react';
import { createContext, useContext } from 'react';
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

function CitationView({ node, selected }: NodeViewProps) {
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
  ]
    .filter(Boolean)
    .join(' · ');
  const open = () => {
    if (live?.exists && live.documentId && live.start !== null && live.end !== null) {
      wb.openDocument(live.documentId, { start: live.start, end: live.end, highlightId: live.highlightId });
    }
  };
  return (
    <NodeViewWrapper
      as="figure"
      className={`citation-block${deleted ? ' deleted' : ''}${selected ? ' selected' : ''}`}
      data-citation=""
    >
      <blockquote>
        <button
          type="button"
          className="citation-quote"
          onClick={open}
          disabled={!live?.exists}
          title={live?.exists ? 'Open this passage in the reader' : undefined}
        >
          “{quote}”
        </button>
      </blockquote>
      <figcaption>
        {source || 'Source not set'} <GradeBadge reliability={live?.reliability} credibility={live?.credibility} />
        <ReportedBy corroboration={live?.corroboration} />
        {deleted && <span className="citation-deleted"> · passage deleted — last quote kept</span>}
      </figcaption>
    </NodeViewWrapper>
  );
}
