// pdf.js in the renderer, with its worker bundled by Vite and served from the app's own origin: CSP's
// script-src 'self' covers the worker (worker-src falls back to it), so the policy needs no change.
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

export type PdfDocument = pdfjs.PDFDocumentProxy;
export type PdfPage = pdfjs.PDFPageProxy;
export type PageViewport = pdfjs.PageViewport;

/** Opens a PDF's bytes without running script from it, evaluating code or fetching anything. */
export function openPdf(bytes: Uint8Array): Promise<PdfDocument> {
  return pdfjs.getDocument({ data: bytes, isEvalSupported: false, enableXfa: false, verbosity: 0 }).promise;
}

/** Draws a page's text layer (transparent, selectable text over the canvas) and returns its spans in order. */
export async function renderTextLayer(
  page: PdfPage,
  container: HTMLElement,
  viewport: pdfjs.PageViewport,
): Promise<{ spans: HTMLElement[]; texts: string[] }> {
  const layer = new pdfjs.TextLayer({ textContentSource: page.streamTextContent(), container, viewport });
  await layer.render();
  return { spans: layer.textDivs as HTMLElement[], texts: layer.textContentItemsStr };
}
