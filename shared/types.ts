// Domain types shared by the main process, both transports and the renderer.
// Offsets are UTF-16 code-unit offsets into Document.text (what JavaScript strings index).

export type DocumentFormat = 'txt' | 'md' | 'html' | 'pdf' | 'docx';

export interface DocumentSummary {
  id: number;
  title: string;
  outlet: string | null;
  author: string | null;
  /** ISO date (YYYY-MM-DD) or null when unknown. */
  publishedAt: string | null;
  url: string | null;
  format: DocumentFormat;
  /** Original file name, when imported from a file. */
  sourceName: string | null;
  /** Free-form metadata notes about the document (not a rich note). */
  notes: string;
  collectionId: number | null;
  length: number;
  contentHash: string;
  importedAt: string;
  updatedAt: string;
  highlightCount: number;
  tagCount: number;
}

/** Where each PDF page starts in Document.text, so citations can name a page. */
export interface PageStart {
  page: number;
  offset: number;
}

export interface DocumentFull extends DocumentSummary {
  text: string;
  pages: PageStart[] | null;
}

export interface Collection {
  id: number;
  name: string;
  documentCount: number;
}

/** W3C Web Annotation TextQuoteSelector + TextPositionSelector, as Hypothesis stores them. */
export interface TextAnchor {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

export interface Highlight extends TextAnchor {
  id: number;
  documentId: number;
  /** Explicit colour; null means "colour of the first tag" (or the default). */
  color: string | null;
  /** True when a re-import could not place the passage; it is kept, never dropped. */
  orphaned: boolean;
  tagIds: number[];
  createdAt: string;
  updatedAt: string;
  /** Who made the passage (a REFI-QDA user); null for passages made before coders existed. */
  coderId?: number | null;
}

/** Everything needed to undo a highlight deletion exactly. */
export interface HighlightSnapshot {
  highlight: Highlight;
  note: Note | null;
}

export interface Tag {
  id: number;
  name: string;
  color: string;
  description: string;
  parentId: number | null;
  createdAt: string;
  /** False for a grouping code that passages are not meant to carry (REFI-QDA isCodable). */
  codable: boolean;
  /** Number of highlights carrying this tag. */
  highlightCount: number;
}

export interface Note {
  id: number;
  /** Set for a note on a passage. */
  highlightId: number | null;
  /** Always set: the document the note belongs to (for a passage note, the passage's document). */
  documentId: number | null;
  /** tiptap/ProseMirror JSON document, serialised. */
  content: string;
  /** Plain text of the note, for search and previews. */
  text: string;
  createdAt: string;
  updatedAt: string;
}

export interface MemoSummary {
  id: number;
  title: string;
  createdAt: string;
  updatedAt: string;
}

export interface Memo extends MemoSummary {
  /** tiptap/ProseMirror JSON document, serialised. */
  content: string;
}

/** What a memo citation shows: the passage as it is now, or gone. */
export interface CitationSource {
  highlightId: number;
  exists: boolean;
  exact: string | null;
  start: number | null;
  end: number | null;
  documentId: number | null;
  documentTitle: string | null;
  outlet: string | null;
  author: string | null;
  publishedAt: string | null;
  url: string | null;
  page: number | null;
}

export interface ThemePassage {
  highlight: Highlight;
  /** Text just before and after the passage (the stored quote context; see PassageContext for more). */
  before: string;
  after: string;
  noteText: string | null;
}

/** Wider context around a passage, fetched for the passages on screen. */
export interface PassageContext {
  highlightId: number;
  before: string;
  after: string;
}

/** Enough of a document to head a group of its passages. */
export type DocumentHeading = Pick<DocumentSummary, 'id' | 'title' | 'outlet' | 'publishedAt' | 'sourceName'>;

export interface ThemeGroup {
  document: DocumentHeading;
  passages: ThemePassage[];
}

export interface TagMatrix {
  tags: Tag[];
  documents: { id: number; title: string }[];
  /** counts[tagIndex][documentIndex] = passages with that tag in that document. */
  countsByDocument: number[][];
  /** cooccurrence[i][j] = passages carrying both tags, or overlapping passages carrying one each. */
  cooccurrence: number[][];
}

export type SearchKind = 'document' | 'highlight' | 'note';

export interface SearchHit {
  kind: SearchKind;
  /** id of the document, highlight or note that matched. */
  id: number;
  documentId: number | null;
  documentTitle: string | null;
  /** Snippet with matches wrapped in \u0002 … \u0003 (rendered as <mark> by the UI, never as HTML). */
  snippet: string;
  /** Offset in the document text of the first match, to jump to it. */
  offset: number | null;
  /** Length of the first match, to select it after the jump. */
  matchLength: number | null;
  rank: number;
}

export type ImportStatus = 'imported' | 'duplicate' | 'failed';

export interface ImportResult {
  fileName: string;
  status: ImportStatus;
  document: DocumentSummary | null;
  /** Clear, user-facing reason for a failure or a duplicate. */
  message: string | null;
  warnings: string[];
}

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  /** File content, base64-encoded (binary formats) so both transports carry it unchanged. */
  base64: string;
}

export interface ProjectInfo {
  path: string;
  name: string;
  schemaVersion: number;
  documentCount: number;
  recent: string[];
  /** Set when Gloss could not open the last project at start-up and opened this one instead: the reason. */
  startupWarning?: string;
}

/** One kind of entity as a write left it: rows written (as they are now) and ids that no longer exist. */
export interface EntityChanges<T> {
  upserted: T[];
  deleted: number[];
}

/**
 * What a write changed, carried beside its result so the renderer's store patches exactly those entities
 * instead of reloading. `created` lists documents that exist now and did not before (the library re-queries its order).
 */
export interface ChangeSet {
  documents?: EntityChanges<DocumentSummary> & { created: number[] };
  highlights?: EntityChanges<Highlight>;
  tags?: EntityChanges<Tag>;
  notes?: EntityChanges<Note>;
  memos?: EntityChanges<MemoSummary>;
  collections?: EntityChanges<Collection>;
  coders?: EntityChanges<Coder>;
}

/** An entry of the project's edit history (undo/redo). */
export interface HistoryEntry {
  id: number;
  uuid: string;
  author: string;
  operation: string;
  label: string;
  state: 'done' | 'undone';
  createdAt: string;
}

export interface HistoryState {
  undo: HistoryEntry | null;
  redo: HistoryEntry | null;
}

/** The result of undo or redo: the entry it acted on (null when there was nothing to do), and what is next. */
export interface HistoryStep extends HistoryState {
  entry: HistoryEntry | null;
  /** Where the edit happened, so the UI can show it. */
  documentId: number | null;
}

/** One slice of the library in its order: the ids at [offset, offset + ids.length) and their summaries. */
export interface DocumentPage {
  /** Documents matching the filters, in all. */
  total: number;
  /** Position of ids[0] in the library's order. */
  offset: number;
  ids: number[];
  rows: DocumentSummary[];
}

/** Someone who makes passages: the default coder of this copy of Gloss, or a user of an imported project. */
export interface Coder {
  id: number;
  name: string;
  createdAt: string;
  highlightCount: number;
  /** The coder this copy of Gloss codes as (named after the OS user at first; renameable). */
  isDefault: boolean;
}

/** REFI-QDA variable types; the value is stored as text in the variable's XML form. */
export type AttributeType = 'Text' | 'Boolean' | 'Integer' | 'Float' | 'Date' | 'DateTime';

export interface DocumentAttribute {
  id: number;
  documentId: number;
  name: string;
  type: AttributeType;
  value: string;
}

export interface ExchangeCount {
  /** What was counted, in the analyst's words: "passages", "PDF regions". */
  kind: string;
  count: number;
}

/** What a REFI-QDA import brought in, and what it could not carry (never silently dropped). */
export interface ExchangeReport {
  fileName: string;
  /** The tool that wrote the file (its `origin`), when it says. */
  origin: string | null;
  imported: ExchangeCount[];
  notCarried: ExchangeCount[];
  /** Passages whose text at their positions differs from the text the file recorded for them. */
  quoteMismatches: number;
  warnings: string[];
}

// ---- Source grading and corroboration (issue 14) ----
// The grade fields are merged into the interfaces above, so their declarations stay untouched.

/** A source's reliability on the Admiralty scale: A completely reliable … E unreliable, F cannot be judged. */
export type Reliability = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
/** A passage's credibility: 1 confirmed by other sources … 5 improbable, 6 cannot be judged. */
export type Credibility = 1 | 2 | 3 | 4 | 5 | 6;

export interface DocumentSummary {
  /** The source's reliability grade, or null when not graded. */
  reliability?: Reliability | null;
}

export interface Highlight {
  /** The passage's credibility grade, or null when not graded. */
  credibility?: Credibility | null;
}

export interface ThemeGroup {
  /** The reliability of the group's document. */
  reliability?: Reliability | null;
}

export interface CitationSource {
  reliability?: Reliability | null;
  credibility?: Credibility | null;
  /** Other outlets reporting the same thing (see Corroboration); absent when not computed. */
  corroboration?: CitationCorroboration | null;
}

export interface CitationCorroboration {
  /** Outlets (other than the cited one) whose documents state the same thing independently. */
  outlets: string[];
  /** Outlets whose text is a near-verbatim copy of the cited passage. */
  copies: string[];
}

/** A passage of another document that states the same thing. */
export interface CorroborationMatch {
  documentId: number;
  start: number;
  end: number;
  text: string;
  /** TF-IDF cosine of the stemmed terms, 0–1. */
  similarity: number;
  /** Near-verbatim: most of the shorter text's word 3-grams appear in the other. */
  copy: boolean;
  /** The heaviest terms the two share (stemmed): why they matched. */
  sharedTerms: string[];
}

/** The matches from one outlet (or, for a document without an outlet, from that document). */
export interface CorroboratingSource {
  source: string;
  outlet: string | null;
  /** True when every match from this source is a near-verbatim copy. */
  copy: boolean;
  best: number;
  matches: CorroborationMatch[];
}

export interface Corroboration {
  documentId: number;
  start: number;
  end: number;
  /** The passage's own source (outlet, or its document's title). */
  source: string;
  /** Other sources reporting it in their own words. */
  outlets: string[];
  /** Other sources carrying a near-verbatim copy. */
  copies: string[];
  /** Best match first. */
  sources: CorroboratingSource[];
}

/** How far a passage is corroborated, for badges ("reported by 3 outlets"). */
export interface CorroborationCount {
  highlightId: number;
  outlets: string[];
  copies: string[];
}

/** One sentence of a document and how far it is corroborated. */
export interface SentenceCorroboration {
  start: number;
  end: number;
  text: string;
  outlets: string[];
  copies: string[];
}

/** A claim: sentences of several documents that state the same thing. */
export interface Claim {
  /** The sentence that stands for the cluster (the one most others match). */
  text: string;
  sources: { source: string; outlet: string | null; copy: boolean }[];
  sentences: { documentId: number; start: number; end: number; text: string; source: string; copy: boolean }[];
}

export interface ClaimsReport {
  claims: Claim[];
  /** Documents the clustering covered (capped; see corroboration/claims.ts) and how many matched the scope. */
  documentsCovered: number;
  documentsInScope: number;
  sentences: number;
}
