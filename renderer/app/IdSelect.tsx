// A select of rows by id with a "none chosen" first option (any tag, whole project, …): '' when none is chosen.
export interface IdOption {
  id: number;
  label: string;
}

export function IdSelect({
  label,
  none,
  value,
  options,
  onChange,
}: {
  /** The accessible name, when no visible <label> wraps the select. */
  label?: string;
  /** What the empty choice means here: "Any tag", "Whole project"… */
  none: string;
  value: number | '';
  options: readonly IdOption[];
  onChange(value: number | ''): void;
}) {
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : '')}>
      <option value="">{none}</option>
      {options.map((o) => (
        <option key={o.id} value={o.id}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** Tags, collections… as options, by name. */
export const byName = (rows: readonly { id: number; name: string }[]): IdOption[] =>
  rows.map((r) => ({ id: r.id, label: r.name }));

/** Documents as options, by title. */
export const byTitle = (rows: readonly { id: number; title: string }[]): IdOption[] =>
  rows.map((r) => ({ id: r.id, label: r.title }));
