// What a typed attribute accepts: a value as typed (a form, a CSV cell) checked and written in its stored form.
import type { AttributeDefinition } from '../../shared/types.js';

export type Checked = { ok: true; value: string } | { ok: false; message: string };

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0']);

/** The stored form of `raw` for the attribute, or why it does not fit. */
export function checkValue(definition: AttributeDefinition, raw: string): Checked {
  const text = raw.trim();
  if (text.length > 2000) return { ok: false, message: `${definition.name}: a value is at most 2,000 characters.` };
  switch (definition.kind) {
    case 'text':
      return { ok: true, value: text };
    case 'choice': {
      const choice = definition.choices.find((c) => c.toLowerCase() === text.toLowerCase());
      return choice !== undefined
        ? { ok: true, value: choice }
        : { ok: false, message: `${definition.name}: “${text}” is not one of ${definition.choices.join(', ')}.` };
    }
    case 'boolean':
      if (YES.has(text.toLowerCase())) return { ok: true, value: 'true' };
      if (NO.has(text.toLowerCase())) return { ok: true, value: 'false' };
      return { ok: false, message: `${definition.name}: “${text}” is not yes or no.` };
    case 'number': {
      const integer = definition.type === 'Integer';
      const pattern = integer ? /^[+-]?\d+$/ : /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
      if (!pattern.test(text) || !Number.isFinite(Number(text)))
        return {
          ok: false,
          message: `${definition.name}: “${text}” is not ${integer ? 'a whole number' : 'a number'}.`,
        };
      return { ok: true, value: String(Number(text)) };
    }
    case 'date': {
      if (definition.type === 'DateTime' && DATE_TIME.test(text)) return { ok: true, value: text };
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
      const date = match && new Date(`${text}T00:00:00Z`);
      if (!match || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text)
        return { ok: false, message: `${definition.name}: “${text}” is not a date like 2025-02-27.` };
      return { ok: true, value: definition.type === 'DateTime' ? `${text}T00:00:00Z` : text };
    }
  }
}
