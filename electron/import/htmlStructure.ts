// Reads a sanitised HTML tree into structured text: one paragraph per block element, as before, and for each
// paragraph what it was — heading (with level), list item (depth, numbered or not), quote, table cell (table, row,
// column), preformatted line, footnote. Markdown (marked) and Word (mammoth) arrive here as HTML too.
import { StructuredTextBuilder, type BlockShape, type StructuredText } from './blocks.js';

const BLOCKS = new Set([
  'P',
  'DIV',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'BLOCKQUOTE',
  'PRE',
  'TR',
  'TD',
  'TH',
  'DT',
  'DD',
  'FIGCAPTION',
  'CAPTION',
  'SECTION',
  'ARTICLE',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'TABLE',
  'UL',
  'OL',
  'BR',
  'HR',
  'ADDRESS',
]);

const HEADING = /^H([1-6])$/;
const MAX_INDENT = 40;
const TAB_WIDTH = 4;
/** Word footnotes and endnotes as mammoth writes them: <li id="footnote-1">… <a href="#footnote-ref-1">↑</a>. */
const NOTE_ID = /^(?:footnote|endnote)-\d+$/;
const NOTE_BACKLINK = /^#(?:footnote|endnote)-ref-\d+$/;

interface ItemFrame {
  kind: 'item' | 'footnote';
  container: 'item';
  depth: number;
  ordered: boolean;
  emitted: boolean;
}

interface CellFrame {
  container: 'cell';
  table: number;
  row: number;
  col: number;
  header: boolean;
  emitted: boolean;
}

interface TableFrame {
  table: number;
  row: number;
  col: number;
}

type DomNode = Node;
interface DomWindowLike {
  Node: { TEXT_NODE: number; ELEMENT_NODE: number };
}

export function readStructure(root: DomNode, window: DomWindowLike): StructuredText {
  return new StructureReader(window).read(root);
}

class StructureReader {
  private readonly out = new StructuredTextBuilder();
  private current = '';
  private readonly lists: boolean[] = [];
  /** List items and table cells, innermost last: the innermost says what a paragraph inside it is. */
  private readonly containers: (ItemFrame | CellFrame)[] = [];
  private readonly tables: TableFrame[] = [];
  private heading = 0;
  private quotes = 0;
  private pre = 0;
  private tableCount = 0;

  constructor(private readonly window: DomWindowLike) {}

  read(root: DomNode): StructuredText {
    this.walk(root);
    this.flush();
    return this.out.build();
  }

  private walk(node: DomNode): void {
    if (node.nodeType === this.window.Node.TEXT_NODE) {
      this.current += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== this.window.Node.ELEMENT_NODE) return;
    const element = node as Element;
    const tag = element.tagName;
    if (tag === 'A' && NOTE_BACKLINK.test(element.getAttribute('href') ?? '')) return;
    const block = BLOCKS.has(tag);
    if (block) this.flush();
    const leave = this.enter(element, tag);
    node.childNodes.forEach((child) => this.walk(child));
    if (block) this.flush();
    leave();
  }

  /** Updates the context for an element's children; returns what restores it afterwards. */
  private enter(element: Element, tag: string): () => void {
    const heading = HEADING.exec(tag);
    if (heading) {
      const outer = this.heading;
      this.heading = Number(heading[1]);
      return () => (this.heading = outer);
    }
    switch (tag) {
      case 'UL':
      case 'OL':
        this.lists.push(tag === 'OL');
        return () => this.lists.pop();
      case 'LI': {
        const kind = NOTE_ID.test(element.id) ? 'footnote' : 'item';
        const depth = Math.max(1, this.lists.length);
        this.containers.push({ container: 'item', kind, depth, ordered: this.lists.at(-1) ?? false, emitted: false });
        return () => this.containers.pop();
      }
      case 'BLOCKQUOTE':
        this.quotes++;
        return () => this.quotes--;
      case 'PRE':
        this.pre++;
        return () => this.pre--;
      case 'TABLE':
        this.tables.push({ table: this.tableCount++, row: -1, col: 0 });
        return () => this.tables.pop();
      case 'TR': {
        const table = this.tables.at(-1);
        if (table) {
          table.row++;
          table.col = 0;
        }
        return () => undefined;
      }
      case 'TD':
      case 'TH': {
        const table = this.tables.at(-1);
        if (!table) return () => undefined;
        const row = Math.max(0, table.row);
        const header = tag === 'TH';
        this.containers.push({ container: 'cell', table: table.table, row, col: table.col++, header, emitted: false });
        return () => this.containers.pop();
      }
      default:
        return () => undefined;
    }
  }

  private flush(): void {
    const raw = this.current;
    this.current = '';
    if (!raw.trim()) return;
    if (this.pre > 0) {
      for (const line of raw.split('\n')) this.out.add(line, preLine(line));
      return;
    }
    const container = this.heading ? undefined : this.containers.at(-1);
    if (this.out.add(raw.replace(/\s+/g, ' '), this.shape(container)) && container) container.emitted = true;
  }

  /** What the paragraph being flushed is, from the innermost context that says. */
  private shape(container: ItemFrame | CellFrame | undefined): BlockShape {
    if (this.heading) return { kind: 'heading', level: this.heading };
    const continued = container?.emitted ? { continued: true } : {};
    if (container?.container === 'cell') {
      const { table, row, col } = container;
      return { kind: 'cell', table, row, col, ...(container.header && { header: true }), ...continued };
    }
    if (container?.kind === 'footnote') return { kind: 'footnote', ...continued };
    if (container) {
      return { kind: 'item', level: container.depth, ...(container.ordered && { ordered: true }), ...continued };
    }
    if (this.quotes > 0) return { kind: 'quote' };
    return null;
  }
}

function preLine(line: string): BlockShape {
  const lead = /^[ \t]*/.exec(line)![0];
  const indent = Math.min(MAX_INDENT, lead.length + (TAB_WIDTH - 1) * (lead.split('\t').length - 1));
  return indent ? { kind: 'pre', indent } : { kind: 'pre' };
}
