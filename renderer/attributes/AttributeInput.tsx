// One typed input for an attribute value: text, number, date, yes/no or one of a list. '' means no value.
import type { AttributeDefinition } from '../../shared/types';

export function AttributeInput({
  definition,
  value,
  onChange,
  label,
}: {
  definition: AttributeDefinition;
  value: string;
  onChange(value: string): void;
  label?: string;
}) {
  const aria = label ?? definition.name;
  switch (definition.kind) {
    case 'choice':
      return (
        <select aria-label={aria} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">(none)</option>
          {definition.choices.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      );
    case 'boolean':
      return (
        <select aria-label={aria} value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">(none)</option>
          <option value="true">yes</option>
          <option value="false">no</option>
        </select>
      );
    case 'number':
      return (
        <input aria-label={aria} type="number" step="any" value={value} onChange={(e) => onChange(e.target.value)} />
      );
    case 'date':
      return (
        <input aria-label={aria} type="date" value={value.slice(0, 10)} onChange={(e) => onChange(e.target.value)} />
      );
    default:
      return <input aria-label={aria} type="text" value={value} onChange={(e) => onChange(e.target.value)} />;
  }
}
