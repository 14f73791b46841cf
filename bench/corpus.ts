// A deterministic generated corpus (seeded PRNG) of news-like reports, for benchmarks and large-corpus tests.
const VOCABULARY = `embassy diplomats staffing visa procedures banking talks Istanbul Moscow Washington delegation
ministry sanctions agreement negotiations consulate ambassador relations bilateral agenda meeting officials statement
security ceasefire Ukraine Kremlin State Department spokesperson envoy summit treaty restrictions expulsion property
airline flights energy minerals deal guarantees europe allies pressure reciprocal measures normalisation operations
round hours second first week month report analyst source confirmed denied proposed restore restoring direct
communication channel nuclear Iran cooperation framework functioning missions capital officials government policy`.split(
  /\s+/,
);

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedDocument {
  fileName: string;
  text: string;
}

function sentence(rand: () => number): string {
  const length = 8 + Math.floor(rand() * 16);
  const words = Array.from({ length }, () => VOCABULARY[Math.floor(rand() * VOCABULARY.length)]);
  const s = words.join(' ');
  return `${s[0].toUpperCase()}${s.slice(1)}.`;
}

/** One report of roughly `bytes` characters: a headline, then paragraphs of 2–5 sentences. */
export function generateDocument(rand: () => number, index: number, bytes: number): GeneratedDocument {
  const paragraphs = [`Report ${index}: ${sentence(rand).slice(0, -1)}`];
  let size = paragraphs[0].length;
  while (size < bytes) {
    const p = Array.from({ length: 2 + Math.floor(rand() * 4) }, () => sentence(rand)).join(' ');
    paragraphs.push(p);
    size += p.length + 2;
  }
  return { fileName: `report-${String(index).padStart(5, '0')}.txt`, text: paragraphs.join('\n\n') };
}

/** `count` reports of 2–8 KB each, the same for the same seed. */
export function generateCorpus(count: number, seed = 42, minBytes = 2048, maxBytes = 8192): GeneratedDocument[] {
  return [...corpusDocuments(count, seed, minBytes, maxBytes)];
}

/** The same reports as generateCorpus, one at a time, for corpora too large to hold in memory at once. */
export function* corpusDocuments(count: number, seed = 42, minBytes = 2048, maxBytes = 8192) {
  const rand = mulberry32(seed);
  for (let i = 0; i < count; i++) {
    yield generateDocument(rand, i + 1, minBytes + Math.floor(rand() * (maxBytes - minBytes)));
  }
}

/** Fixed query set used by the search benchmark. */
export const BENCH_QUERIES = [
  'embassy',
  'visa procedures',
  '"diplomatic banking"',
  'sanct*',
  'Kremlin statement',
  'ceasefire Ukraine',
  'ambassador',
  'reciprocal measures',
  'nuclear Iran',
  'flights restore',
];
