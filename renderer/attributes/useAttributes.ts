// Attribute definitions and a document's values, re-read when an edit (or its undo) says they changed.
import { useCallback, useState } from 'react';
import type { AttributeDefinition, ChangeSet, DocumentAttribute } from '../../shared/types';
import { useApi } from '../app/useApi';
import { useWorkbench } from '../app/workbench';
import { useChanges } from '../store/hooks';

function useVersion(stale: (changes: ChangeSet) => boolean): number {
  const [version, setVersion] = useState(0);
  useChanges(
    useCallback(
      (changes: ChangeSet) => {
        if (stale(changes)) setVersion((v) => v + 1);
      },
      [stale],
    ),
  );
  return version;
}

const definitionsChanged = (c: ChangeSet) => Boolean(c.attributeDefinitions);

export function useAttributeDefinitions(): AttributeDefinition[] {
  const wb = useWorkbench();
  const version = useVersion(definitionsChanged);
  return useApi(() => wb.client['attributes.definitions']({}), [version]).data ?? [];
}

export function useDocumentAttributes(documentId: number): DocumentAttribute[] | undefined {
  const wb = useWorkbench();
  const stale = useCallback(
    (c: ChangeSet) => Boolean(c.attributeValues?.documentIds.includes(documentId) || c.attributeDefinitions),
    [documentId],
  );
  const version = useVersion(stale);
  return useApi(() => wb.client['attributes.forDocument']({ documentId }), [documentId, version]).data;
}

const valuesChanged = (c: ChangeSet) => Boolean(c.attributeValues || c.attributeDefinitions);

/** Distinct values of one attribute (for filters). */
export function useAttributeValues(name: string | null): string[] {
  const wb = useWorkbench();
  const version = useVersion(valuesChanged);
  return (
    useApi(() => (name ? wb.client['attributes.values']({ name }) : Promise.resolve([])), [name, version]).data ?? []
  );
}

/** Bumps whenever attribute values change (lists filtered by them re-query). */
export function useAttributeValuesVersion(): number {
  return useVersion(valuesChanged);
}

/** How a stored value reads. */
export function displayValue(definition: AttributeDefinition | undefined, value: string): string {
  if (value === '') return '(no value)';
  if (definition?.kind === 'boolean') return value === 'true' ? 'yes' : value === 'false' ? 'no' : value;
  return value;
}
