// A PDF document in the reader: its pages (pdf.js) or its text, with a toggle between them. The text view is
// the ordinary reader; highlights made in either view are the same passages of the same canonical text.
import { useState, type ReactNode } from 'react';
import type { DocumentFull } from '../../shared/types';
import { useCommands } from '../commands/useCommands';
import { PdfPageView } from './PdfPageView';
import './pdf.css';

type View = 'pages' | 'text';
/** The view last chosen, for the rest of the session: switching documents keeps it. */
let lastView: View = 'pages';

export function PdfReader({ doc, textView }: { doc: DocumentFull; textView: ReactNode }) {
  const [view, setView] = useState<View>(lastView);
  const choose = (next: View) => {
    lastView = next;
    setView(next);
  };
  useCommands([
    {
      id: 'reader.togglePdfView',
      label: 'Switch between the PDF’s pages and its text',
      category: 'Reader',
      keys: ['P'],
      run: () => choose(view === 'pages' ? 'text' : 'pages'),
    },
  ]);
  return (
    <div className="pdf-reader">
      <div className="pdf-view-toggle" role="radiogroup" aria-label="PDF view">
        {(['pages', 'text'] as const).map((v) => (
          <button
            key={v}
            type="button"
            role="radio"
            aria-checked={view === v}
            className={view === v ? 'active' : ''}
            onClick={() => choose(v)}
            title="Switch view (P)"
          >
            {v === 'pages' ? 'Pages' : 'Text'}
          </button>
        ))}
      </div>
      <div className="pdf-reader-body">{view === 'pages' ? <PdfPageView doc={doc} /> : textView}</div>
    </div>
  );
}
