// Editing an attribute in place: its name, and the choices of a one-of-a-list attribute. A choice edited in its own
// field is a rename (the documents that have it follow); a choice removed that documents still have is refused by
// the main process, which names them. One save is one undoable edit.
import { useState } from 'react';
import type { AttributeDefinition } from '../../shared/types';
import { useWorkbench } from '../app/workbench';

interface ChoiceRow {
  key: number;
  /** The choice as stored, or null for one added here. */
  original: string | null;
  text: string;
}

/** What a save sends: the new list, and which stored choice each edited field renames. */
export function choiceEdit(rows: ChoiceRow[]): { choices: string[]; renamedChoices: { from: string; to: string }[] } {
  const kept = rows.map((r) => ({ ...r, text: r.text.trim() })).filter((r) => r.text !== '');
  return {
    choices: kept.map((r) => r.text),
    renamedChoices: kept.flatMap((r) =>
      r.original !== null && r.original !== r.text ? [{ from: r.original, to: r.text }] : [],
    ),
  };
}

export function AttributeEditor({ definition, onDone }: { definition: AttributeDefinition; onDone(): void }) {
  const wb = useWorkbench();
  const [name, setName] = useState(definition.name);
  const [rows, setRows] = useState<ChoiceRow[]>(() =>
    definition.choices.map((c, key) => ({ key, original: c, text: c })),
  );
  const [error, setError] = useState<string | null>(null);
  const isChoice = definition.kind === 'choice';
  const edit = (key: number, text: string) => setRows((list) => list.map((r) => (r.key === key ? { ...r, text } : r)));
  const save = async () => {
    try {
      await wb.client['attributes.updateDefinition']({
        id: definition.id,
        ...(name.trim() !== definition.name && { name: name.trim() }),
        ...(isChoice && choiceEdit(rows)),
      });
      wb.setStatus(`Attribute “${name.trim()}” saved. Ctrl+Z undoes the change.`);
      onDone();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <form
      className="attribute-editor"
      aria-label={`Edit attribute ${definition.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label>
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} aria-label="Attribute name" autoFocus />
      </label>
      {isChoice && (
        <fieldset className="choice-list">
          <legend>Choices</legend>
          {rows.map((r, i) => (
            <span key={r.key} className="choice-row">
              <input
                value={r.text}
                aria-label={`Choice ${i + 1}`}
                onChange={(e) => edit(r.key, e.target.value)}
                title={r.original !== null ? `Documents with “${r.original}” follow a rename` : 'A new choice'}
              />
              {r.original !== null && r.text.trim() !== r.original && r.text.trim() !== '' && (
                <span className="muted">was {r.original}</span>
              )}
              <button
                type="button"
                className="link-button danger"
                aria-label={`Remove choice ${r.text || i + 1}`}
                onClick={() => setRows((list) => list.filter((x) => x.key !== r.key))}
              >
                Remove
              </button>
            </span>
          ))}
          <button
            type="button"
            className="link-button"
            onClick={() =>
              setRows((list) => [
                ...list,
                { key: Math.max(-1, ...list.map((x) => x.key)) + 1, original: null, text: '' },
              ])
            }
          >
            + Add a choice
          </button>
        </fieldset>
      )}
      {error && <p className="error">{error}</p>}
      <div className="metadata-actions">
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={!name.trim()}>
          Save
        </button>
      </div>
    </form>
  );
}
