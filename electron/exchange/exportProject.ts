// Export to REFI-QDA: the project (or one collection) as a .qdpx — project.qde plus sources/<GUID>.txt — and the
// codebook as a .qdc. Sources are written as UTF-8 without BOM and with LF line endings, so every tool counts the
// same characters; positions are Unicode code points, end exclusive, as the standard says.
import type { AttributeType, DocumentAttribute, ExportedFile, Highlight, Note, Tag } from '../../shared/types.js';
import { listAttributes } from '../db/attributes.js';
import { codingCoders, defaultCoderId, listCoders } from '../db/coders.js';
import { getCollection, listCollections } from '../db/collections.js';
import type { Db } from '../db/connection.js';
import { getDocumentText, listDocuments } from '../db/documents.js';
import { listHighlights } from '../db/highlights.js';
import { getMemo, listMemos } from '../db/memos.js';
import { listNotes } from '../db/notes.js';
import { currentAuthor } from '../db/oplog.js';
import { listTags } from '../db/tags.js';
import { safeFileName } from '../export/model.js';
import { refuse } from './errors.js';
import { withReliabilityVariables } from './grades.js';
import { fileGuid, GuidBook } from './guids.js';
import { codePointCounter } from './positions.js';
import { docToPlainText } from './richText.js';
import { escapeText, escapeXml } from './xml.js';
import { writeZip, type ZipFile } from './zip.js';

const ORIGIN = 'Gloss 0.1';
const a = escapeXml;

interface Users {
  xml(): string;
  guidOf(coderId: number | null | undefined): string;
}

function usersOf(db: Db, guids: GuidBook): Users {
  const coders = listCoders(db);
  const defaultId = defaultCoderId(db);
  const byId = new Map(coders.map((c) => [c.id, guids.of('user', c.id, c.createdAt)]));
  // Passages made before coders existed are the default coder's; one is named after the OS user if there is none.
  const fallback = defaultId !== undefined ? byId.get(defaultId)! : guids.of('user', 'default');
  let fallbackUsed = false;
  return {
    guidOf: (id) => {
      const guid = id != null ? byId.get(id) : undefined;
      if (guid) return guid;
      fallbackUsed = true;
      return fallback;
    },
    xml: () => {
      const users = coders.map((c) => `<User guid="${byId.get(c.id)}" name="${a(c.name)}"/>`);
      if (fallbackUsed && defaultId === undefined)
        users.push(`<User guid="${fallback}" name="${a(currentAuthor())}"/>`);
      return users.length ? `<Users>\n${users.join('\n')}\n</Users>` : '';
    },
  };
}

/** The code tree; `noteRefs` are a tag's code memos, written as NoteRefs after its Description (Project.xsd). */
function codesXml(tags: Tag[], guids: GuidBook, noteRefs = new Map<number, string[]>()): string {
  const children = new Map<number | null, Tag[]>();
  const ids = new Set(tags.map((t) => t.id));
  for (const tag of tags) {
    const parent = tag.parentId !== null && ids.has(tag.parentId) ? tag.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), tag]);
  }
  const code = (tag: Tag): string => {
    const description =
      (tag.description ? `<Description>${escapeText(tag.description)}</Description>` : '') +
      (noteRefs.get(tag.id) ?? []).join('');
    const inner = (children.get(tag.id) ?? []).map(code).join('\n');
    const open =
      `<Code guid="${guids.of('code', tag.id, tag.createdAt)}" name="${a(tag.name)}" isCodable="${tag.codable}" ` +
      `color="${a(tag.color)}"`;
    return description || inner ? `${open}>${description}${inner ? `\n${inner}\n` : ''}</Code>` : `${open}/>`;
  };
  return `<Codes>\n${(children.get(null) ?? []).map(code).join('\n')}\n</Codes>`;
}

const VALUE_ELEMENT: Record<AttributeType, string> = {
  Text: 'TextValue',
  Boolean: 'BooleanValue',
  Integer: 'IntegerValue',
  Float: 'FloatValue',
  Date: 'DateValue',
  DateTime: 'DateTimeValue',
};

const VALID: Record<AttributeType, RegExp> = {
  Text: /[\s\S]*/,
  Boolean: /^(true|false|1|0)$/,
  Integer: /^[+-]?\d+$/,
  Float: /^[+-]?(\d+(\.\d*)?|\.\d+)$/,
  Date: /^-?\d{4,}-\d{2}-\d{2}(Z|[+-]\d{2}:\d{2})?$/,
  DateTime: /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/,
};

interface Variable {
  guid: string;
  name: string;
  type: AttributeType;
}

/** One variable per attribute name; its type is the stored one when every value fits it, else Text. */
function variablesOf(attributes: DocumentAttribute[], guids: GuidBook): Map<string, Variable> {
  const variables = new Map<string, Variable>();
  for (const attribute of attributes) {
    const existing = variables.get(attribute.name);
    const type = existing ? existing.type : attribute.type;
    const fits = type === attribute.type && VALID[type].test(attribute.value);
    variables.set(attribute.name, {
      guid: guids.of('variable', attribute.name),
      name: attribute.name,
      type: fits ? type : 'Text',
    });
  }
  return variables;
}

function variablesXml(variables: Map<string, Variable>): string {
  if (variables.size === 0) return '';
  const items = [...variables.values()].map(
    (v) => `<Variable guid="${v.guid}" name="${a(v.name)}" typeOfVariable="${v.type}"/>`,
  );
  return `<Variables>\n${items.join('\n')}\n</Variables>`;
}

function valueXml(attribute: DocumentAttribute, variable: Variable): string {
  const element = VALUE_ELEMENT[variable.type];
  return (
    `<VariableValue><VariableRef targetGUID="${variable.guid}"/><${element}>${escapeText(attribute.value)}</${element}>` +
    '</VariableValue>'
  );
}

const NAME_LENGTH = 200;

/** The quote as the selection's name (several tools do this), cut at a character boundary. */
function selectionName(exact: string): string {
  const chars = Array.from(exact);
  return chars.length <= NAME_LENGTH ? exact : `${chars.slice(0, NAME_LENGTH - 1).join('')}…`;
}

interface NoteOut {
  guid: string;
  name: string;
  text: string;
}

class ProjectWriter {
  readonly guids: GuidBook;
  readonly notes: NoteOut[] = [];
  readonly sources: ZipFile[] = [];
  private users!: Users;
  private readonly importedAt = new Map<number, string>();
  private codingCoders = new Map<string, number>();

  constructor(
    private readonly db: Db,
    private readonly collectionId: number | undefined,
  ) {
    this.guids = new GuidBook(db);
  }

  build(projectName: string): Buffer {
    const db = this.db;
    const documents = listDocuments(db, this.collectionId === undefined ? {} : { collectionId: this.collectionId });
    const included = new Set(documents.map((d) => d.id));
    for (const d of documents) this.importedAt.set(d.id, d.importedAt);
    const attributes = withReliabilityVariables(
      documents,
      listAttributes(db).filter((x) => included.has(x.documentId)),
    );
    const variables = variablesOf(attributes, this.guids);
    const tags = listTags(db);
    this.users = usersOf(db, this.guids);
    this.codingCoders = codingCoders(db);
    const highlightsByDoc = groupBy(
      listHighlights(db).filter((h) => included.has(h.documentId)),
      (h) => h.documentId,
    );
    const notes = listNotes(db).filter((n) => n.documentId !== null && included.has(n.documentId));
    const passageNotes = new Map(notes.filter((n) => n.highlightId !== null).map((n) => [n.highlightId!, n]));
    const documentNotes = new Map(notes.filter((n) => n.highlightId === null).map((n) => [n.documentId!, n]));
    const attributesByDoc = groupBy(attributes, (x) => x.documentId);
    const sources = documents.map((d) =>
      this.sourceXml(
        d,
        highlightsByDoc.get(d.id) ?? [],
        passageNotes,
        documentNotes.get(d.id),
        (attributesByDoc.get(d.id) ?? []).map((x) => valueXml(x, variables.get(x.name)!)),
      ),
    );
    const memoRefs = this.memos(new Set(tags.map((t) => t.id)));
    const parts = [
      this.users.xml(),
      tags.length ? `<CodeBook>\n${codesXml(tags, this.guids, memoRefs.byTag)}\n</CodeBook>` : '',
      variablesXml(variables),
      sources.length ? `<Sources>\n${sources.join('\n')}\n</Sources>` : '',
      this.notes.length ? `<Notes>\n${this.notes.map(noteXml).join('\n')}\n</Notes>` : '',
      this.setsXml(documents.map((d) => ({ id: d.id, collectionId: d.collectionId }))),
      memoRefs.project.join('\n'),
    ].filter(Boolean);
    const xml =
      '<?xml version="1.0" encoding="utf-8"?>\n' +
      `<Project xmlns="urn:QDA-XML:project:1.0" name="${a(projectName)}" origin="${ORIGIN}">\n${parts.join('\n')}\n</Project>\n`;
    return writeZip([{ name: 'project.qde', data: Buffer.from(xml, 'utf8') }, ...this.sources]);
  }

  private sourceXml(
    doc: { id: number; title: string; notes: string; importedAt: string },
    highlights: Highlight[],
    passageNotes: Map<number, Note>,
    documentNote: Note | undefined,
    values: string[],
  ): string {
    const guid = this.guids.of('source', doc.id, doc.importedAt);
    const text = getDocumentText(this.db, doc.id) ?? '';
    this.sources.push({ name: `sources/${fileGuid(guid)}.txt`, data: Buffer.from(text, 'utf8') });
    const toCodePoints = codePointCounter(text);
    const selections = highlights
      .filter((h) => !h.orphaned)
      .map((h) => this.selectionXml(h, toCodePoints, passageNotes.get(h.id)));
    const description = doc.notes ? `<Description>${escapeText(doc.notes)}</Description>` : '';
    const noteRef = documentNote ? this.noteRef(documentNote, `Note on ${doc.title}`) : '';
    return (
      `<TextSource guid="${guid}" name="${a(doc.title)}" plainTextPath="internal://${fileGuid(guid)}.txt">` +
      `${description}${selections.map((s) => `\n${s}`).join('')}${noteRef}${values.join('')}</TextSource>`
    );
  }

  private selectionXml(h: Highlight, toCodePoints: (offset: number) => number, note: Note | undefined): string {
    const user = this.users.guidOf(h.coderId);
    const codings = h.tagIds.map((tagId) => {
      const codingUser = this.users.guidOf(this.codingCoders.get(`${h.id}:${tagId}`) ?? h.coderId);
      return (
        `<Coding guid="${this.guids.of('coding', `${h.id}:${tagId}`, h.createdAt)}" creatingUser="${codingUser}">` +
        `<CodeRef targetGUID="${this.guids.of('code', tagId, this.tagCreated(tagId))}"/></Coding>`
      );
    });
    const noteRef = note ? this.noteRef(note, `Note on “${selectionName(h.exact).slice(0, 40)}”`) : '';
    return (
      `<PlainTextSelection guid="${this.guids.of('selection', h.id, h.createdAt)}" name="${a(selectionName(h.exact))}" ` +
      `startPosition="${toCodePoints(h.start)}" endPosition="${toCodePoints(h.end)}" creatingUser="${user}" ` +
      `creationDateTime="${h.createdAt}">${codings.join('')}${noteRef}</PlainTextSelection>`
    );
  }

  private tagCreatedAt?: Map<number, string>;

  private tagCreated(tagId: number): string {
    this.tagCreatedAt ??= new Map(listTags(this.db).map((t) => [t.id, t.createdAt]));
    return this.tagCreatedAt.get(tagId) ?? '';
  }

  private noteRef(note: Note, name: string): string {
    const guid = this.guids.of('note', note.id, note.createdAt);
    this.notes.push({ guid, name, text: note.text });
    return `<NoteRef targetGUID="${guid}"/>`;
  }

  /** Memos travel as notes: a code memo referred to by its code, every other memo by the project. */
  private memos(tagIds: Set<number>): { project: string[]; byTag: Map<number, string[]> } {
    const project: string[] = [];
    const byTag = new Map<number, string[]>();
    for (const summary of listMemos(this.db)) {
      const memo = getMemo(this.db, summary.id)!;
      const guid = this.guids.of('memo', memo.id, memo.createdAt);
      this.notes.push({ guid, name: memo.title, text: docToPlainText(memo.content) });
      const ref = `<NoteRef targetGUID="${guid}"/>`;
      if (memo.tagId !== null && tagIds.has(memo.tagId)) byTag.set(memo.tagId, [...(byTag.get(memo.tagId) ?? []), ref]);
      else project.push(ref);
    }
    return { project, byTag };
  }

  private setsXml(documents: { id: number; collectionId: number | null }[]): string {
    const members = groupBy(
      documents.filter((d) => d.collectionId !== null),
      (d) => d.collectionId!,
    );
    const sets = listCollections(this.db)
      .filter((c) => members.has(c.id))
      .map((c) => {
        const refs = members
          .get(c.id)!
          .map((d) => `<MemberSource targetGUID="${this.sourceGuid(d.id)}"/>`)
          .join('');
        return `<Set guid="${this.guids.of('set', c.id)}" name="${a(c.name)}">${refs}</Set>`;
      });
    return sets.length ? `<Sets>\n${sets.join('\n')}\n</Sets>` : '';
  }

  private sourceGuid(documentId: number): string {
    return this.guids.of('source', documentId, this.importedAt.get(documentId) ?? '');
  }
}

function noteXml(note: NoteOut): string {
  return `<Note guid="${note.guid}" name="${a(note.name)}"><PlainTextContent>${escapeText(note.text)}</PlainTextContent></Note>`;
}

function groupBy<T, K>(items: T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = keyOf(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export function exportProject(db: Db, projectName: string, collectionId?: number): ExportedFile {
  const collection = collectionId === undefined ? undefined : getCollection(db, collectionId);
  if (collectionId !== undefined && !collection) refuse(`There is no collection with id ${collectionId}.`);
  const name = collection ? `${projectName} – ${collection.name}` : projectName;
  const zip = new ProjectWriter(db, collectionId).build(name);
  return { fileName: `${safeFileName(name)}.qdpx`, mimeType: 'application/zip', base64: zip.toString('base64') };
}

export function exportCodebook(db: Db, projectName: string): ExportedFile {
  const tags = listTags(db);
  if (tags.length === 0) refuse('The codebook is empty: there are no tags to export.');
  const xml =
    '<?xml version="1.0" encoding="utf-8"?>\n' +
    `<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="${ORIGIN}">\n${codesXml(tags, new GuidBook(db))}\n</CodeBook>\n`;
  return {
    fileName: `${safeFileName(projectName)}-codebook.qdc`,
    mimeType: 'application/xml',
    base64: Buffer.from(xml, 'utf8').toString('base64'),
  };
}
