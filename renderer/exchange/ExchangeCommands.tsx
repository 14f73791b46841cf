// REFI-QDA exchange in the UI: File commands to import a .qdpx or .qdc and to export the project or codebook, and
// the import report (what came in, what could not be carried, per kind). Mounted once by the App.
import { useEffect, useRef, useState } from 'react';
import type { ExchangeReport } from '../../shared/types';
import { saveFile } from '../app/saveFile';
import { useWorkbench } from '../app/workbench';
import { useCommands } from '../commands/useCommands';
import { fileToBase64 } from '../library/importFiles';
import './exchange.css';
import { onExchangeImport } from './exchangeRequests';
import { formatCount } from '../app/format';

type Outcome = { report: ExchangeReport } | { fileName: string; refusal: string };

export function ExchangeCommands() {
  const wb = useWorkbench();
  const projectInput = useRef<HTMLInputElement>(null);
  const codebookInput = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const importFile = async (file: File | undefined, kind: 'importProject' | 'importCodebook') => {
    if (!file) return;
    setBusy(file.name);
    try {
      const report = await wb.client[`exchange.${kind}`]({ fileName: file.name, base64: await fileToBase64(file) });
      setOutcome({ report });
    } catch (error) {
      setOutcome({ fileName: file.name, refusal: (error as Error).message });
    } finally {
      setBusy(null);
    }
  };
  const exportFile = async (what: 'exportProject' | 'exportCodebook') => {
    try {
      const file = await wb.client[`exchange.${what}`]({});
      saveFile(file);
      wb.setStatus(`Exported ${file.fileName}.`);
    } catch (error) {
      wb.setStatus(`Could not export: ${(error as Error).message}`, true);
    }
  };

  const importRef = useRef(importFile);
  importRef.current = importFile;
  useEffect(
    () =>
      onExchangeImport(
        (file) => void importRef.current(file, /\.qdc$/i.test(file.name) ? 'importCodebook' : 'importProject'),
      ),
    [],
  );

  useCommands([
    {
      id: 'exchange.importProject',
      label: 'Import REFI-QDA project (.qdpx)…',
      category: 'File',
      run: () => projectInput.current?.click(),
    },
    {
      id: 'exchange.importCodebook',
      label: 'Import REFI-QDA codebook (.qdc)…',
      category: 'File',
      run: () => codebookInput.current?.click(),
    },
    {
      id: 'exchange.exportProject',
      label: 'Export REFI-QDA project (.qdpx)…',
      category: 'File',
      run: () => exportFile('exportProject'),
    },
    {
      id: 'exchange.exportCodebook',
      label: 'Export REFI-QDA codebook (.qdc)…',
      category: 'File',
      run: () => exportFile('exportCodebook'),
    },
  ]);

  return (
    <>
      <input
        ref={projectInput}
        type="file"
        hidden
        aria-label="Import REFI-QDA project"
        accept=".qdpx"
        onChange={(e) => {
          void importFile(e.target.files?.[0], 'importProject');
          e.target.value = '';
        }}
      />
      <input
        ref={codebookInput}
        type="file"
        hidden
        aria-label="Import REFI-QDA codebook"
        accept=".qdc"
        onChange={(e) => {
          void importFile(e.target.files?.[0], 'importCodebook');
          e.target.value = '';
        }}
      />
      {busy && (
        <div className="exchange-busy" role="status">
          Importing {busy}…
        </div>
      )}
      {outcome && <ImportReportDialog outcome={outcome} onClose={() => setOutcome(null)} />}
    </>
  );
}

function ImportReportDialog({ outcome, onClose }: { outcome: Outcome; onClose(): void }) {
  const refused = 'refusal' in outcome;
  const title = refused ? `Could not import ${outcome.fileName}` : `Imported ${outcome.report.fileName}`;
  return (
    <div className="exchange-backdrop" onClick={onClose}>
      <div
        className="exchange-report"
        role="dialog"
        aria-modal="true"
        aria-label="Import report"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
        }}
      >
        <h2>{title}</h2>
        {refused ? <Refusal message={outcome.refusal} /> : <Report report={outcome.report} />}
        <div className="exchange-actions">
          <button type="button" autoFocus onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}

function Refusal({ message }: { message: string }) {
  return (
    <>
      <p className="exchange-refusal">{message}</p>
      <p className="muted">Nothing was written to the project.</p>
    </>
  );
}

function Report({ report }: { report: ExchangeReport }) {
  return (
    <>
      {report.origin && <p className="muted">Written by {report.origin}. Ctrl+Z undoes the whole import.</p>}
      <div className="exchange-columns">
        <Counts caption="What came in" counts={report.imported} empty="Nothing." />
        <Counts caption="What could not be carried" counts={report.notCarried} empty="Nothing was left behind." />
      </div>
      <p className={report.quoteMismatches ? 'exchange-warning' : 'muted'}>
        {report.quoteMismatches
          ? `${report.quoteMismatches} passages differ from the text the file recorded for them.`
          : 'Every passage matches the text at its positions.'}
      </p>
      {report.warnings.length > 0 && (
        <ul className="exchange-warnings" aria-label="Warnings">
          {report.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </>
  );
}

function Counts({ caption, counts, empty }: { caption: string; counts: ExchangeReport['imported']; empty: string }) {
  return (
    <table className="exchange-counts">
      <caption>{caption}</caption>
      <tbody>
        {counts.length === 0 && (
          <tr>
            <td className="muted">{empty}</td>
          </tr>
        )}
        {counts.map((c) => (
          <tr key={c.kind}>
            <td>{c.kind}</td>
            <td className="count">{formatCount(c.count)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
