// Agreement between coders: the table of percent agreement, Cohen's kappa and Krippendorff's alpha per tag, and the
// queue of passages where two coders differ, settled one by one. Loaded when first shown; computed in the backend.
import { useCallback, useState } from 'react';
import type { AgreementReport } from '../../shared/types';
import { saveFile } from '../app/saveFile';
import { useApi } from '../app/useApi';
import { useWorkbench } from '../app/workbench';
import { setCoderView, useCoderView } from '../coders/coderView';
import { CommandButton } from '../commands/CommandButton';
import { useCommands } from '../commands/useCommands';
import { DisagreementPanel } from './DisagreementPanel';
import {
  comparedCoders,
  INITIAL_SCOPE,
  ScopeControls,
  useCoders,
  useCodingChanges,
  type AgreementScope,
} from './scope';
import { requestAgreementTab, useAgreementTab } from './tab';
import './agreement.css';

export function AgreementView() {
  const tab = useAgreementTab();
  const setTab = requestAgreementTab;
  const [scope, setScope] = useState<AgreementScope>(INITIAL_SCOPE);
  const update = useCallback((patch: Partial<AgreementScope>) => setScope((s) => ({ ...s, ...patch })), []);
  const coders = useCoders();
  const view = useCoderView();
  useCommands([
    { id: 'agreement.table', label: 'Show the agreement table', category: 'Agreement', run: () => setTab('table') },
  ]);
  if (view.blind)
    return (
      <div className="agreement">
        <h2>Agreement</h2>
        <p className="empty">
          You are coding blind: other coders’ passages stay hidden until you choose to compare.{' '}
          <button type="button" onClick={() => setCoderView({ blind: false, coderId: null })}>
            Compare now
          </button>
        </p>
      </div>
    );
  return (
    <div className="agreement">
      <div className="agreement-header">
        <h2>Agreement</h2>
        <div className="segmented" role="tablist" aria-label="Agreement">
          {(
            [
              ['table', 'Agreement table'],
              ['queue', 'Disagreements'],
            ] as const
          ).map(([id, label]) => (
            <button
              key={id}
              type="button"
              role="tab"
              aria-selected={tab === id}
              className={tab === id ? 'active' : ''}
              onClick={() => setTab(id)}
            >
              {label}
            </button>
          ))}
        </div>
        <span className="spacer" />
        <WhoAmI coders={coders} />
      </div>
      {coders.filter((c) => c.highlightCount > 0).length < 2 ? (
        <p className="empty">
          Agreement compares two or more coders. Add a coder (Ctrl+K → “Add a coder”), code as them, and their passages
          are compared here.
        </p>
      ) : (
        <>
          <ScopeControls scope={scope} update={update} coders={coders} pairOnly={tab === 'queue'} />
          {tab === 'table' ? (
            <AgreementTablePanel scope={scope} update={update} coders={coders} />
          ) : (
            <DisagreementPanel scope={scope} coders={coders} />
          )}
        </>
      )}
    </div>
  );
}

function AgreementTablePanel({
  scope,
  update,
  coders,
}: {
  scope: AgreementScope;
  update(patch: Partial<AgreementScope>): void;
  coders: ReturnType<typeof useCoders>;
}) {
  const wb = useWorkbench();
  const version = useCodingChanges();
  const coderIds = comparedCoders(scope, coders);
  const args = {
    level: scope.level,
    coderIds,
    ...(scope.tagIds.length && { tagIds: scope.tagIds }),
    ...(scope.openDocumentOnly && wb.documentId !== null && { documentIds: [wb.documentId] }),
    ...(scope.level === 'character' ? { ignoreUncoded: scope.ignoreUncoded } : { threshold: scope.threshold / 100 }),
  };
  const key = JSON.stringify(args);
  const report = useApi<AgreementReport>(() => wb.client['agreement.compute'](args), [key, version]);
  const exportAs = async (format: 'csv' | 'xlsx') => {
    try {
      saveFile(await wb.client['agreement.export']({ ...args, format }));
      wb.setStatus(`Agreement table exported as ${format.toUpperCase()}.`);
    } catch (error) {
      wb.setStatus(`Could not export: ${(error as Error).message}`, true);
    }
  };
  useCommands([
    {
      id: 'agreement.exportCsv',
      label: 'Export the agreement table as CSV',
      category: 'Agreement',
      run: () => exportAs('csv'),
    },
    {
      id: 'agreement.exportXlsx',
      label: 'Export the agreement table as XLSX',
      category: 'Agreement',
      run: () => exportAs('xlsx'),
    },
  ]);
  const data = report.data;
  return (
    <div className="agreement-table-panel">
      <div className="agreement-toolbar">
        <div className="segmented" role="tablist" aria-label="Level">
          {(
            [
              ['character', 'Characters'],
              ['segment', 'Passages'],
            ] as const
          ).map(([id, label]) => (
            <button
              key={id}
              type="button"
              role="tab"
              aria-selected={scope.level === id}
              className={scope.level === id ? 'active' : ''}
              onClick={() => update({ level: id })}
            >
              {label}
            </button>
          ))}
        </div>
        {scope.level === 'character' && (
          <label title="Leave out the characters no coder covered with any of the chosen tags">
            <input
              type="checkbox"
              checked={scope.ignoreUncoded}
              onChange={(e) => update({ ignoreUncoded: e.target.checked })}
            />
            Ignore text nobody coded
          </label>
        )}
        <span className="spacer" />
        <button type="button" onClick={() => void exportAs('csv')} disabled={!data}>
          Export CSV
        </button>
        <button type="button" onClick={() => void exportAs('xlsx')} disabled={!data}>
          Export XLSX
        </button>
      </div>
      {report.error && <p className="error">{report.error}</p>}
      {!data && !report.error && <p className="muted loading">Computing agreement…</p>}
      {data && (
        <>
          <p className="muted agreement-summary">
            {data.coders.map((c) => c.name).join(', ')} over {data.documents.toLocaleString()} document
            {data.documents === 1 ? '' : 's'} coded by two or more ·{' '}
            {data.level === 'character' ? 'every character' : 'every passage'} is a unit
            {data.level === 'segment' ? `, the same passage at ${Math.round(data.threshold * 100)}% overlap` : ''}
            {data.ignoreUncoded ? ', text nobody coded left out' : ''} · {data.elapsedMs} ms
          </p>
          <table className="agreement-table">
            <thead>
              <tr>
                <th scope="col">Tag</th>
                <th scope="col">{data.level === 'character' ? 'Characters' : 'Passages'}</th>
                <th scope="col">Agreement</th>
                <th scope="col" title="Cohen's kappa: two coders">
                  κ
                </th>
                <th scope="col" title="Krippendorff's alpha, nominal">
                  α
                </th>
                {data.coders.map((c) => (
                  <th key={c.id} scope="col" title={`Passages of ${c.name} with the tag`}>
                    {c.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={r.tagId ?? 'all'} className={r.tagId === null ? 'agreement-total' : ''}>
                  <th scope="row">{r.tagName}</th>
                  <td>{r.units.toLocaleString()}</td>
                  <td>{r.percent === null ? '—' : `${(r.percent * 100).toFixed(1)}%`}</td>
                  <td className={quality(r.kappa)}>{figure(r.kappa)}</td>
                  <td className={quality(r.alpha)}>{figure(r.alpha)}</td>
                  {r.passages.map((n, i) => (
                    <td key={data.coders[i]!.id}>{n.toLocaleString()}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted agreement-note">
            κ needs exactly two coders; α allows any number and a coder who did not code a document. Krippendorff
            suggests relying on α ≥ 0.800 and drawing tentative conclusions from 0.667.
          </p>
        </>
      )}
    </div>
  );
}

const figure = (x: number | null) => (x === null ? '—' : x.toFixed(3));
const quality = (x: number | null) => (x === null ? '' : x >= 0.8 ? 'good' : x >= 0.667 ? 'fair' : 'poor');

/** Who new passages belong to, switchable here as from the palette (Code as another coder…, Add a coder…). */
function WhoAmI({ coders }: { coders: ReturnType<typeof useCoders> }) {
  const wb = useWorkbench();
  const me = coders.find((c) => c.isDefault);
  const switchTo = async (id: number) => {
    try {
      const coder = await wb.client['coders.setCurrent']({ id });
      wb.setStatus(`You now code as ${coder.name}: new passages are theirs (Ctrl+Z to undo).`);
    } catch (error) {
      wb.setStatus(`Could not switch coder: ${(error as Error).message}`, true);
    }
  };
  return (
    <span className="agreement-me">
      <label>
        You code as{' '}
        <select aria-label="You code as" value={me?.id ?? ''} onChange={(e) => void switchTo(Number(e.target.value))}>
          {!me && <option value="">(your first passage names you)</option>}
          {coders.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <CommandButton command="coder.add">Add a coder…</CommandButton>
    </span>
  );
}
