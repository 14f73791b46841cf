// An attribute filter in words, the same in the retrieval's summary and in a memo drafted from it.
import type { AttributeFilter } from './types.js';

/** "Outlet = TASS", "Published from 2025-02-01 to 2025-02-28", "Published until …", "Published has a value". */
export function describeAttributeFilter(f: AttributeFilter): string {
  if (f.equals !== undefined) return `${f.name} = ${f.equals || '(no value)'}`;
  if (f.min && f.max) return `${f.name} from ${f.min} to ${f.max}`;
  if (f.min) return `${f.name} from ${f.min}`;
  if (f.max) return `${f.name} until ${f.max}`;
  return `${f.name} has a value`;
}
