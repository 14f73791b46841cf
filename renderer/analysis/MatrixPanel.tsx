// Tag × document, tag × attribute value and tag × tag matrices: counts with heat-map shading; a click on a cell
// lists the passages it counts (the same retrieval, so the list and the number always agree).
import { useMemo, useState } from 'react';
import type {
  AnalysisMatrix,
  AttributeFilter,
  MatrixColumn,
  MatrixColumns,
  RetrievalQuery,
  Tag,
} from '../../shared/types';
import { saveFile } from '../app/saveFile';
import { useApi } from '../app/useApi';
import { useWorkbench } from '../app/workbench';
import { AttributeFilterPicker } from '../attributes/AttributeFilterPicker';
import { useAttributeDefinitions, useAttributeValuesVersion } from '../attributes/useAttributes';
import { useCodingVersion } from './codingVersion';
import { SegmentList } from './SegmentList';

/** Columns drawn on screen at most (a matrix over 10,000 documents is exported, not read). */
const MAX_COLUMNS = 150;

export type ColumnChoice = 'documents' | 'tags' | `attribute:${string}`;

export function columnsOf(choice: ColumnChoice): MatrixColumns {
  if (choice === 'documents') return { kind: 'documents' };
  if (choice === 'tags') return { kind: 'tags' };
  return { kind: 'attribute', name: choice.slice('attribute:'.length) };
}

/** The matrix for the chosen columns, re-read when coding or attribute values change. */
export function useMatrix(choice: ColumnChoice, includeChildren: boolean, attribute: AttributeFilter | null) {
  const wb = useWorkbench();
  const coding = useCodingVersion();
  const values = useAttributeValuesVersion();
  const args = useMemo(
    () => ({ columns: columnsOf(choice), includeChildren, ...(attribute && { attributes: [attribute] }) }),
    [choice, includeChildren, attribute],
  );
  const matrix = useApi(() => wb.client['analysis.matrix'](args), [args, coding, values]);
  return { matrix, args };
}

export function ColumnPicker({ value, onChange }: { value: ColumnChoice; onChange(choice: ColumnChoice): void }) {
  const definitions = useAttributeDefinitions();
  return (
    <select aria-label="Columns" value={value} onChange={(e) => onChange(e.target.value as ColumnChoice)}>
      <option value="documents">Tag × document</option>
      {definitions.map((d) => (
        <option key={d.id} value={`attribute:${d.name}`}>
          Tag × {d.name}
        </option>
      ))}
      <option value="tags">Tag × tag (co-occurrence)</option>
    </select>
  );
}

export function MatrixPanel() {
  const wb = useWorkbench();
  const [choice, setChoice] = useState<ColumnChoice>('documents');
  const [includeChildren, setIncludeChildren] = useState(true);
  const [attribute, setAttribute] = useState<AttributeFilter | null>(null);
  const [cell, setCell] = useState<{ row: Tag; column: MatrixColumn } | null>(null);
  const { matrix, args } = useMatrix(choice, includeChildren, attribute);
  const exportAs = async (format: 'csv' | 'xlsx') => {
    try {
      const file = await wb.client['analysis.exportMatrix']({ ...args, format });
      saveFile(file);
      wb.setStatus(`Exported the matrix to ${file.fileName}.`);
    } catch (e) {
      wb.setStatus(`Export failed: ${(e as Error).message}`, true);
    }
  };
  const m = matrix.data;
  return (
    <div className="matrix-panel">
      <div className="analysis-toolbar">
        <ColumnPicker
          value={choice}
          onChange={(c) => {
            setChoice(c);
            setCell(null);
          }}
        />
        <label className="toggle" title="A parent tag's row also counts the passages of the tags under it">
          <input type="checkbox" checked={includeChildren} onChange={(e) => setIncludeChildren(e.target.checked)} />
          Include sub-tags
        </label>
        <AttributeFilterPicker filter={attribute} onChange={setAttribute} />
        <span className="spacer" />
        <div className="segmented">
          <button type="button" onClick={() => void exportAs('csv')}>
            CSV
          </button>
          <button type="button" onClick={() => void exportAs('xlsx')}>
            XLSX
          </button>
        </div>
      </div>
      {matrix.error && <p className="error">{matrix.error}</p>}
      {!m && !matrix.error && <p className="muted loading">Counting…</p>}
      {m && m.rows.length === 0 && <p className="empty">No tags yet.</p>}
      {m && m.rows.length > 0 && (
        <MatrixTable
          matrix={m}
          selected={cell}
          onSelect={(row, column) => setCell({ row, column })}
          cooccurrence={choice === 'tags'}
        />
      )}
      {cell && (
        <CellPassages
          row={cell.row}
          column={cell.column}
          attributeName={choice.startsWith('attribute:') ? choice.slice('attribute:'.length) : null}
          includeChildren={includeChildren}
          attribute={attribute}
          onClose={() => setCell(null)}
        />
      )}
    </div>
  );
}

/** Shading strength in percent: a square-root scale, so a few large cells do not wash out the rest. */
function strength(count: number, max: number): number {
  return count && max ? Math.round(12 + 68 * Math.sqrt(count / max)) : 0;
}

function shade(count: number, max: number): string | undefined {
  const s = strength(count, max);
  return s ? `color-mix(in srgb, var(--accent) ${s}%, transparent)` : undefined;
}

function MatrixTable({
  matrix,
  selected,
  onSelect,
  cooccurrence,
}: {
  matrix: AnalysisMatrix;
  selected: { row: Tag; column: MatrixColumn } | null;
  onSelect(row: Tag, column: MatrixColumn): void;
  cooccurrence: boolean;
}) {
  const columns = matrix.columns.slice(0, MAX_COLUMNS);
  return (
    <div className="table-scroll heat-matrix">
      {matrix.columns.length > MAX_COLUMNS && (
        <p className="muted">
          Showing the first {MAX_COLUMNS} of {matrix.columns.length.toLocaleString()} columns; the export has them all.
        </p>
      )}
      <table aria-label="Matrix">
        <thead>
          <tr>
            <th>Tag</th>
            {columns.map((c) => (
              <th key={c.key} title={c.label} className="column-label">
                <span>{c.label}</span>
              </th>
            ))}
            {!cooccurrence && <th>Total</th>}
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((tag, i) => (
            <tr key={tag.id}>
              <th>
                <span className="swatch" style={{ background: tag.color }} /> {tag.name}
              </th>
              {columns.map((c, j) => {
                const n = matrix.counts[i][j];
                const isSelected = selected?.row.id === tag.id && selected.column.key === c.key;
                return (
                  <td
                    key={c.key}
                    className={`${n ? '' : 'zero'}${strength(n, matrix.max) > 50 ? ' strong' : ''}${isSelected ? ' selected' : ''}${cooccurrence && c.tagId === tag.id ? ' diagonal' : ''}`}
                    style={{ background: shade(n, matrix.max) }}
                  >
                    <button
                      type="button"
                      disabled={!n}
                      title={`${tag.name} × ${c.label}: ${n} passage${n === 1 ? '' : 's'}`}
                      onClick={() => onSelect(tag, c)}
                    >
                      {n}
                    </button>
                  </td>
                );
              })}
              {!cooccurrence && <td className="total">{matrix.counts[i].reduce((a, b) => a + b, 0)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The passages behind one cell. */
function CellPassages({
  row,
  column,
  attributeName,
  includeChildren,
  attribute,
  onClose,
}: {
  row: Tag;
  column: MatrixColumn;
  /** The attribute whose values are the columns. */
  attributeName: string | null;
  includeChildren: boolean;
  attribute: AttributeFilter | null;
  onClose(): void;
}) {
  const wb = useWorkbench();
  const query = useMemo<RetrievalQuery>(() => {
    const attributes = attribute ? [attribute] : [];
    const base = { terms: [{ tagId: row.id }], includeChildren, attributes };
    if (column.documentId !== undefined) return { ...base, documentIds: [column.documentId] };
    if (column.tagId !== undefined)
      return column.tagId === row.id
        ? base
        : { ...base, terms: [{ tagId: row.id }, { operator: 'and', tagId: column.tagId }] };
    return { ...base, attributes: [...attributes, { name: attributeName ?? '', equals: column.value ?? '' }] };
  }, [row, column, attributeName, includeChildren, attribute]);
  return <CellList query={query} title={`${row.name} × ${column.label}`} onClose={onClose} client={wb.client} />;
}

function CellList({
  query,
  title,
  onClose,
  client,
}: {
  query: RetrievalQuery;
  title: string;
  onClose(): void;
  client: ReturnType<typeof useWorkbench>['client'];
}) {
  const result = useApi(() => client['retrieval.query']({ query }), [JSON.stringify(query)]);
  return (
    <section className="cell-passages" aria-label="Passages in the cell">
      <header>
        <h3>
          {title} <span className="muted">{result.data ? `${result.data.total} passages` : ''}</span>
        </h3>
        <button type="button" className="link-button" onClick={onClose}>
          Close
        </button>
      </header>
      {result.error && <p className="error">{result.error}</p>}
      {result.data && <SegmentList result={result.data} context={{ unit: 'sentence', count: 1 }} />}
    </section>
  );
}
