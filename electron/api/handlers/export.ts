import { GlossError } from '../../../shared/api.js';
import type { ExportedFile } from '../../../shared/types.js';
import { getMemo, memoTitles } from '../../db/memos.js';
import { annotationsToCsv, annotationsToW3c } from '../../export/annotations.js';
import { memoToDocx } from '../../export/docx.js';
import { memoToHtml } from '../../export/html.js';
import { memoToMarkdown } from '../../export/markdown.js';
import { buildMemoModel, citationIds, citedRanges, memoLinkIds, safeFileName } from '../../export/model.js';
import { resolveCitations, resolveRanges } from '../../memo/citations.js';
import type { JsonNode } from '../../memo/draft.js';
import type { Workspace } from '../../project/workspace.js';
import { found } from '../errors.js';
import type { HandlerGroup } from '../types.js';

/** What export needs from its host: Electron's printToPDF, or headless Chromium in browser mode. */
export interface ExportServices {
  htmlToPdf?: (html: string) => Promise<Buffer>;
}

const MIME = {
  md: 'text/markdown;charset=utf-8',
  html: 'text/html;charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

export function exportHandlers(
  ws: Workspace,
  services: ExportServices = {},
): HandlerGroup<'export.memo' | 'export.annotations'> {
  const db = () => ws.project.db;
  return {
    'export.memo': async ({ memoId, format }) => {
      const d = db();
      const memo = found(getMemo(d, memoId), 'memo', memoId);
      const root = JSON.parse(memo.content) as JsonNode;
      const model = buildMemoModel(
        memo.title,
        memo.content,
        resolveCitations(d, citationIds(root)),
        memoTitles(d, memoLinkIds(root)),
        resolveRanges(d, citedRanges(root)),
      );
      const content = await render(format, model, services);
      return file(`${safeFileName(memo.title)}.${format}`, MIME[format], content);
    },
    'export.annotations': ({ format }) =>
      format === 'csv'
        ? file('gloss-highlights.csv', 'text/csv;charset=utf-8', annotationsToCsv(db()))
        : file('gloss-annotations.jsonld', 'application/ld+json', annotationsToW3c(db())),
  };
}

async function render(
  format: keyof typeof MIME,
  model: ReturnType<typeof buildMemoModel>,
  services: ExportServices,
): Promise<string | Buffer> {
  if (format === 'md') return memoToMarkdown(model);
  if (format === 'html') return memoToHtml(model);
  if (format === 'docx') return memoToDocx(model);
  if (!services.htmlToPdf)
    throw new GlossError(
      'internal',
      'PDF export is not available here: no PDF printer (Electron or Chromium) was found.',
    );
  return services.htmlToPdf(memoToHtml(model));
}

function file(fileName: string, mimeType: string, content: string | Buffer): ExportedFile {
  return {
    fileName,
    mimeType,
    base64: (typeof content === 'string' ? Buffer.from(content, 'utf8') : content).toString('base64'),
  };
}
