// "Only documents whose <attribute> is <value>": one attribute filter, for the library, themes, search and retrieval.
import type { AttributeFilter } from '../../shared/types';
import { displayValue, useAttributeDefinitions, useAttributeValues } from './useAttributes';

export function AttributeFilterPicker({
  filter,
  onChange,
}: {
  filter: AttributeFilter | null;
  onChange(filter: AttributeFilter | null): void;
}) {
  const definitions = useAttributeDefinitions();
  const values = useAttributeValues(filter?.name ?? null);
  const definition = definitions.find((d) => d.name === filter?.name);
  if (definitions.length === 0) return null;
  return (
    <span className="attribute-filter">
      <select
        aria-label="Filter by attribute"
        value={filter?.name ?? ''}
        onChange={(e) => onChange(e.target.value ? { name: e.target.value, equals: '' } : null)}
      >
        <option value="">Any attributes</option>
        {definitions.map((d) => (
          <option key={d.id} value={d.name}>
            {d.name}
          </option>
        ))}
      </select>
      {filter && (
        <select
          aria-label={`${filter.name} value`}
          value={filter.equals ?? ''}
          onChange={(e) => onChange({ name: filter.name, equals: e.target.value })}
        >
          <option value="">(no value)</option>
          {values.map((v) => (
            <option key={v} value={v}>
              {displayValue(definition, v)}
            </option>
          ))}
        </select>
      )}
    </span>
  );
}

export const filtersOf = (filter: AttributeFilter | null): AttributeFilter[] | undefined =>
  filter ? [filter] : undefined;
