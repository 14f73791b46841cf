// The evidence table block: claim × source with grades, a snapshot stored in the memo (inserted again to refresh).
// Each graded cell opens the source's sentence in the reader.
import { mergeAttributes, Node } from '@tiptap/core';
import { NodeViewWrapper, ReactNodeViewRenderer, type NodeViewProps } from '@tiptap/react';
import type { EvidenceCell, EvidenceTable } from '../../shared/types';
import { useWorkbench } from '../app/workbench';

export const EvidenceTableNode = Node.create({
  name: 'evidenceTable',
  group: 'block',
  atom: true,
  draggable: true,
  selectable: true,
  addAttributes() {
    return { table: { default: null, rendered: false } };
  },
  parseHTML() {
    return [{ tag: 'figure[data-evidence-table]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['figure', mergeAttributes(HTMLAttributes, { 'data-evidence-table': '' })];
  },
  addNodeView() {
    return ReactNodeViewRenderer(EvidenceTableView);
  },
});

export function cellText(cell: EvidenceCell | null | undefined): string {
  if (!cell) return '—';
  return `${cell.grade ?? '✓'}${cell.copy ? ' copy' : ''}`;
}

function EvidenceTableView({ node, selected }: NodeViewProps) {
  const wb = useWorkbench();
  const table = node.attrs.table as EvidenceTable | null;
  if (!table?.rows) return <NodeViewWrapper as="figure">This evidence table cannot be read.</NodeViewWrapper>;
  return (
    <NodeViewWrapper
      as="figure"
      className={`evidence-table${selected ? ' selected' : ''}`}
      data-evidence-table=""
      aria-label="Evidence table"
    >
      <table>
        <thead>
          <tr>
            <th scope="col">Claim</th>
            {table.sources.map((s) => (
              <th key={s} scope="col">
                {s}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r}>
              <th scope="row">{row.claim}</th>
              {table.sources.map((source, i) => {
                const cell = row.cells[i];
                return (
                  <td key={source} className={cell ? (cell.copy ? 'copy' : 'stated') : 'absent'}>
                    {cell ? (
                      <button
                        type="button"
                        className="link-button"
                        title={`Open ${source}’s sentence`}
                        onClick={() => wb.openDocument(cell.documentId, { start: cell.start, end: cell.end })}
                      >
                        {cellText(cell)}
                      </button>
                    ) : (
                      '—'
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <figcaption className="muted">
        Evidence in {table.scope}, {new Date(table.madeAt).toLocaleDateString()}: Admiralty grades (source A–F, passage
        1–6); ✓ stated, ungraded; — not stated.
      </figcaption>
    </NodeViewWrapper>
  );
}
