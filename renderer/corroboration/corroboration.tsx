// Corroboration in the reader's margin: a badge on each passage ("reported by 3 outlets"), and for the selected
// passage the matching passages of other documents, by outlet, best first, copies marked apart.
import { useState } from 'react';
import type { CitationCorroboration, Corroboration, SentenceCorroboration } from '../../shared/types';
import { useApi } from '../app/useApi';
import { useWorkbench } from '../app/workbench';
import { useCorroborationCount } from './counts';
import './corroboration.css';

/** "reported by 3 outlets · 1 copy": the passage's own outlet counts as one. */
export function reportedByLabel(c: Pick<CitationCorroboration, 'outlets' | 'copies'>): string {
  const outlets = c.outlets.length + 1;
  const copies = c.copies.length ? ` · ${c.copies.length} cop${c.copies.length === 1 ? 'y' : 'ies'}` : '';
  return outlets === 1 && !copies ? 'single source' : `reported by ${outlets} outlets${copies}`;
}

export function ReportedBy({ corroboration }: { corroboration: CitationCorroboration | null | undefined }) {
  if (!corroboration) return null;
  const single = corroboration.outlets.length === 0 && corroboration.copies.length === 0;
  const title = [
    corroboration.outlets.length ? `Also reported by: ${corroboration.outlets.join('; ')}` : '',
    corroboration.copies.length ? `Near-verbatim copies in: ${corroboration.copies.join('; ')}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  return (
    <span
      className={`reported-by${single ? ' single' : ''}`}
      title={title || 'No other document in the project states this'}
    >
      {reportedByLabel(corroboration)}
    </span>
  );
}

export function PassageReportedBy({ highlightId }: { highlightId: number }) {
  return <ReportedBy corroboration={useCorroborationCount(highlightId)} />;
}

/** "Who else reports this?" — asked for, not fetched with every selection. */
export function OtherSources({ highlightId }: { highlightId: number }) {
  const [open, setOpen] = useState(false);
  if (open) return <CorroborationDetail highlightId={highlightId} />;
  return (
    <button type="button" className="link-button" onClick={() => setOpen(true)}>
      Who else reports this?
    </button>
  );
}

/** The other documents stating what the passage states, grouped by outlet. */
function CorroborationDetail({ highlightId }: { highlightId: number }) {
  const wb = useWorkbench();
  const found = useApi<Corroboration>(() => wb.client['corroboration.forPassage']({ highlightId }), [highlightId]);
  if (found.error) return <p className="error">{found.error}</p>;
  if (!found.data) return <p className="muted">Looking for other sources…</p>;
  if (found.data.sources.length === 0)
    return <p className="muted corroboration-none">No other document in the project states this.</p>;
  return (
    <div className="corroboration" aria-label="Other sources">
      {found.data.sources.map((s) => (
        <section key={s.source} className={`corroboration-source${s.copy ? ' copy' : ''}`}>
          <h4>
            {s.source}
            {s.copy ? <span className="copy-flag">near-verbatim copy</span> : null}
          </h4>
          {s.matches.slice(0, 3).map((m) => (
            <button
              key={`${m.documentId}:${m.start}`}
              type="button"
              className="corroboration-match"
              title={`Shared terms: ${m.sharedTerms.join(', ')}`}
              onClick={() => wb.openDocument(m.documentId, { start: m.start, end: m.end })}
            >
              <span className="similarity">{Math.round(m.similarity * 100)}%</span> {m.text}
              {m.copy && !s.copy ? <span className="copy-flag">copy</span> : null}
            </button>
          ))}
        </section>
      ))}
    </div>
  );
}

/** Every sentence of the open document and who else reports it, on request (it queries each sentence). */
export function DocumentCorroboration({ documentId }: { documentId: number }) {
  const wb = useWorkbench();
  const [sentences, setSentences] = useState<SentenceCorroboration[] | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      setSentences(await wb.client['corroboration.forDocument']({ documentId }));
    } catch (error) {
      wb.setStatus(`Could not corroborate the document: ${(error as Error).message}`, true);
    } finally {
      setBusy(false);
    }
  };
  if (!sentences)
    return (
      <button type="button" className="link-button" disabled={busy} onClick={() => void run()}>
        {busy ? 'Comparing every sentence…' : 'Corroborate every sentence'}
      </button>
    );
  const single = sentences.filter((s) => s.outlets.length === 0 && s.copies.length === 0).length;
  return (
    <div className="document-corroboration">
      <p className="muted">
        {sentences.length - single} of {sentences.length} claims are reported elsewhere; {single} single-sourced.
      </p>
      <ol>
        {sentences.map((s) => (
          <li key={s.start}>
            <button
              type="button"
              className="link-button"
              onClick={() => wb.openDocument(documentId, { start: s.start, end: s.end })}
            >
              {s.text}
            </button>{' '}
            <ReportedBy corroboration={s} />
          </li>
        ))}
      </ol>
    </div>
  );
}
