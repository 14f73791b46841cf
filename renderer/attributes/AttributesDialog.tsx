// The project's attributes: define (text, number, date, yes/no, one of a list), remove, and import values from a
// CSV with a preview of what each row would do and why a row cannot be imported.
import { useState } from 'react';
import type { AttributeCsvReport, AttributeKind } from '../../shared/types';
import { useWorkbench } from '../app/workbench';
import { AttributeEditor } from './AttributeEditor';
import './attributes.css';
import { useAttributeDefinitions } from './useAttributes';

const KINDS: { id: AttributeKind; label: string }[] = [
  { id: 'text', label: 'Text' },
  { id: 'number', label: 'Number' },
  { id: 'date', label: 'Date' },
  { id: 'boolean', label: 'Yes / no' },
  { id: 'choice', label: 'One of a list' },
];

export function AttributesDialog({ onClose }: { onClose(): void }) {
  const wb = useWorkbench();
  const definitions = useAttributeDefinitions();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<AttributeKind>('text');
  const [choices, setChoices] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const define = async () => {
    try {
      const list = choices
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean);
      await wb.client['attributes.define']({ name, kind, ...(kind === 'choice' && { choices: list }) });
      setName('');
      setChoices('');
      setError(null);
      wb.setStatus(`Attribute “${name}” defined.`);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const remove = async (id: number, label: string) => {
    if (!window.confirm(`Remove the attribute “${label}” and every document's value of it? (Ctrl+Z brings it back.)`))
      return;
    try {
      await wb.client['attributes.deleteDefinition']({ id });
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="modal-backdrop" role="presentation" onClick={onClose}>
      <div
        className="modal attributes-dialog"
        role="dialog"
        aria-label="Document attributes"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
      >
        <header>
          <h2>Document attributes</h2>
          <button type="button" className="link-button" onClick={onClose}>
            Close
          </button>
        </header>
        <p className="muted">
          Variables every document can carry — the outlet type, a country, a date — to filter the library, themes,
          search and retrieval, and to compare tags across them.
        </p>
        {definitions.length > 0 && (
          <table className="attribute-table">
            <thead>
              <tr>
                <th>Attribute</th>
                <th>Type</th>
                <th>Documents</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {definitions.map((d) =>
                editing === d.id ? (
                  <tr key={d.id} className="editing">
                    <td colSpan={4}>
                      <AttributeEditor definition={d} onDone={() => setEditing(null)} />
                    </td>
                  </tr>
                ) : (
                  <tr key={d.id}>
                    <td>{d.name}</td>
                    <td>
                      {KINDS.find((k) => k.id === d.kind)?.label}
                      {d.kind === 'choice' && <span className="muted"> ({d.choices.join(', ')})</span>}
                    </td>
                    <td>{d.documentCount}</td>
                    <td>
                      <span className="attribute-actions">
                        <button
                          type="button"
                          className="link-button"
                          aria-label={`Edit ${d.name}`}
                          onClick={() => setEditing(d.id)}
                        >
                          {d.kind === 'choice' ? 'Rename / choices…' : 'Rename…'}
                        </button>
                        <button type="button" className="link-button danger" onClick={() => void remove(d.id, d.name)}>
                          Remove
                        </button>
                      </span>
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        )}
        <form
          className="attribute-define"
          aria-label="New attribute"
          onSubmit={(e) => {
            e.preventDefault();
            void define();
          }}
        >
          <label>
            Name
            <input value={name} onChange={(e) => setName(e.target.value)} placeholder="Outlet type" />
          </label>
          <label>
            Type
            <select value={kind} onChange={(e) => setKind(e.target.value as AttributeKind)}>
              {KINDS.map((k) => (
                <option key={k.id} value={k.id}>
                  {k.label}
                </option>
              ))}
            </select>
          </label>
          {kind === 'choice' && (
            <label>
              Choices (comma-separated)
              <input value={choices} onChange={(e) => setChoices(e.target.value)} placeholder="State, Private" />
            </label>
          )}
          <button type="submit" className="primary" disabled={!name.trim()}>
            Add attribute
          </button>
        </form>
        {error && <p className="error">{error}</p>}
        <CsvImport />
      </div>
    </div>
  );
}

function CsvImport() {
  const wb = useWorkbench();
  const [csv, setCsv] = useState<{ name: string; text: string } | null>(null);
  const [report, setReport] = useState<AttributeCsvReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const preview = async (file: File | undefined) => {
    if (!file) return;
    const text = await file.text();
    setCsv({ name: file.name, text });
    setError(null);
    try {
      setReport(await wb.client['attributes.importCsv']({ csv: text, apply: false }));
    } catch (e) {
      setReport(null);
      setError((e as Error).message);
    }
  };
  const apply = async () => {
    if (!csv || !report) return;
    try {
      const done = await wb.client['attributes.importCsv']({ csv: csv.text, apply: true, skipInvalid: true });
      wb.setStatus(`Imported ${done.written} attribute values from ${csv.name}. Ctrl+Z undoes the import.`);
      setReport(null);
      setCsv(null);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const bad = report?.rows.filter((r) => r.errors.length > 0).length ?? 0;
  const good = (report?.rows.length ?? 0) - bad;
  return (
    <section className="csv-import" aria-label="Import attributes from CSV">
      <h3>Import values from a CSV</h3>
      <p className="muted">
        First column <code>file</code> (the imported file's name) or <code>title</code>; one column per attribute. Empty
        cells leave a value as it is; new columns become text attributes.
      </p>
      <input
        type="file"
        accept=".csv,text/csv"
        aria-label="Attribute CSV"
        onChange={(e) => {
          void preview(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      {error && <p className="error">{error}</p>}
      {report && (
        <>
          <p>
            {csv?.name}: {good} row{good === 1 ? '' : 's'} ready
            {bad > 0 && <span className="error-text">, {bad} with errors (left out)</span>}
            {report.newAttributes.length > 0 && <>; new attributes: {report.newAttributes.join(', ')}</>}.
          </p>
          <div className="table-scroll csv-preview">
            <table>
              <thead>
                <tr>
                  <th>Line</th>
                  <th>Document</th>
                  {report.columns.map((c) => (
                    <th key={c}>{c}</th>
                  ))}
                  <th>Problems</th>
                </tr>
              </thead>
              <tbody>
                {report.rows.slice(0, 200).map((r) => (
                  <tr key={r.line} className={r.errors.length ? 'bad-row' : ''}>
                    <td>{r.line}</td>
                    <td>{r.documentTitle ?? r.key}</td>
                    {report.columns.map((c) => (
                      <td key={c}>{r.values[c] ?? ''}</td>
                    ))}
                    <td>{r.errors.map((e) => e.message).join(' ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="metadata-actions">
            <button type="button" onClick={() => setReport(null)}>
              Cancel
            </button>
            <button type="button" className="primary" disabled={good === 0} onClick={() => void apply()}>
              Import {good} row{good === 1 ? '' : 's'}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
