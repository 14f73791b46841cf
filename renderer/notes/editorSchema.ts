// What the rich-text editor can edit, and a check of stored content against it. A note written by another tool
// or a newer Gloss may hold nodes or marks this editor does not know; tiptap would drop the whole document as
// invalid and the first keystroke would autosave the empty editor over the note. Such content is shown
// read-only instead, with what could not be understood named.
import { getSchema, type Extensions, type JSONContent } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';

export const baseExtensions: Extensions = [
  StarterKit.configure({
    heading: { levels: [1, 2, 3] },
    link: { openOnClick: false, autolink: true, protocols: ['http', 'https', 'mailto'], defaultProtocol: 'https' },
  }),
];

const UNREADABLE = 'This note could not be read as formatted text';

export interface ContentCheck {
  /** What to show: the stored document, or for read-only content a copy reduced to what the editor knows. */
  display: JSONContent | string;
  /** Why the content may not be edited, for the notice; null when it may. */
  readOnlyReason: string | null;
}

/** Node and mark types in `json` that the schema built from `extensions` does not define, sorted, once each. */
export function unknownContentTypes(json: unknown, extensions: Extensions): string[] {
  const schema = getSchema(extensions);
  const unknown = new Set<string>();
  walk(json, (node) => {
    if (typeof node.type === 'string' && !schema.nodes[node.type]) unknown.add(node.type);
    for (const mark of marksOf(node)) {
      if (typeof mark.type === 'string' && !schema.marks[mark.type]) unknown.add(mark.type);
    }
  });
  return [...unknown].sort();
}

export function checkContent(content: string | null, extensions: Extensions): ContentCheck {
  if (!content) return { display: '', readOnlyReason: null };
  const json = parseJson(content);
  if (!isNode(json)) return { display: plainDocument(content), readOnlyReason: UNREADABLE };
  const unknown = unknownContentTypes(json, extensions);
  if (unknown.length > 0) {
    return {
      display: knownOnly(json, extensions),
      readOnlyReason: `This note contains formatting Gloss cannot edit (${unknown.join(', ')})`,
    };
  }
  if (!isValidDocument(json, extensions)) {
    return { display: knownOnly(json, extensions), readOnlyReason: 'This note is arranged in a way Gloss cannot edit' };
  }
  return { display: json, readOnlyReason: null };
}

export function readOnlyNotice(reason: string): string {
  return `${reason}; it is shown read-only so nothing is lost.`;
}

function isValidDocument(json: JSONContent, extensions: Extensions): boolean {
  try {
    getSchema(extensions).nodeFromJSON(json).check();
    return true;
  } catch {
    return false;
  }
}

/** A display copy: unknown marks dropped (their text kept), unknown nodes replaced by their children. */
function knownOnly(json: JSONContent, extensions: Extensions): JSONContent {
  const schema = getSchema(extensions);
  const reduce = (node: JSONContent): JSONContent[] => {
    const children = (node.content ?? []).flatMap(reduce);
    if (!node.type || !schema.nodes[node.type]) return children;
    const marks = node.marks?.filter((m) => schema.marks[m.type]);
    return [{ ...node, ...(node.content ? { content: children } : {}), ...(node.marks ? { marks } : {}) }];
  };
  return { type: 'doc', content: wrapLooseInline((json.content ?? []).flatMap(reduce), extensions) };
}

/** Text left at the top level by an unknown block node goes into paragraphs, as a document needs blocks. */
function wrapLooseInline(nodes: JSONContent[], extensions: Extensions): JSONContent[] {
  const schema = getSchema(extensions);
  const blocks: JSONContent[] = [];
  for (const node of nodes) {
    const inline = node.type === 'text' || Boolean(node.type && schema.nodes[node.type]?.isInline);
    const last = blocks.at(-1);
    if (!inline) blocks.push(node);
    else if (last?.type === 'paragraph' && last.attrs?.loose) last.content!.push(node);
    else blocks.push({ type: 'paragraph', attrs: { loose: true }, content: [node] });
  }
  return blocks.map((b) => (b.attrs?.loose ? { type: 'paragraph', content: b.content } : b));
}

function plainDocument(text: string): JSONContent {
  return { type: 'doc', content: [{ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] }] };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isNode(value: unknown): value is JSONContent {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return typeof (value as JSONContent).type === 'string';
}

function marksOf(node: JSONContent): { type?: unknown }[] {
  const marks: unknown = node.marks;
  return Array.isArray(marks) ? marks.filter((m): m is { type?: unknown } => typeof m === 'object' && m !== null) : [];
}

function walk(value: unknown, visit: (node: JSONContent) => void): void {
  if (typeof value !== 'object' || value === null) return;
  const node = value as JSONContent;
  visit(node);
  if (Array.isArray(node.content)) for (const child of node.content) walk(child, visit);
}
