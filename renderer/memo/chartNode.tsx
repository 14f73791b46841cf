// A chart in a memo: the chart as a PNG (drawn from the analysis view's SVG) with its caption, stored in the memo so
// it stays as it was when inserted and exports the same in HTML, Word, PDF and Markdown.
import { mergeAttributes, Node } from '@tiptap/core';
import { NodeViewWrapper, ReactNodeViewRenderer, type NodeViewProps } from '@tiptap/react';

export const ChartImage = Node.create({
  name: 'chartImage',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes() {
    return {
      png: { default: '', rendered: false },
      width: { default: 0 },
      height: { default: 0 },
      caption: { default: '' },
    };
  },
  parseHTML() {
    return [{ tag: 'figure[data-chart]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['figure', mergeAttributes(HTMLAttributes, { 'data-chart': '' })];
  },
  addNodeView() {
    return ReactNodeViewRenderer(ChartView);
  },
});

function ChartView({ node, selected }: NodeViewProps) {
  const { png, caption, width } = node.attrs as { png: string; caption: string; width: number };
  return (
    <NodeViewWrapper as="figure" className={`memo-chart${selected ? ' selected' : ''}`} data-chart="">
      {/^[A-Za-z0-9+/]+=*$/.test(png) ? (
        <img src={`data:image/png;base64,${png}`} alt={caption} style={{ maxWidth: Math.min(width || 720, 720) }} />
      ) : (
        <p className="muted">This chart’s image cannot be read.</p>
      )}
      <figcaption>{caption}</figcaption>
    </NodeViewWrapper>
  );
}
