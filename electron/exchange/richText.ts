// Notes and memos are tiptap JSON in Gloss and plain text in REFI-QDA: one paragraph per line each way.
interface JsonNode {
  type?: string;
  text?: string;
  attrs?: Record<string, unknown>;
  content?: JsonNode[];
}

export function plainTextDoc(text: string): string {
  const paragraphs = text
    .split('\n')
    .map((line) => (line ? { type: 'paragraph', content: [{ type: 'text', text: line }] } : { type: 'paragraph' }));
  return JSON.stringify({ type: 'doc', content: paragraphs.length ? paragraphs : [{ type: 'paragraph' }] });
}

/** Blocks become lines; a citation becomes its quote in quotation marks. */
export function docToPlainText(json: string): string {
  let root: JsonNode;
  try {
    root = JSON.parse(json) as JsonNode;
  } catch {
    return '';
  }
  return (root.content ?? []).map(blockText).join('\n');
}

function blockText(node: JsonNode): string {
  if (node.type === 'citation') return `“${String(node.attrs?.quote ?? '')}”`;
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  const inner = node.content ?? [];
  const isBlockList = inner.some((n) => n.type !== 'text' && n.type !== 'hardBreak');
  return inner.map(blockText).join(isBlockList ? '\n' : '');
}
