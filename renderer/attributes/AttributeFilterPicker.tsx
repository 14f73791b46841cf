// "Only documents whose <attribute> is <value>" — or, for a date or a number, lies from … to …: one attribute
// filter, for the library, themes, search and retrieval.
import type { AttributeDefinition, AttributeFilter } from '../../shared/types';
import { displayValue, useAttributeDefinitions, useAttributeValues } from './useAttributes';

const ranged = (d: AttributeDefinition | undefined) => d?.kind === 'date' || d?.kind === 'number';

export function AttributeFilterPicker({
  filter,
  onChange,
}: {
  filter: AttributeFilter | null;
  onChange(filter: AttributeFilter | null): void;
}) {
  const definitions = useAttributeDefinitions();
  const definition = definitions.find((d) => d.name === filter?.name);
  const values = useAttributeValues(filter && !ranged(definition) ? filter.name : null);
  if (definitions.length === 0) return null;
  const choose = (name: string) => {
    if (!name) return onChange(null);
    // A range with neither end set yet: every document with a value.
    onChange(ranged(definitions.find((d) => d.name === name)) ? { name } : { name, equals: '' });
  };
  return (
    <span className="attribute-filter">
      <select aria-label="Filter by attribute" value={filter?.name ?? ''} onChange={(e) => choose(e.target.value)}>
        <option value="">Any attributes</option>
        {definitions.map((d) => (
          <option key={d.id} value={d.name}>
            {d.name}
          </option>
        ))}
      </select>
      {filter && ranged(definition) && <RangeInputs definition={definition!} filter={filter} onChange={onChange} />}
      {filter && !ranged(definition) && (
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

function RangeInputs({
  definition,
  filter,
  onChange,
}: {
  definition: AttributeDefinition;
  filter: AttributeFilter;
  onChange(filter: AttributeFilter): void;
}) {
  const type = definition.kind === 'date' ? 'date' : 'number';
  const set = (bound: 'min' | 'max', value: string) => {
    const next: AttributeFilter = { name: filter.name, min: filter.min, max: filter.max, [bound]: value || undefined };
    if (next.min === undefined) delete next.min;
    if (next.max === undefined) delete next.max;
    onChange(next);
  };
  return (
    <>
      <label>
        from
        <input
          type={type}
          aria-label={`${filter.name} from`}
          value={filter.min ?? ''}
          max={filter.max}
          onChange={(e) => set('min', e.target.value)}
        />
      </label>
      <label>
        to
        <input
          type={type}
          aria-label={`${filter.name} to`}
          value={filter.max ?? ''}
          min={filter.min}
          onChange={(e) => set('max', e.target.value)}
        />
      </label>
    </>
  );
}

export const filtersOf = (filter: AttributeFilter | null): AttributeFilter[] | undefined =>
  filter ? [filter] : undefined;
