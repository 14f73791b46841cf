// Memo → standalone HTML: inline styles only, a CSP that forbids script, citations as block quotes with endnotes.
import type { JsonNode } from '../memo/draft.js';
import {
  chartOf,
  evidenceCaption,
  evidenceCellText,
  evidenceOf,
  memoLinkText,
  regionImage,
  sourceLine,
  type MemoModel,
} from './model.js';

const STYLE = `body{font:16px/1.6 Georgia,"DejaVu Serif",serif;color:#222;max-width:42em;margin:2em auto;padding:0 1em}
h1,h2,h3{font-family:system-ui,"DejaVu Sans",sans-serif;line-height:1.25}blockquote{margin:1em 0;padding:.2em 1em;border-left:3px solid #c9a227;color:#333}
blockquote.citation{background:#faf6e8}sup a{text-decoration:none}.footnotes{font-size:.85em;border-top:1px solid #ccc;margin-top:2em}
.deleted{color:#a33}table.evidence{border-collapse:collapse;font:13px/1.4 system-ui,"DejaVu Sans",sans-serif;margin:1em 0}
table.evidence th,table.evidence td{border:1px solid #bbb;padding:.3em .5em;vertical-align:top}table.evidence td.grade{text-align:center;white-space:nowrap}table.evidence tbody th{text-align:left;font-weight:normal}
table.evidence caption{caption-side:bottom;text-align:left;font-size:.85em;color:#555;padding-top:.4em}
figure.chart{margin:1em 0}figure.chart img{max-width:100%;height:auto}figure.chart figcaption{font-size:.85em;color:#555}`;

export function memoToHtml(model: MemoModel): string {
  const body = model.blocks.map((b) => block(b, model)).join('\n');
  const notes = model.footnotes
    .map(
      (f) =>
        `<li id="fn${f.number}">${esc(sourceLine(f))}. “${esc(f.quote)}” <a href="#ref${f.number}" aria-label="back">↩</a></li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(model.title)}</title><style>${STYLE}</style></head>
<body>
${body}
${notes ? `<section class="footnotes"><h2>Sources</h2><ol>\n${notes}\n</ol></section>` : ''}
</body></html>
`;
}

function block(node: JsonNode, model: MemoModel): string {
  const children = () => (node.content ?? []).map((c) => block(c, model)).join('');
  switch (node.type) {
    case 'heading': {
      const level = Math.min(6, Math.max(1, Number(node.attrs?.level ?? 1)));
      return `<h${level}>${inline(node, model)}</h${level}>`;
    }
    case 'paragraph':
      return `<p>${inline(node, model)}</p>`;
    case 'blockquote':
      return `<blockquote>${children()}</blockquote>`;
    case 'bulletList':
      return `<ul>${children()}</ul>`;
    case 'orderedList':
      return `<ol>${children()}</ol>`;
    case 'listItem':
      return `<li>${children()}</li>`;
    case 'codeBlock':
      return `<pre><code>${esc((node.content ?? []).map((c) => c.text ?? '').join(''))}</code></pre>`;
    case 'horizontalRule':
      return '<hr>';
    case 'citation': {
      const f = model.footnoteFor.get(node)!;
      const image = regionImage(f);
      const figure = image
        ? `<img src="data:image/png;base64,${image.png.toString('base64')}" alt="Region on page ${image.page}" style="max-width:100%;height:auto;display:block;margin:.4em 0">`
        : '';
      return `<blockquote class="citation${f.deleted ? ' deleted' : ''}">${figure}<p>${esc(f.quote)}<sup id="ref${f.number}"><a href="#fn${f.number}">${f.number}</a></sup></p></blockquote>`;
    }
    case 'evidenceTable':
      return evidenceTable(node);
    case 'chartImage': {
      const chart = chartOf(node);
      if (!chart) return '';
      return `<figure class="chart"><img src="data:image/png;base64,${chart.base64}" width="${chart.width}" height="${chart.height}" alt="${esc(chart.caption)}"><figcaption>Figure: ${esc(chart.caption)}</figcaption></figure>`;
    }
    default:
      return inline(node, model);
  }
}

function evidenceTable(node: JsonNode): string {
  const t = evidenceOf(node);
  if (!t) return '';
  const head = ['Claim', ...t.sources].map((h) => `<th scope="col">${esc(String(h))}</th>`).join('');
  const rows = t.rows
    .map(
      (r) =>
        `<tr><th scope="row">${esc(r.claim)}</th>${t.sources
          .map((_, i) => `<td class="grade">${esc(evidenceCellText(r.cells[i]))}</td>`)
          .join('')}</tr>`,
    )
    .join('');
  return `<table class="evidence"><caption>${esc(evidenceCaption(t))}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

function inline(node: JsonNode, model: MemoModel): string {
  return (node.content ?? [])
    .map((child) => {
      if (child.type === 'hardBreak') return '<br>';
      if (child.type === 'memoLink') return `<cite class="memo-link">${esc(memoLinkText(child, model))}</cite>`;
      if (child.type !== 'text') return inline(child, model);
      let html = esc(child.text ?? '');
      for (const mark of child.marks ?? []) {
        if (mark.type === 'bold') html = `<strong>${html}</strong>`;
        else if (mark.type === 'italic') html = `<em>${html}</em>`;
        else if (mark.type === 'strike') html = `<s>${html}</s>`;
        else if (mark.type === 'code') html = `<code>${html}</code>`;
        else if (mark.type === 'link' && isSafeUrl(mark.attrs?.href))
          html = `<a href="${esc(String(mark.attrs!.href))}">${html}</a>`;
      }
      return html;
    })
    .join('');
}

function isSafeUrl(href: unknown): boolean {
  return typeof href === 'string' && /^(https?:|mailto:)/i.test(href.trim());
}

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
