// Several documents selected in the library: set (or clear) one attribute for all of them as one undoable edit.
import { useState } from 'react';
import { useWorkbench } from '../app/workbench';
import { AttributeInput } from './AttributeInput';
import { useAttributeDefinitions } from './useAttributes';

export function BulkAttributes({ documentIds, onClear }: { documentIds: number[]; onClear(): void }) {
  const wb = useWorkbench();
  const definitions = useAttributeDefinitions();
  const [definitionId, setDefinitionId] = useState<number | null>(null);
  const [value, setValue] = useState('');
  const definition = definitions.find((d) => d.id === definitionId) ?? definitions[0];
  const apply = async () => {
    if (!definition) return;
    try {
      const r = await wb.client['attributes.set']({ definitionId: definition.id, documentIds, value: value || null });
      wb.setStatus(
        `${value ? `Set ${definition.name} to “${value}”` : `Cleared ${definition.name}`} for ${r.written} document${r.written === 1 ? '' : 's'}. Ctrl+Z undoes it.`,
      );
    } catch (e) {
      wb.setStatus((e as Error).message, true);
    }
  };
  return (
    <div className="bulk-attributes" role="region" aria-label="Selected documents">
      <span className="count">{documentIds.length.toLocaleString()} selected</span>
      {definition ? (
        <>
          <select
            aria-label="Attribute to set"
            value={definition.id}
            onChange={(e) => {
              setDefinitionId(Number(e.target.value));
              setValue('');
            }}
          >
            {definitions.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
          <AttributeInput definition={definition} value={value} onChange={setValue} label="Value to set" />
          <button type="button" className="primary" onClick={() => void apply()}>
            Set for {documentIds.length}
          </button>
        </>
      ) : (
        <span className="muted">Define an attribute (Attributes…) to set it for these documents.</span>
      )}
      <button type="button" onClick={onClear}>
        Clear selection
      </button>
    </div>
  );
}
