// Turns what an analyst types into a safe FTS5 query: "phrases", prefix*, AND/OR/NOT between terms;
// anything else is quoted, so a stray operator or an unbalanced quote can never raise an FTS syntax error.
export interface ParsedQuery {
  fts: string;
  /** Terms to locate the match in the text: phrases as written, prefixes without the star. */
  terms: { text: string; prefix: boolean }[];
}

const TOKEN = /"([^"]*)"?|(\S+)/g;

export function parseQuery(input: string): ParsedQuery | null {
  const parts: string[] = [];
  const terms: ParsedQuery['terms'] = [];
  let pendingOperator: string | null = null;
  for (const match of input.matchAll(TOKEN)) {
    const [, phrase, word] = match;
    if (word && /^(AND|OR|NOT)$/.test(word)) {
      if (parts.length) pendingOperator = word;
      continue;
    }
    const raw = phrase ?? word ?? '';
    const prefix = phrase === undefined && raw.endsWith('*');
    const cleaned = raw.replace(/["*^(){}:]/g, ' ').replace(/\s+/g, ' ').trim();
    if (!cleaned || !/[\p{L}\p{N}]/u.test(cleaned)) continue;
    if (pendingOperator) parts.push(pendingOperator);
    pendingOperator = null;
    parts.push(`"${cleaned}"${prefix ? '*' : ''}`);
    terms.push({ text: cleaned, prefix });
  }
  return parts.length ? { fts: parts.join(' '), terms } : null;
}

/** Where the first term occurs in the text (case-insensitive), with its length. */
export function locateMatch(text: string, terms: ParsedQuery['terms']): { offset: number; length: number } | null {
  let best: { offset: number; length: number } | null = null;
  for (const term of terms) {
    const pattern = term.text.split(' ').map(escapeRegExp).join('\\s+');
    const re = new RegExp(term.prefix ? `(?<![\\p{L}\\p{N}])${pattern}[\\p{L}\\p{N}]*` : `(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, 'iu');
    const m = re.exec(text);
    if (m && (!best || m.index < best.offset)) best = { offset: m.index, length: m[0].length };
  }
  return best;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
