// The one description of Gloss's API. Both transports (Electron IPC, local HTTP) validate every
// call against these schemas in the main process, and the renderer's client is typed from them.
// Adding an operation: add it here, add its handler in electron/api/handlers.ts, call it.
import { z } from 'zod';
import type {
  AnalysisMatrix,
  AttributeCsvReport,
  AttributeDefinition,
  DocumentAttribute,
  RetrievalResult,
  RetrievedSegment,
  SegmentContext,
  CitationSource,
  ClaimsReport,
  Corroboration,
  CorroborationCount,
  SentenceCorroboration,
  Coder,
  Collection,
  DocumentFull,
  DocumentPage,
  DocumentSummary,
  EntityDetail,
  EntityIndex,
  EntitySummary,
  TimelineEvent,
  TimelineReport,
  ExchangeReport,
  ExportedFile,
  Highlight,
  PdfRegion,
  HighlightSnapshot,
  HistoryState,
  HistoryStep,
  ImportResult,
  Memo,
  MemoIndexEntry,
  EvidenceTable,
  MemoSummary,
  MergePreview,
  Note,
  ProjectInfo,
  SearchHit,
  Tag,
  TagMatrix,
  ThemeGroup,
  ThemeOutline,
  ThemeRows,
  AgreementDecision,
  AgreementReport,
  DisagreementQueue,
  TeamStatus,
} from './types.js';
import { teamRole, type InviteResponse } from './team.js';

interface OpSpec<A extends z.ZodType, R> {
  args: A;
  /** Phantom: carries the result type only. */
  result?: R;
}

function op<A extends z.ZodType>(args: A) {
  return { returns: <R>(): OpSpec<A, R> => ({ args }) };
}

/** Largest single payload either transport accepts (an imported file, base64-encoded). */
export const MAX_PAYLOAD_BYTES = 64 * 1024 * 1024;
/** Files larger than this (decoded) are refused at import with a clear message. */
export const MAX_IMPORT_FILE_BYTES = 40 * 1024 * 1024;

const id = z.number().int().positive();
const offset = z.number().int().nonnegative();
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #ffcc00');
const shortText = (max: number) => z.string().max(max);
const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'a date like 2025-02-27');
const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a day like 2025-02-27')
  .refine((d) => !Number.isNaN(Date.parse(d)) && new Date(d).toISOString().startsWith(d), 'a real calendar day');
const tiptapJson = z
  .string()
  .max(8 * 1024 * 1024)
  .refine(isJsonObject, 'a JSON document');
const empty = z.object({}).strict();
const teamTarget = z
  .object({
    url: z.url({ protocol: /^https?$/, error: 'a team server address like https://team.example.org' }),
    token: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{10,200}$/, 'the token the team owner gave you'),
  })
  .strict();
const importId = z.string().min(1).max(200);

function isJsonObject(s: string): boolean {
  try {
    const v: unknown = JSON.parse(s);
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
}

const documentPatch = z
  .object({
    title: shortText(500).trim().min(1, 'a title cannot be empty'),
    outlet: shortText(200).nullable(),
    author: shortText(200).nullable(),
    publishedAt: isoDate.nullable(),
    url: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .nullable(),
    notes: shortText(100_000),
    collectionId: id.nullable(),
  })
  .partial()
  .strict();

/** A file sent by the renderer: its name and its bytes, base64-encoded. */
/** A coordinate on a PDF page, in points (a page is at most 14,400 points wide: PDF 1.7 Annex C). */
const pdfPoint = z.number().finite().min(-14_400).max(28_800);

const uploadedFile = z.object({
  fileName: z.string().min(1).max(1000),
  base64: z
    .string()
    .max(MAX_PAYLOAD_BYTES)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64 file content'),
});

const exchangeFile = uploadedFile.strict();

const documentSort = z.enum(['title', 'outlet', 'publishedAt', 'importedAt', 'length', 'tagCount']);

/** What a tag is made of (all optional on update; a name is required to create one). */
const tagFields = z.object({
  name: shortText(200).trim().min(1, 'a tag needs a name'),
  color,
  description: shortText(10_000),
  parentId: id.nullable(),
});

/** Documents whose attribute has this value, or lies within [min, max] (analysis). */
const attributeFilter = z
  .object({
    name: shortText(200).min(1),
    equals: shortText(2000).optional(),
    min: shortText(100).optional(),
    max: shortText(100).optional(),
  })
  .strict();
const attributeFilters = z.array(attributeFilter).max(20);

/** The passages of the theme view: those carrying any (or all) of the tags. */
const themeQuery = z
  .object({
    tagIds: z.array(id).min(1).max(100),
    mode: z.enum(['and', 'or']),
    /** A parent tag also gathers its sub-tags' passages. */
    includeChildren: z.boolean().optional(),
    attributes: attributeFilters.optional(),
  })
  .strict();

const reliability = z.enum(['A', 'B', 'C', 'D', 'E', 'F']);
const credibility = z.number().int().min(1, 'a credibility from 1 to 6').max(6, 'a credibility from 1 to 6');

/** How the library is sorted and filtered. */
const documentQuery = z.object({
  attributes: attributeFilters.optional(),
  sort: documentSort.optional(),
  descending: z.boolean().optional(),
  outlet: shortText(200).optional(),
  collectionId: id.optional(),
  tagId: id.optional(),
  /** Only documents with one of these reliability grades ('ungraded': none). */
  reliability: z
    .array(z.union([reliability, z.literal('ungraded')]))
    .min(1)
    .max(7)
    .optional(),
});

// Analysis ---------------------------------------------------------------------------------------------------------
const attributeName = shortText(200).trim().min(1, 'an attribute needs a name');
const attributeChoices = z.array(shortText(200).trim().min(1)).max(500);
const tableFormat = z.enum(['csv', 'xlsx']);
const retrievalQuery = z
  .object({
    terms: z
      .array(
        z
          .object({
            operator: z.enum(['and', 'or', 'not', 'near']).optional(),
            tagId: id,
            distance: z.number().int().min(0).max(100).optional(),
          })
          .strict(),
      )
      .min(1, 'a retrieval needs at least one tag')
      .max(50),
    includeChildren: z.boolean().optional(),
    attributes: attributeFilters.optional(),
    collectionIds: z.array(id).max(1000).optional(),
    documentIds: z.array(id).max(10_000).optional(),
    coderIds: z.array(id).max(1000).optional(),
    codedFrom: isoDate.optional(),
    codedTo: isoDate.optional(),
  })
  .strict();
const matrixArgs = z
  .object({
    tagIds: z.array(id).max(500).optional(),
    columns: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('documents') }).strict(),
      z.object({ kind: z.literal('attribute'), name: shortText(200).min(1) }).strict(),
      z.object({ kind: z.literal('tags'), tagIds: z.array(id).max(500).optional() }).strict(),
    ]),
    includeChildren: z.boolean().optional(),
    attributes: attributeFilters.optional(),
  })
  .strict();

// Agreement between coders (issue 15) ----------------------------------------------------------------------------
const agreementScope = {
  coderIds: z.array(id).min(2, 'agreement needs at least two coders').max(100).optional(),
  tagIds: z.array(id).min(1, 'choose at least one tag').max(1000).optional(),
  documentIds: z.array(id).min(1, 'choose at least one document').max(100_000).optional(),
};
const overlapThreshold = z.number().min(0.01, 'a threshold from 1% to 100%').max(1, 'a threshold from 1% to 100%');
const agreementArgs = z
  .object({
    ...agreementScope,
    level: z.enum(['character', 'segment']),
    ignoreUncoded: z.boolean().optional(),
    threshold: overlapThreshold.optional(),
  })
  .strict();
const coderPair = { coderA: id, coderB: id };
const queueArgs = z
  .object({
    ...coderPair,
    tagIds: agreementScope.tagIds,
    documentIds: agreementScope.documentIds,
    threshold: overlapThreshold.optional(),
  })
  .strict()
  .refine((a) => a.coderA !== a.coderB, 'choose two different coders');

export const api = {
  // Project
  'project.info': op(empty).returns<ProjectInfo>(),
  'project.open': op(z.object({ path: z.string().min(1).max(4096) }).strict()).returns<ProjectInfo>(),
  'project.create': op(z.object({ path: z.string().min(1).max(4096) }).strict()).returns<ProjectInfo>(),

  // Documents
  'documents.list': op(documentQuery.strict()).returns<DocumentSummary[]>(),
  /** A slice of the library in its order ([offset, offset + limit)), with the number of matching documents. */
  'documents.page': op(
    documentQuery
      .extend({
        offset: z.number().int().nonnegative().optional(),
        limit: z.number().int().min(0).max(1000).optional(),
      })
      .strict(),
  ).returns<DocumentPage>(),
  /** Distinct outlets, for the library's filter. */
  'documents.outlets': op(empty).returns<string[]>(),
  'documents.get': op(z.object({ id }).strict()).returns<DocumentFull>(),
  'documents.update': op(z.object({ id, patch: documentPatch }).strict()).returns<DocumentSummary>(),
  'documents.delete': op(z.object({ id }).strict()).returns<{ deleted: true }>(),
  'documents.import': op(
    uploadedFile
      .extend({
        allowDuplicate: z.boolean().optional(),
        collectionId: id.optional(),
        /** Chosen by the caller, so documents.cancelImport can stop this import while it is being read. */
        importId: importId.optional(),
      })
      .strict(),
  ).returns<ImportResult>(),
  /** Many files in one call: read in parallel workers, written many per transaction; one result per file, in order. */
  'documents.importBatch': op(
    z
      .object({
        files: z.array(uploadedFile.strict()).min(1).max(10_000),
        allowDuplicate: z.boolean().optional(),
        collectionId: id.optional(),
        importId: importId.optional(),
      })
      .strict(),
  ).returns<ImportResult[]>(),
  /** Stops an import still being read (its worker is ended; nothing is written); false when none was running. */
  'documents.cancelImport': op(z.object({ importId }).strict()).returns<{ cancelled: boolean }>(),

  /** Replaces a document's text with an edited version of its file; highlights are re-anchored, never dropped. */
  'documents.reimport': op(
    uploadedFile
      .extend({
        id,
        importId: importId.optional(),
      })
      .strict(),
  ).returns<{ document: DocumentSummary; placed: number; orphaned: number }>(),

  'collections.list': op(empty).returns<Collection[]>(),
  'collections.create': op(z.object({ name: shortText(200).trim().min(1) }).strict()).returns<Collection>(),
  'collections.rename': op(z.object({ id, name: shortText(200).trim().min(1) }).strict()).returns<Collection>(),
  'collections.delete': op(z.object({ id }).strict()).returns<{ deleted: true }>(),

  // Highlights
  'highlights.list': op(z.object({ documentId: id.optional() }).strict()).returns<Highlight[]>(),
  'highlights.create': op(
    z
      .object({
        documentId: id,
        start: offset,
        end: offset,
        color: color.nullable().optional(),
        tagIds: z.array(id).max(1000).optional(),
      })
      .strict()
      .refine((a) => a.end > a.start, 'end must be after start'),
  ).returns<Highlight>(),
  /** Recolour, retag, or move the passage to new offsets (start and end together). */
  'highlights.update': op(
    z
      .object({
        id,
        color: color.nullable().optional(),
        tagIds: z.array(id).max(1000).optional(),
        start: offset.optional(),
        end: offset.optional(),
      })
      .strict()
      .refine((a) => (a.start === undefined) === (a.end === undefined), 'start and end go together')
      .refine((a) => a.start === undefined || a.end! > a.start, 'end must be after start'),
  ).returns<Highlight>(),
  'highlights.delete': op(z.object({ id }).strict()).returns<HighlightSnapshot>(),

  // Tags (the codebook)
  'tags.list': op(empty).returns<Tag[]>(),
  'tags.create': op(tagFields.partial().required({ name: true }).strict()).returns<Tag>(),
  'tags.update': op(tagFields.partial().extend({ id }).strict()).returns<Tag>(),
  /** Merge source into target: source's passages take target, source is removed. */
  'tags.merge': op(
    z
      .object({ sourceId: id, targetId: id })
      .strict()
      .refine((a) => a.sourceId !== a.targetId, 'cannot merge a tag into itself'),
  ).returns<Tag>(),
  /** What a merge would do, before it is done: passages that move, those already carrying both, sub-tags. */
  'tags.mergePreview': op(
    z
      .object({ sourceId: id, targetId: id })
      .strict()
      .refine((a) => a.sourceId !== a.targetId, 'cannot merge a tag into itself'),
  ).returns<MergePreview>(),
  /** Split a tag: the chosen passages leave it for a new tag (beside it in the codebook). */
  'tags.split': op(
    z
      .object({
        sourceId: id,
        name: shortText(200).trim().min(1, 'the new tag needs a name'),
        highlightIds: z.array(id).min(1, 'choose at least one passage to move').max(100_000),
      })
      .strict(),
  ).returns<Tag>(),
  /** What happens to the tag's passages: keep them untagged, delete them, or move them to another tag. */
  'tags.delete': op(
    z
      .object({
        id,
        passages: z.enum(['untag', 'delete', 'reassign']),
        reassignTo: id.optional(),
      })
      .strict()
      .refine((a) => a.passages !== 'reassign' || a.reassignTo !== undefined, 'reassign needs reassignTo'),
  ).returns<{ deleted: true }>(),

  // Theme view
  'themes.passages': op(themeQuery).returns<ThemeGroup[]>(),
  /** The theme view's list: where each passage sits, and the first rows (see ThemeOutline). */
  'themes.outline': op(themeQuery).returns<ThemeOutline>(),
  /** Rows of the theme view by id (those scrolled to): passages with wider context, and group headings. */
  'themes.rows': op(
    z.object({ highlightIds: z.array(id).max(500), documentIds: z.array(id).max(500) }).strict(),
  ).returns<ThemeRows>(),
  'themes.matrix': op(empty).returns<TagMatrix>(),

  // Notes
  'notes.list': op(z.object({ documentId: id.optional() }).strict()).returns<Note[]>(),
  'notes.forHighlight': op(z.object({ highlightId: id }).strict()).returns<Note | null>(),
  'notes.forDocument': op(z.object({ documentId: id }).strict()).returns<Note | null>(),
  /** Create or replace the note on a passage (highlightId) or on a document (documentId). */
  'notes.save': op(
    z
      .object({
        highlightId: id.optional(),
        documentId: id.optional(),
        content: tiptapJson,
        text: z.string().max(4 * 1024 * 1024),
      })
      .strict()
      .refine(
        (a) => (a.highlightId === undefined) !== (a.documentId === undefined),
        'a note belongs to exactly one of highlightId or documentId',
      ),
  ).returns<Note>(),
  'notes.delete': op(z.object({ id }).strict()).returns<{ deleted: true }>(),

  // Memos
  'memos.list': op(empty).returns<MemoSummary[]>(),
  'memos.get': op(z.object({ id }).strict()).returns<Memo>(),
  'memos.create': op(
    z
      .object({
        title: shortText(500).trim().min(1),
        content: tiptapJson.optional(),
        /** What the memo is about (at most one; none: the project). */
        documentId: id.optional(),
        tagId: id.optional(),
        highlightId: id.optional(),
      })
      .strict()
      .refine(
        (a) => [a.documentId, a.tagId, a.highlightId].filter((v) => v !== undefined).length <= 1,
        'a memo is about at most one of documentId, tagId or highlightId',
      ),
  ).returns<Memo>(),
  /** Every memo with its subject, an excerpt and its links, those matching `query` (title or text) only. */
  'memos.index': op(z.object({ query: shortText(200).optional() }).strict()).returns<MemoIndexEntry[]>(),
  'memos.update': op(
    z
      .object({
        id,
        title: shortText(500).trim().min(1).optional(),
        content: tiptapJson.optional(),
      })
      .strict(),
  ).returns<Memo>(),
  'memos.delete': op(z.object({ id }).strict()).returns<{ deleted: true }>(),
  /** A new memo with one section per tag, its passages cited in document order. */
  'memos.draftFromTags': op(
    z
      .object({
        title: shortText(500).trim().min(1),
        tagIds: z.array(id).min(1).max(100),
      })
      .strict(),
  ).returns<Memo>(),
  /** A new memo: a section per claim (shared ones first) citing each source stating it, and an evidence table. */
  'memos.draftFromClaims': op(
    z
      .object({
        title: shortText(500).trim().min(1),
        collectionId: id.optional(),
        includeSingle: z.boolean().optional(),
      })
      .strict(),
  ).returns<Memo>(),
  /** Claim × source with grades, to insert into a memo (a snapshot: it changes only when inserted again). */
  'memos.evidenceTable': op(
    z.object({ collectionId: id.optional(), includeSingle: z.boolean().optional() }).strict(),
  ).returns<EvidenceTable>(),
  'citations.resolve': op(z.object({ highlightIds: z.array(id).max(10_000) }).strict()).returns<CitationSource[]>(),

  // Search
  'search.query': op(
    z
      .object({
        query: z.string().max(1000),
        documentId: id.optional(),
        tagId: id.optional(),
        kinds: z
          .array(z.enum(['document', 'highlight', 'note']))
          .min(1)
          .optional(),
        limit: z.number().int().min(1).max(500).optional(),
        attributes: attributeFilters.optional(),
      })
      .strict(),
  ).returns<SearchHit[]>(),

  // History: undo and redo run in the main process from the project's operation log.
  'history.state': op(empty).returns<HistoryState>(),
  'history.undo': op(empty).returns<HistoryStep>(),
  'history.redo': op(empty).returns<HistoryStep>(),

  // Export
  'export.memo': op(
    z
      .object({
        memoId: id,
        format: z.enum(['md', 'html', 'docx', 'pdf']),
      })
      .strict(),
  ).returns<ExportedFile>(),
  'export.annotations': op(z.object({ format: z.enum(['csv', 'w3c']) }).strict()).returns<ExportedFile>(),

  // REFI-QDA exchange (ATLAS.ti, NVivo, MAXQDA, QualCoder): .qdpx projects and .qdc codebooks, in and out.
  'exchange.importProject': op(exchangeFile).returns<ExchangeReport>(),
  /** Codes of a .qdc codebook into the current project's tags (matched by GUID, then by name). */
  'exchange.importCodebook': op(exchangeFile).returns<ExchangeReport>(),
  /** The project (or one collection's documents) as a .qdpx. */
  'exchange.exportProject': op(z.object({ collectionId: id.optional() }).strict()).returns<ExportedFile>(),
  'exchange.exportCodebook': op(empty).returns<ExportedFile>(),

  // Coders: who made each passage.
  'coders.list': op(empty).returns<Coder[]>(),
  'coders.rename': op(
    z.object({ id, name: shortText(200).trim().min(1, 'a coder needs a name') }).strict(),
  ).returns<Coder>(),

  'coders.create': op(
    z.object({ name: shortText(200).trim().min(1, 'a coder needs a name') }).strict(),
  ).returns<Coder>(),
  /** Who this copy of Gloss codes as: new passages belong to this coder. */
  'coders.setCurrent': op(z.object({ id }).strict()).returns<Coder>(),

  // Agreement between coders: statistics per tag, the disagreement queue, settling it, drafting the decisions.
  'agreement.compute': op(agreementArgs).returns<AgreementReport>(),
  'agreement.export': op(agreementArgs.extend({ format: tableFormat }).strict()).returns<ExportedFile>(),
  'agreement.queue': op(queueArgs).returns<DisagreementQueue>(),
  /** Settles one stretch: both coders' codings of the compared tags there become the chosen outcome. */
  'agreement.settle': op(
    z
      .object({
        ...coderPair,
        documentId: id,
        start: offset,
        end: offset,
        tagIds: z.array(id).min(1).max(1000),
        choice: z.enum(['a', 'b', 'both', 'neither', 'merged']),
        merged: z.object({ start: offset, end: offset }).strict().optional(),
        reason: shortText(10_000).optional(),
        threshold: overlapThreshold.optional(),
      })
      .strict()
      .refine((a) => a.end > a.start, 'end must be after start')
      .refine(
        (a) => a.choice !== 'merged' || a.merged !== undefined,
        'a merged boundary needs merged.start and merged.end',
      )
      .refine((a) => a.coderA !== a.coderB, 'choose two different coders'),
  ).returns<AgreementDecision>(),
  'agreement.draftMemo': op(z.object({ ...coderPair, title: shortText(500).trim().min(1) }).strict()).returns<Memo>(),

  // PDF pages: the original file of an imported PDF, for the page view (null when it was not kept), and region
  // highlights: a rectangle on a page in PDF points, the text under or nearest it, and the image cropped from it.
  'documents.originalPdf': op(z.object({ id }).strict()).returns<{ base64: string } | null>(),
  'regions.list': op(z.object({ documentId: id }).strict()).returns<PdfRegion[]>(),
  /** The regions of these highlights with their images, for the margin and theme rows on screen. */
  'regions.get': op(z.object({ highlightIds: z.array(id).max(200) }).strict()).returns<PdfRegion[]>(),
  'regions.create': op(
    z
      .object({
        documentId: id,
        start: offset,
        end: offset,
        page: z.number().int().min(1).max(100_000),
        firstX: pdfPoint,
        firstY: pdfPoint,
        secondX: pdfPoint,
        secondY: pdfPoint,
        imageBase64: z
          .string()
          .max(Math.ceil((4 * 1024 * 1024 * 4) / 3))
          .regex(/^iVBORw0KGgo[A-Za-z0-9+/]*={0,2}$/, 'a base64 PNG image')
          .nullable(),
      })
      .strict()
      .refine((a) => a.end > a.start, 'end must be after start')
      .refine(
        (a) => a.secondX > a.firstX && a.secondY < a.firstY,
        'first must be the top-left corner, second the bottom-right',
      ),
  ).returns<Highlight>(),

  // Analysis: document attributes (typed variables), retrieval of coded segments, matrices.
  'attributes.definitions': op(empty).returns<AttributeDefinition[]>(),
  'attributes.define': op(
    z
      .object({
        name: attributeName,
        kind: z.enum(['text', 'number', 'date', 'boolean', 'choice']),
        choices: attributeChoices.optional(),
      })
      .strict()
      .refine((a) => a.kind !== 'choice' || (a.choices?.length ?? 0) > 0, 'a one-of-a-list attribute needs choices'),
  ).returns<AttributeDefinition>(),
  /**
   * Renames (values follow) or changes the choices of a one-of-a-list attribute. `renamedChoices` says which old
   * choice became which new one (documents' values follow; a change of case alone is seen as a rename). Removing a
   * choice that documents still have is refused, naming them.
   */
  'attributes.updateDefinition': op(
    z
      .object({
        id,
        name: attributeName.optional(),
        choices: attributeChoices.min(1, 'a one-of-a-list attribute needs choices').optional(),
        renamedChoices: z
          .array(z.object({ from: shortText(200).min(1), to: shortText(200).trim().min(1) }).strict())
          .max(500)
          .optional(),
      })
      .strict()
      .refine((a) => !a.renamedChoices || a.choices, 'renamed choices come with the new list of choices'),
  ).returns<AttributeDefinition>(),
  /** Removes the attribute and every document's value of it. */
  'attributes.deleteDefinition': op(z.object({ id }).strict()).returns<{ deleted: true }>(),
  'attributes.forDocument': op(z.object({ documentId: id }).strict()).returns<DocumentAttribute[]>(),
  /** Distinct values of an attribute, for filters. */
  'attributes.values': op(z.object({ name: shortText(200).min(1) }).strict()).returns<string[]>(),
  /** One value (null: none) for one or many documents, as one edit. */
  'attributes.set': op(
    z
      .object({
        definitionId: id,
        documentIds: z.array(id).min(1).max(100_000),
        value: shortText(2000).nullable(),
      })
      .strict(),
  ).returns<{ written: number }>(),
  /** Values from a CSV keyed by file name or title: a preview (apply false), or written as one edit. */
  'attributes.importCsv': op(
    z
      .object({
        csv: z.string().max(20 * 1024 * 1024),
        apply: z.boolean(),
        /** Write the rows without errors and leave the others; without it, any error writes nothing. */
        skipInvalid: z.boolean().optional(),
      })
      .strict(),
  ).returns<AttributeCsvReport>(),
  'retrieval.query': op(
    z.object({ query: retrievalQuery, limit: z.number().int().min(0).max(50_000).optional() }).strict(),
  ).returns<RetrievalResult>(),
  /** Rows of retrieved passages (the result list's later pages). */
  'retrieval.segments': op(z.object({ highlightIds: z.array(id).max(1000) }).strict()).returns<RetrievedSegment[]>(),
  /** Sentences or paragraphs either side of each passage. */
  'retrieval.context': op(
    z
      .object({
        highlightIds: z.array(id).max(500),
        unit: z.enum(['sentence', 'paragraph']),
        count: z.number().int().min(0).max(10),
      })
      .strict(),
  ).returns<SegmentContext[]>(),
  'retrieval.export': op(z.object({ query: retrievalQuery, format: tableFormat }).strict()).returns<ExportedFile>(),
  /** A new memo with one section citing every segment of the result. */
  'retrieval.draftMemo': op(
    z.object({ query: retrievalQuery, title: shortText(500).trim().min(1) }).strict(),
  ).returns<Memo>(),
  'analysis.matrix': op(matrixArgs).returns<AnalysisMatrix>(),
  'analysis.exportMatrix': op(matrixArgs.extend({ format: tableFormat }).strict()).returns<ExportedFile>(),

  // Source grading and corroboration (issue 14): Admiralty grades; passages stating the same thing elsewhere.
  /** A document's source reliability (A–F), or null to clear it. */
  'grades.setDocument': op(
    z.object({ documentId: id, reliability: reliability.nullable() }).strict(),
  ).returns<DocumentSummary>(),
  /** A passage's information credibility (1–6), or null to clear it. */
  'grades.setHighlight': op(
    z.object({ highlightId: id, credibility: credibility.nullable() }).strict(),
  ).returns<Highlight>(),
  /** Passages of other documents stating the same thing as a highlight (or a span of a document), by outlet. */
  'corroboration.forPassage': op(
    z.union([
      z.object({ highlightId: id }).strict(),
      z
        .object({ documentId: id, start: offset, end: offset })
        .strict()
        .refine((a) => a.end > a.start, 'end must be after start'),
    ]),
  ).returns<Corroboration>(),
  /** How many outlets report each highlight (for badges on the passages on screen). */
  'corroboration.counts': op(z.object({ highlightIds: z.array(id).max(200) }).strict()).returns<CorroborationCount[]>(),
  /** Every sentence of a document with the outlets that report it. */
  'corroboration.forDocument': op(z.object({ documentId: id }).strict()).returns<SentenceCorroboration[]>(),
  /** The claims of the project (or a collection), clustered across documents with their sources. */
  'corroboration.claims': op(z.object({ collectionId: id.optional() }).strict()).returns<ClaimsReport>(),

  // Entities and the timeline (issue 14): read from the documents in the background, first when asked.
  /** Every entity with its counts, and how far reading has come (starts reading what is left). */
  'entities.index': op(empty).returns<EntityIndex>(),
  /** An entity's mentions (the first 2,000), counts by outlet and the ways it is written. */
  'entities.get': op(z.object({ entityId: id }).strict()).returns<EntityDetail>(),
  'entities.rename': op(
    z.object({ entityId: id, name: shortText(300).trim().min(1, 'a name cannot be empty') }).strict(),
  ).returns<EntitySummary>(),
  /** The sources' mentions and names become the target's; the sources are removed. */
  'entities.merge': op(
    z
      .object({ sourceIds: z.array(id).min(1).max(500), targetId: id })
      .strict()
      .refine((a) => !a.sourceIds.includes(a.targetId), 'cannot merge an entity into itself'),
  ).returns<EntitySummary>(),
  /** The given mentions leave the entity for a new one of the same kind. */
  'entities.split': op(
    z
      .object({
        entityId: id,
        mentionIds: z.array(id).min(1).max(10_000),
        name: shortText(300).trim().min(1, 'a name cannot be empty'),
      })
      .strict(),
  ).returns<EntitySummary>(),
  /** Removes the entity and its mentions; it is not found again in documents read later. */
  'entities.delete': op(z.object({ entityId: id }).strict()).returns<{ deleted: true }>(),
  /** Codes every mention as a passage with a tag of the entity's name (made if missing). */
  'entities.toTag': op(z.object({ entityId: id }).strict()).returns<{ tag: Tag; coded: number }>(),
  /** Dated events (the first 5,000), dated first, and how far reading has come. */
  'timeline.events': op(empty).returns<TimelineReport>(),
  /** Corrects an event's date (a day), or clears it with null. */
  'timeline.setDate': op(z.object({ eventId: id, day: isoDay.nullable() }).strict()).returns<TimelineEvent>(),

  // Team server (issue 15): publish this project, join one, see and run the sync, invite members (owners only).
  'team.publish': op(teamTarget).returns<TeamStatus>(),
  'team.join': op(teamTarget).returns<TeamStatus>(),
  'team.status': op(empty).returns<TeamStatus>(),
  'team.sync': op(empty).returns<TeamStatus>(),
  'team.invite': op(
    z.object({ name: shortText(200).trim().min(1, 'a member needs a name'), role: teamRole }).strict(),
  ).returns<InviteResponse>(),
  /** Withdraws a member (owners only): their token is refused from then on; their edits stay. */
  'team.withdraw': op(z.object({ memberId: id }).strict()).returns<TeamStatus>(),
} as const;

export type Api = typeof api;
export type OpName = keyof Api;
export type ArgsOf<K extends OpName> = z.input<Api[K]['args']>;
export type ParsedArgsOf<K extends OpName> = z.output<Api[K]['args']>;
export type ResultOf<K extends OpName> = Exclude<Api[K]['result'], undefined>;

export const opNames = Object.keys(api) as OpName[];

export function isOpName(name: string): name is OpName {
  return Object.prototype.hasOwnProperty.call(api, name);
}

export { GlossError, type CallResponse, type ErrorBody, type ErrorCode } from './errors.js';
export { createClient, type GlossClient, type Transport } from './client.js';
