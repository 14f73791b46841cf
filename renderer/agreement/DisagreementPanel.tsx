// The disagreement queue: each stretch where two coders differ, their passages side by side, settled by keeping one
// side, both, neither, or one merged passage, with a reason. Each decision is one undoable edit.
import { useMemo, useState } from 'react';
import type {
  Coder,
  DecisionChoice,
  Disagreement,
  DisagreementPassage,
  DisagreementQueue,
  Tag,
} from '../../shared/types';
import { useApi } from '../app/useApi';
import { useWorkbench } from '../app/workbench';
import { useCommands } from '../commands/useCommands';
import { useTags } from '../store/hooks';
import { queuePair, useCodingChanges, type AgreementScope } from './scope';

const PAGE = 50;

function kindLabel(kind: Disagreement['kind'], [a, b]: [string, string]): string {
  if (kind === 'only-a') return `Only ${a} coded it`;
  if (kind === 'only-b') return `Only ${b} coded it`;
  return kind === 'tags' ? 'Different tags' : 'Boundaries far apart';
}

function choiceLabel(choice: DecisionChoice, [a, b]: [string, string]): string {
  if (choice === 'a') return `${a}’s kept`;
  if (choice === 'b') return `${b}’s kept`;
  return { both: 'both kept', neither: 'neither kept', merged: 'merged into one passage' }[choice];
}

export function DisagreementPanel({ scope, coders }: { scope: AgreementScope; coders: Coder[] }) {
  const wb = useWorkbench();
  const version = useCodingChanges();
  const tags = useTags();
  const tagsById = useMemo(() => new Map(tags.map((t) => [t.id, t])), [tags]);
  const pair = queuePair(scope, coders);
  // A screen's worth at a time: 500 side-by-side cards would be thousands of nodes.
  const [shown, setShown] = useState(PAGE);
  const args = pair && {
    coderA: pair[0],
    coderB: pair[1],
    threshold: scope.threshold / 100,
    ...(scope.tagIds.length && { tagIds: scope.tagIds }),
    ...(scope.openDocumentOnly && wb.documentId !== null && { documentIds: [wb.documentId] }),
  };
  const key = JSON.stringify(args);
  const queue = useApi<DisagreementQueue | null>(
    () => (args ? wb.client['agreement.queue'](args) : Promise.resolve(null)),
    [key, version],
  );
  const draft = async () => {
    if (!pair) return;
    try {
      const names = pair.map((id) => coders.find((c) => c.id === id)?.name ?? '');
      const memo = await wb.client['agreement.draftMemo']({
        coderA: pair[0],
        coderB: pair[1],
        title: `Coding decisions: ${names.join(' and ')}`,
      });
      wb.openMemo(memo.id);
      wb.setStatus(`Memo “${memo.title}” drafted from the decisions (Ctrl+Z to undo).`);
    } catch (error) {
      wb.setStatus(`Could not draft the memo: ${(error as Error).message}`, true);
    }
  };
  useCommands([
    {
      id: 'agreement.draftMemo',
      label: 'Draft the agreement decisions into a memo',
      category: 'Agreement',
      enabled: () => (queue.data?.decisions.length ?? 0) > 0,
      run: draft,
    },
  ]);
  const nameOf = (d: { coderA: number | null; coderB: number | null }): [string, string] => [
    coders.find((c) => c.id === d.coderA)?.name ?? 'a deleted coder',
    coders.find((c) => c.id === d.coderB)?.name ?? 'a deleted coder',
  ];
  if (!pair) return <p className="empty">Choose two different coders to compare.</p>;
  if (queue.error) return <p className="error">{queue.error}</p>;
  const data = queue.data;
  if (!data) return <p className="muted loading">Finding disagreements…</p>;
  const settle = async (
    item: Disagreement,
    choice: DecisionChoice,
    reason: string,
    merged?: { start: number; end: number },
  ) => {
    const tagIds = scope.tagIds.length ? scope.tagIds : [...new Set([...item.a, ...item.b].flatMap((p) => p.tagIds))];
    try {
      await wb.client['agreement.settle']({
        coderA: data.coderA.id,
        coderB: data.coderB.id,
        documentId: item.documentId,
        start: item.start,
        end: item.end,
        tagIds,
        choice,
        reason,
        threshold: scope.threshold / 100,
        ...(merged && { merged }),
      });
      wb.setStatus('Decision recorded (Ctrl+Z to undo).');
    } catch (error) {
      wb.setStatus(`Could not settle: ${(error as Error).message}`, true);
    }
  };
  return (
    <div className="disagreements">
      <div className="agreement-toolbar">
        <span className="muted">
          {data.total === 0
            ? `${data.coderA.name} and ${data.coderB.name} agree on every passage compared.`
            : `${data.total.toLocaleString()} disagreement${data.total === 1 ? '' : 's'}${data.total > data.items.length ? ` (the first ${data.items.length} shown)` : ''}`}
        </span>
        <span className="spacer" />
        <button type="button" onClick={() => void draft()} disabled={data.decisions.length === 0}>
          Draft into memo ({data.decisions.length})
        </button>
      </div>
      <ol className="disagreement-list" aria-label="Disagreements">
        {data.items.slice(0, shown).map((item) => (
          <DisagreementItem
            key={`${item.documentId}:${item.start}:${item.end}`}
            item={item}
            names={[data.coderA.name, data.coderB.name]}
            tagsById={tagsById}
            onOpen={() => wb.openDocument(item.documentId, { start: item.start, end: item.end })}
            onSettle={(choice, reason, merged) => settle(item, choice, reason, merged)}
          />
        ))}
      </ol>
      {data.items.length > shown && (
        <button type="button" className="link-button" onClick={() => setShown((n) => n + PAGE)}>
          Show {Math.min(PAGE, data.items.length - shown)} more
        </button>
      )}
      {data.decisions.length > 0 && (
        <details className="decisions">
          <summary>Decisions ({data.decisions.length})</summary>
          <ul>
            {data.decisions.map((d) => (
              <li key={d.id}>
                <strong>{d.documentTitle}</strong> · {kindLabel(d.kind, nameOf(d))} → {choiceLabel(d.choice, nameOf(d))}{' '}
                · {d.decidedByName ?? 'someone'}, {new Date(d.decidedAt).toLocaleString()}
                {d.reason && <span className="muted"> — {d.reason}</span>}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

function DisagreementItem({
  item,
  names,
  tagsById,
  onOpen,
  onSettle,
}: {
  item: Disagreement;
  names: [string, string];
  tagsById: Map<number, Tag>;
  onOpen(): void;
  onSettle(choice: DecisionChoice, reason: string, merged?: { start: number; end: number }): Promise<void>;
}) {
  const [reason, setReason] = useState('');
  const [merging, setMerging] = useState(false);
  const all = [...item.a, ...item.b];
  const [mergeStart, setMergeStart] = useState(Math.min(...all.map((p) => p.start)));
  const [mergeEnd, setMergeEnd] = useState(Math.max(...all.map((p) => p.end)));
  const [busy, setBusy] = useState(false);
  const run = async (choice: DecisionChoice, merged?: { start: number; end: number }) => {
    setBusy(true);
    try {
      await onSettle(choice, reason, merged);
    } finally {
      setBusy(false);
    }
  };
  return (
    <li className="disagreement">
      <header>
        <button type="button" className="link-button" onClick={onOpen} title="Open in the reader">
          {item.documentTitle}
        </button>
        <span className={`kind kind-${item.kind}`}>{kindLabel(item.kind, names)}</span>
        <span className="muted">
          characters {item.start.toLocaleString()}–{item.end.toLocaleString()}
        </span>
      </header>
      <div className="sides">
        <Side name={names[0]} item={item} passages={item.a} tagsById={tagsById} />
        <Side name={names[1]} item={item} passages={item.b} tagsById={tagsById} />
      </div>
      <div className="decide">
        <input
          type="text"
          placeholder="Why (kept with the decision)"
          aria-label="Reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
        <button type="button" disabled={busy} onClick={() => void run('a')}>
          Keep {names[0]}’s
        </button>
        <button type="button" disabled={busy} onClick={() => void run('b')}>
          Keep {names[1]}’s
        </button>
        <button type="button" disabled={busy} onClick={() => void run('both')}>
          Both
        </button>
        <button type="button" disabled={busy} onClick={() => void run('neither')}>
          Neither
        </button>
        <button type="button" disabled={busy} aria-expanded={merging} onClick={() => setMerging((m) => !m)}>
          Merge…
        </button>
      </div>
      {merging && (
        <div className="merge">
          <label>
            from
            <input type="number" value={mergeStart} min={0} onChange={(e) => setMergeStart(Number(e.target.value))} />
          </label>
          <label>
            to
            <input type="number" value={mergeEnd} min={0} onChange={(e) => setMergeEnd(Number(e.target.value))} />
          </label>
          <button
            type="button"
            disabled={busy || mergeEnd <= mergeStart}
            onClick={() => void run('merged', { start: mergeStart, end: mergeEnd })}
          >
            Merge into one passage
          </button>
        </div>
      )}
    </li>
  );
}

/** The stretch's text with this coder's passages marked, and the tags each carries. */
function Side({
  name,
  item,
  passages,
  tagsById,
}: {
  name: string;
  item: Disagreement;
  passages: DisagreementPassage[];
  tagsById: Map<number, Tag>;
}) {
  const whole = item.text.length === item.end - item.start;
  const pieces = useMemo(() => {
    if (!whole) return [{ text: item.text, marked: passages.length > 0 }];
    const inside = new Array<boolean>(item.text.length).fill(false);
    for (const p of passages)
      for (let i = Math.max(p.start, item.start); i < Math.min(p.end, item.end); i++) inside[i - item.start] = true;
    const out: { text: string; marked: boolean }[] = [];
    for (let i = 0; i < item.text.length; i++) {
      const last = out[out.length - 1];
      if (last && last.marked === inside[i]) last.text += item.text[i];
      else out.push({ text: item.text[i]!, marked: inside[i]! });
    }
    return out;
  }, [item, passages, whole]);
  const tagIds = [...new Set(passages.flatMap((p) => p.tagIds))];
  return (
    <section className="side" aria-label={name}>
      <h3>{name}</h3>
      <p className="side-text">
        {pieces.map((piece, i) =>
          piece.marked ? <mark key={i}>{piece.text}</mark> : <span key={i}>{piece.text}</span>,
        )}
      </p>
      <p className="side-tags">
        {tagIds.length === 0 ? (
          <span className="muted">not coded</span>
        ) : (
          tagIds.map((id) => {
            const tag = tagsById.get(id);
            return (
              <span key={id} className="tag-chip" style={{ borderColor: tag?.color }}>
                <span className="swatch" style={{ background: tag?.color }} />
                {tag?.name ?? `tag ${id}`}
              </span>
            );
          })
        )}
      </p>
    </section>
  );
}
