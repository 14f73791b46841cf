// A document's attribute values in its details form: edited there, saved with the form (one edit per attribute).
import { useState } from 'react';
import type { GlossClient } from '../../shared/client';
import type { AttributeDefinition } from '../../shared/types';
import { AttributeInput } from './AttributeInput';
import { useAttributeDefinitions, useDocumentAttributes } from './useAttributes';

export interface AttributeEdits {
  fields: React.ReactNode;
  /** Writes the values that changed; returns how many. */
  save(client: GlossClient): Promise<number>;
}

export function useAttributeEdits(documentId: number): AttributeEdits {
  const definitions = useAttributeDefinitions();
  const stored = useDocumentAttributes(documentId);
  const [edits, setEdits] = useState<Record<number, string>>({});
  const storedValue = (d: AttributeDefinition) => stored?.find((a) => a.name === d.name)?.value ?? '';
  const current = (d: AttributeDefinition) => edits[d.id] ?? storedValue(d);
  const fields =
    definitions.length === 0 ? null : (
      <fieldset className="attribute-fields">
        <legend>Attributes</legend>
        {definitions.map((d) => (
          <label key={d.id}>
            {d.name}
            <AttributeInput
              definition={d}
              value={current(d)}
              onChange={(v) => setEdits((e) => ({ ...e, [d.id]: v }))}
            />
          </label>
        ))}
      </fieldset>
    );
  const save = async (client: GlossClient) => {
    const changed = definitions.filter((d) => edits[d.id] !== undefined && edits[d.id] !== storedValue(d));
    for (const d of changed)
      await client['attributes.set']({ definitionId: d.id, documentIds: [documentId], value: edits[d.id] || null });
    setEdits({});
    return changed.length;
  };
  return { fields, save };
}
