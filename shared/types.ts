// Domain types shared by the main process, both transports and the renderer.
// Offsets are UTF-16 code-unit offsets into Document.text (what JavaScript strings index).
import type { TeamMember } from './team.js';

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
  /** Headings, lists, tables… over the text (see DocumentBlock); empty for unstructured text. */
  blocks: DocumentBlock[];
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
  /** Set for a region highlight (a rectangle on a PDF page): the page it is on, which is also its cited page. */
  regionPage?: number;
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
  /** What the memo is about: at most one is set; none means the project. */
  documentId: number | null;
  tagId: number | null;
  highlightId: number | null;
}

/** What a new memo is about (none: the project). */
export interface MemoSubject {
  documentId?: number;
  tagId?: number;
  highlightId?: number;
}

export type MemoKind = 'project' | 'document' | 'tag' | 'passage';

/** A memo's row in the Memos overview as the database gives it. */
export interface MemoIndexRow extends MemoSummary {
  documentTitle: string | null;
  /** The document the memo is about, or the passage's document. */
  subjectDocumentId: number | null;
  tagName: string | null;
  passage: string | null;
  /** JSON array of the passage's tag ids. */
  passageTags: string;
}

/** A memo in the Memos overview: its subject, an excerpt, and its links to and from other memos. */
export interface MemoIndexEntry extends MemoSummary {
  kind: MemoKind;
  documentTitle: string | null;
  tagName: string | null;
  passage: string | null;
  excerpt: string;
  citations: number;
  /** Documents it is about or cites a passage of (the subject's first); tags it is about or its passages carry. */
  documents: { id: number; title: string }[];
  tagIds: number[];
  linksTo: { id: number; title: string }[];
  linkedFrom: { id: number; title: string }[];
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
  /** The PDF page the passage starts on, and the one it ends on (the same for a passage on one page). */
  page: number | null;
  pageEnd: number | null;
  /** For a region highlight: its rectangle and cropped image. */
  region: PdfRegion | null;
}

export interface ThemePassage {
  highlight: Highlight;
  /** Text just before and after the passage (the stored quote context; see PassageContext for more). */
  before: string;
  after: string;
  noteText: string | null;
  /** For a passage of a PDF: the page it starts on and the one it ends on, as its citations name them. */
  page?: number;
  pageEnd?: number;
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

/**
 * The theme view's list without its text: each document's group with its reliability (for the grade filter) and its
 * passages' ids and coders (for the coder filter), and the first rows in full. Other rows, and the documents'
 * headings, are read by id as they scroll in (`themes.rows`).
 */
export interface ThemeOutline {
  groups: { documentId: number; reliability: Reliability | null; passages: { id: number; coderId: number | null }[] }[];
  first: ThemeRows;
}

/** Rows of the theme view read by id: passages in full, and the headings of their documents' groups. */
export interface ThemeRows {
  passages: ThemePassage[];
  documents: DocumentHeading[];
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

// ---- Document structure (issue 12): blocks kept beside the canonical text ----

/**
 * One structural block of a document: the span [start, end) of Document.text covering exactly one paragraph.
 * Paragraphs without a block are plain paragraphs, so a document with no blocks reads as before.
 */
export interface DocumentBlock {
  start: number;
  end: number;
  kind: 'heading' | 'item' | 'quote' | 'cell' | 'pre' | 'footnote';
  /** heading: 1–6; item: nesting depth from 1. */
  level?: number;
  /** item: a numbered list. */
  ordered?: boolean;
  /** item, cell, footnote: a further paragraph of the item (cell, note) above, not one of its own. */
  continued?: boolean;
  /** cell: which table of the document (from 0), and the cell's row and column in it (from 0). */
  table?: number;
  row?: number;
  col?: number;
  /** cell: a header cell (<th>). */
  header?: boolean;
  /** pre: the line's leading spaces, which the canonical text (trimmed paragraphs) cannot hold. */
  indent?: number;
}

// Analysis: document attributes, retrieval of coded segments, matrices ------------------------------------------

/** How an analyst thinks of an attribute; each maps to one REFI-QDA variable type (one-of-a-list is Text). */
export type AttributeKind = 'text' | 'number' | 'date' | 'boolean' | 'choice';

/** A typed variable of the project; documents carry values of it (DocumentAttribute, by name). */
export interface AttributeDefinition {
  id: number;
  name: string;
  kind: AttributeKind;
  /** The REFI-QDA type its values are stored and exchanged as. */
  type: AttributeType;
  /** The allowed values of a one-of-a-list attribute (empty otherwise). */
  choices: string[];
  position: number;
  /** Documents with a value. */
  documentCount: number;
}

/** Documents whose value is `equals`, or within [min, max] (numbers and dates); `equals: ''` means "no value". */
export interface AttributeFilter {
  name: string;
  equals?: string;
  min?: string;
  max?: string;
}

/** Interface merging: what an analysis edit changed (definitions, and the documents whose values changed). */
export interface ChangeSet {
  attributeDefinitions?: EntityChanges<AttributeDefinition>;
  /** Documents whose attribute values changed. */
  attributeValues?: { documentIds: number[] };
}

/** One problem with one row of an attribute CSV (line numbers count the header as line 1). */
export interface AttributeCsvError {
  line: number;
  column: string | null;
  message: string;
}

export interface AttributeCsvRow {
  line: number;
  key: string;
  documentId: number | null;
  documentTitle: string | null;
  values: Record<string, string>;
  errors: AttributeCsvError[];
}

/** What an attribute CSV would do (preview) or did (applied). */
export interface AttributeCsvReport {
  keyColumn: 'file' | 'title';
  columns: string[];
  /** Columns with no attribute of that name yet: created as text attributes. */
  newAttributes: string[];
  rows: AttributeCsvRow[];
  /** Values written (0 in a preview). */
  written: number;
  applied: boolean;
}

export type RetrievalOperator = 'and' | 'or' | 'not' | 'near';

/** One step of a retrieval: the first has no operator; later ones combine with what came before, left to right. */
export interface RetrievalTerm {
  operator?: RetrievalOperator;
  tagId: number;
  /** For "near": within this many paragraphs (0 = the same paragraph). */
  distance?: number;
}

export interface RetrievalQuery {
  terms: RetrievalTerm[];
  /** A parent tag also stands for every tag under it. */
  includeChildren?: boolean;
  attributes?: AttributeFilter[];
  collectionIds?: number[];
  documentIds?: number[];
  coderIds?: number[];
  /** When the passage was coded (ISO dates, inclusive). */
  codedFrom?: string;
  codedTo?: string;
}

export interface RetrievedSegment {
  highlight: Highlight;
  documentTitle: string;
  noteText: string | null;
  /** For a passage of a PDF: the page it starts on and the one it ends on. */
  page?: number;
  pageEnd?: number;
}

export interface RetrievalResult {
  total: number;
  /** Every passage selected, in document then reading order. */
  ids: number[];
  /** The first of them (as many as the limit asked for); the list fetches the rest as it scrolls. */
  segments: RetrievedSegment[];
  /** Distinct documents among all results. */
  documentCount: number;
}

export interface SegmentContext {
  highlightId: number;
  before: string;
  after: string;
}

/** Columns of an analysis matrix: documents, the values of one attribute, or tags (co-occurrence). */
export type MatrixColumns =
  { kind: 'documents' } | { kind: 'attribute'; name: string } | { kind: 'tags'; tagIds?: number[] };

export interface MatrixColumn {
  key: string;
  label: string;
  /** For a document column. */
  documentId?: number;
  /** For an attribute value column ('' = no value). */
  value?: string;
  /** For a tag column. */
  tagId?: number;
}

export interface AnalysisMatrix {
  rows: Tag[];
  columns: MatrixColumn[];
  /** counts[row][column]: passages (co-occurrence: pairs of same or overlapping passages). */
  counts: number[][];
  max: number;
}

// PDF pages: a region highlight — a rectangle on a page, in PDF points (REFI-QDA PDFSelection: first is the
// top-left corner, second the bottom-right, y measured up from the page's bottom) and the image cropped from it.
export interface PdfRegion {
  highlightId: number;
  page: number;
  firstX: number;
  firstY: number;
  secondX: number;
  secondY: number;
  /** PNG, base64; null if none was drawn. */
  imageBase64: string | null;
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

/** What merging one tag into another would do (tags.mergePreview). */
export interface MergePreview {
  /** Passages of the source that take the target. */
  moving: number;
  /** Passages carrying both already: they keep the target once (the duplicate collapses). */
  duplicates: number;
  /** The target's passages after the merge. */
  targetAfter: number;
  /** Direct sub-tags of the source, which move under the target. */
  subTags: number;
}

/** One cell of an evidence table: the source's sentence stating the claim, and its grade. */
export interface EvidenceCell {
  documentId: number;
  start: number;
  end: number;
  /** "B2": the document's reliability and the credibility of a graded passage over the sentence; null when neither. */
  grade: string | null;
  /** A near-verbatim copy of another source's wording. */
  copy: boolean;
}

/** Claim × source: who states each claim, with grades (a snapshot, stored in the memo). */
export interface EvidenceTable {
  sources: string[];
  rows: { claim: string; cells: (EvidenceCell | null)[] }[];
  /** "the whole project" or "the collection “…”", and when it was made. */
  scope: string;
  madeAt: string;
}

// Entities and the timeline (issue 14): people, organisations and places named in the corpus, and dated events.
export type EntityKind = 'person' | 'organisation' | 'place';
export type DatePrecision = 'day' | 'week' | 'month' | 'year';

/** How far the background extraction of entities and dates has come. */
export interface ExtractionProgress {
  /** Documents read so far, of all the project's documents. */
  done: number;
  total: number;
  running: boolean;
  /** Throughput of the running extraction, documents per second. */
  docsPerSecond: number | null;
}

export interface EntitySummary {
  id: number;
  kind: EntityKind;
  name: string;
  mentions: number;
  documents: number;
}

export interface EntityIndex {
  entities: EntitySummary[];
  progress: ExtractionProgress;
}

export interface EntityMention {
  id: number;
  documentId: number;
  start: number;
  end: number;
  /** The words as written ("President Vladimir Putin’s" is mentioned as "Vladimir Putin"). */
  text: string;
  /** The sentence around the mention. */
  context: string;
  contextStart: number;
  source: string;
}

export interface EntityDetail {
  entity: EntitySummary;
  byOutlet: { source: string; mentions: number }[];
  /** Each way the entity is written, with how often. */
  aliases: { text: string; mentions: number }[];
  mentions: EntityMention[];
}

export interface TimelineEvent {
  id: number;
  documentId: number;
  source: string;
  /** The sentence that carries the date. */
  start: number;
  end: number;
  text: string;
  /** The date's words ("on Thursday"). */
  dateText: string;
  /** ISO day, or null when a relative date has no publication date to resolve against. */
  day: string | null;
  precision: DatePrecision;
  relative: boolean;
  corrected: boolean;
}

export interface TimelineReport {
  events: TimelineEvent[];
  progress: ExtractionProgress;
}

export interface ChangeSet {
  /** The entity index changed (an entity renamed, merged, split, deleted; mentions found). */
  entityIndex?: true;
  /** An event's date changed. */
  timeline?: true;
}

// Inter-coder agreement (issue 15) ----------------------------------------------------------------------------------

export type AgreementLevel = 'character' | 'segment';

/** Agreement of the chosen coders on one tag (tagId null: all chosen tags pooled). */
export interface AgreementRow {
  tagId: number | null;
  tagName: string;
  /** Characters (character level) or passages (segment level) that at least two coders coded or could have. */
  units: number;
  percent: number | null;
  kappa: number | null;
  alpha: number | null;
  /** Passages of each coder with this tag, in the report's coder order. */
  passages: number[];
}

export interface AgreementReport {
  level: AgreementLevel;
  coders: { id: number; name: string }[];
  /** Documents in which at least two of the chosen coders made passages. */
  documents: number;
  ignoreUncoded: boolean;
  /** Segment level: share of overlap (intersection ÷ union) at which two passages count as the same. */
  threshold: number;
  rows: AgreementRow[];
  elapsedMs: number;
}

/** One coder's passage in a disagreement, with the compared tags it carries. */
export interface DisagreementPassage {
  highlightId: number;
  start: number;
  end: number;
  tagIds: number[];
}

export type DisagreementKind = 'only-a' | 'only-b' | 'tags' | 'boundaries';

/** A stretch of a document where two coders' passages overlap and differ (or one coded and the other did not). */
export interface Disagreement {
  documentId: number;
  documentTitle: string;
  start: number;
  end: number;
  kind: DisagreementKind;
  /** The document's text from start to end (cut in the middle beyond 2,000 characters). */
  text: string;
  a: DisagreementPassage[];
  b: DisagreementPassage[];
}

export type DecisionChoice = 'a' | 'b' | 'both' | 'neither' | 'merged';

export interface AgreementDecision {
  id: number;
  documentId: number;
  documentTitle: string;
  start: number;
  end: number;
  coderA: number | null;
  coderB: number | null;
  kind: DisagreementKind;
  choice: DecisionChoice;
  tagIds: number[];
  sides: { a: DisagreementPassage[]; b: DisagreementPassage[] };
  result: { start: number; end: number; tagIds: number[] }[];
  reason: string;
  decidedBy: number | null;
  decidedByName: string | null;
  decidedAt: string;
}

export interface DisagreementQueue {
  coderA: { id: number; name: string };
  coderB: { id: number; name: string };
  items: Disagreement[];
  /** Items beyond the first 500 are counted, not sent. */
  total: number;
  decisions: AgreementDecision[];
}

/** A project's link to a team server, as the Team panel shows it. */
export type TeamStatus =
  | { linked: false }
  | {
      linked: true;
      url: string;
      member: TeamMember;
      members: TeamMember[];
      /** Local edits not yet accepted by the server. */
      pending: number;
      /** The last server sequence number applied here. */
      pulledSeq: number;
      lastError: string | null;
      lastSyncAt: string | null;
    };
