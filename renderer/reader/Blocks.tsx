// Renders one group of the reader (structure.ts) as the document had it: real headings, lists, tables, quotes and
// preformatted text. Each paragraph's own element carries data-start and holds only its text.
import { createElement } from 'react';
import {
  buildList,
  buildNotes,
  buildTable,
  isLeaf,
  type Group,
  type ItemNode,
  type Leaf,
  type ListNode,
} from './structure';

export function BlockGroup({ group }: { group: Group }) {
  const { leaves } = group;
  switch (group.kind) {
    case 'heading': {
      const leaf = leaves[0];
      const level = Math.min(6, Math.max(1, leaf.block?.level ?? 2));
      return createElement(`h${level}`, { className: 'doc-heading', 'data-start': leaf.paragraph.start }, text(leaf));
    }
    case 'list':
      return <List list={buildList(leaves)} start={group.itemsBefore ? group.itemsBefore + 1 : undefined} />;
    case 'quote':
      return <blockquote className="doc-quote">{leaves.map(paragraph)}</blockquote>;
    case 'pre':
      return (
        <pre className="doc-pre">
          {leaves.map((leaf) => (
            <span
              key={leaf.paragraph.start}
              className="doc-pre-line"
              data-start={leaf.paragraph.start}
              style={leaf.block?.indent ? { paddingLeft: `${Math.min(leaf.block.indent, 40)}ch` } : undefined}
            >
              {text(leaf)}
            </span>
          ))}
        </pre>
      );
    case 'table':
      return <Table leaves={leaves} />;
    case 'footnotes':
      return (
        <ol className="doc-footnotes">
          {buildNotes(leaves).map((note) => (
            <li key={note[0].paragraph.start}>{note.map(paragraph)}</li>
          ))}
        </ol>
      );
    default:
      return <>{leaves.map(paragraph)}</>;
  }
}

function text(leaf: Leaf): string {
  return leaf.paragraph.text;
}

function paragraph(leaf: Leaf) {
  return (
    <p key={leaf.paragraph.start} data-start={leaf.paragraph.start}>
      {text(leaf)}
    </p>
  );
}

function List({ list, start }: { list: ListNode; start?: number }) {
  const items = list.items.map((item, i) => <Item key={i} item={item} />);
  return list.ordered ? (
    <ol className="doc-list" start={start}>
      {items}
    </ol>
  ) : (
    <ul className="doc-list">{items}</ul>
  );
}

function Item({ item }: { item: ItemNode }) {
  return (
    <li>{item.content.map((node, i) => (isLeaf(node) ? paragraph(node) : <List key={`list-${i}`} list={node} />))}</li>
  );
}

function Table({ leaves }: { leaves: Leaf[] }) {
  const rows = buildTable(leaves);
  return (
    <div className="doc-table-wrap">
      <table className="doc-table">
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, c) => {
                if (!cell) return <td key={c} />;
                const Cell = cell.header ? 'th' : 'td';
                return <Cell key={c}>{cell.leaves.map(paragraph)}</Cell>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
