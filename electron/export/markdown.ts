// Memo → Markdown, citations as block quotes with footnotes ([^n]) naming outlet, title, date and quote.
import type { JsonNode } from '../memo/draft.js';
import { sourceLine, type MemoModel } from './model.js';

export function memoToMarkdown(model: MemoModel): string {
  const body = model.blocks.map((b) => block(b, model)).filter((s) => s !== '').join('\n\n');
  const notes = model.footnotes.map((f) => `[^${f.number}]: ${sourceLine(f)}. “${oneLine(f.quote)}”`).join('\n');
  return `${body}\n${notes ? `\n${notes}\n` : ''}`;
}

function block(node: JsonNode, model: MemoModel, indent = ''): string {
  switch (node.type) {
    case 'heading': return `${'#'.repeat(Number(node.attrs?.level ?? 1))} ${inline(node)}`;
    case 'paragraph': return indent + inline(node);
    case 'blockquote': return (node.content ?? []).map((c) => block(c, model)).join('\n\n').split('\n').map((l) => `> ${l}`.trimEnd()).join('\n');
    case 'bulletList': return list(node, model, () => '- ', indent);
    case 'orderedList': return list(node, model, (i) => `${Number(node.attrs?.start ?? 1) + i}. `, indent);
    case 'codeBlock': return `\`\`\`\n${(node.content ?? []).map((c) => c.text ?? '').join('')}\n\`\`\``;
    case 'horizontalRule': return '---';
    case 'citation': {
      const f = model.footnoteFor.get(node)!;
      return `> ${escapeMd(oneLine(f.quote))}[^${f.number}]`;
    }
    default: return inline(node);
  }
}

function list(node: JsonNode, model: MemoModel, bullet: (i: number) => string, indent: string): string {
  return (node.content ?? []).map((item, i) => {
    const [first, ...rest] = item.content ?? [];
    const head = `${indent}${bullet(i)}${first ? block(first, model).trimStart() : ''}`;
    const tail = rest.map((c) => block(c, model, `${indent}  `)).join('\n');
    return tail ? `${head}\n${tail}` : head;
  }).join('\n');
}

function inline(node: JsonNode): string {
  return (node.content ?? []).map((child) => {
    if (child.type === 'hardBreak') return '  \n';
    if (child.type !== 'text') return inline(child);
    let text = escapeMd(child.text ?? '');
    for (const mark of child.marks ?? []) {
      if (mark.type === 'bold') text = `**${text}**`;
      else if (mark.type === 'italic') text = `*${text}*`;
      else if (mark.type === 'strike') text = `~~${text}~~`;
      else if (mark.type === 'code') text = `\`${child.text}\``;
      else if (mark.type === 'link' && typeof mark.attrs?.href === 'string') text = `[${text}](${mark.attrs.href.replace(/\)/g, '%29')})`;
    }
    return text;
  }).join('');
}

function escapeMd(text: string): string {
  return text.replace(/([\\`*_[\]<>])/g, '\\$1');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
