// Writes an ImportPlan into the project. Called inside one recorded edit, so the whole import is one undo step;
// it only writes (the plan was checked before), through the query modules of electron/db/.
import type { ExchangeCount, ExchangeReport, MemoSubject } from '../../shared/types.js';
import { describeAnchor } from '../anchoring/anchor.js';
import { checkValue } from '../analysis/attributeValues.js';
import { findDefinitionByName, insertDefinition } from '../db/attributeDefinitions.js';
import { setAttribute } from '../db/attributes.js';
import { insertCoder, listCoders, setCodingCoder } from '../db/coders.js';
import { insertCollection, listCollections } from '../db/collections.js';
import type { Db } from '../db/connection.js';
import { insertDocument, updateDocument } from '../db/documents.js';
import { setDocumentReliability } from '../db/grades.js';
import { allGuids, guidsOf, storeGuid, type GuidKind } from '../db/exchangeGuids.js';
import { insertHighlight, setHighlightTags } from '../db/highlights.js';
import { insertMemo } from '../db/memos.js';
import { saveNote } from '../db/notes.js';
import { insertTag, listTags, nextTagColor } from '../db/tags.js';
import { contentHash } from '../import/text.js';
import { takeReliability } from './grades.js';
import type { ImportPlan, PlanAttribute, PlanCode, PlanCoding, PlanNote, PlanSource } from './plan.js';
import { plainTextDoc } from './richText.js';

const key = (guid: string) => guid.replace(/[{}]/g, '').toLowerCase();

class Writer {
  readonly counts = new Map<string, number>();
  private readonly taken: Set<string>;
  private copies = 0;
  readonly coders = new Map<string, number>();
  readonly tags = new Map<string, number>();
  readonly documents = new Map<string, number>();
  readonly collections = new Map<string, number>();
  private readonly usedNotes = new Set<string>();
  /** Attribute names by lower-cased variable name: the spelling of the definition each maps to. */
  private readonly attributeNames = new Map<string, string>();
  private readonly notes: Map<string, PlanNote>;

  constructor(
    private readonly db: Db,
    private readonly plan: ImportPlan,
  ) {
    this.taken = allGuids(db);
    this.notes = new Map(plan.notes.map((n) => [key(n.guid), n]));
  }

  count(kind: string, n = 1): void {
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + n);
  }

  /** Keeps the entity's GUID unless another entity here already has it (a second import makes copies). */
  remember(kind: GuidKind, localKey: string | number, guid: string): void {
    if (this.taken.has(key(guid))) {
      this.copies++;
      return;
    }
    this.taken.add(key(guid));
    storeGuid(this.db, kind, localKey, guid);
  }

  get copyCount(): number {
    return this.copies;
  }

  run(): void {
    this.writeCoders();
    this.writeCodes();
    this.writeSets();
    this.writeVariables();
    for (const source of this.plan.sources) this.writeSource(source);
    this.writeMemos();
  }

  private writeCoders(): void {
    const byGuid = reverse(guidsOf(this.db, 'user'));
    const existing = new Set(listCoders(this.db).map((c) => c.id));
    for (const user of this.plan.users) {
      const known = byGuid.get(key(user.guid));
      if (known !== undefined && existing.has(known)) {
        this.coders.set(key(user.guid), known);
        continue;
      }
      const id = insertCoder(this.db, user.name);
      this.coders.set(key(user.guid), id);
      this.remember('user', id, user.guid);
      this.count('coders');
    }
  }

  private writeCodes(): void {
    const byGuid = reverse(guidsOf(this.db, 'code'));
    const tags = listTags(this.db);
    const byName = new Map(tags.map((t) => [t.name.toLowerCase(), t.id]));
    const existing = new Set(tags.map((t) => t.id));
    const names = new Map(this.plan.codes.map((c) => [c.guid, c.name]));
    for (const code of this.plan.codes) {
      const known = byGuid.get(key(code.guid));
      const sameName = byName.get(code.name.toLowerCase());
      if (known !== undefined && existing.has(known)) {
        this.tags.set(code.guid, known);
        this.count('tags already in the project');
      } else if (sameName !== undefined && existing.has(sameName)) {
        this.tags.set(code.guid, sameName);
        this.remember('code', sameName, code.guid);
        this.count('tags already in the project');
      } else {
        const name = uniqueName(code, names, byName);
        const id = this.insertCode(code, name);
        byName.set(name.toLowerCase(), id);
      }
    }
  }

  private insertCode(code: PlanCode, name: string): number {
    const parentId = code.parentGuid ? (this.tags.get(code.parentGuid) ?? null) : null;
    const id = insertTag(this.db, {
      name,
      color: code.color ?? nextTagColor(this.db),
      description: code.description,
      parentId,
      codable: code.codable,
    });
    this.tags.set(code.guid, id);
    this.remember('code', id, code.guid);
    this.count('tags');
    return id;
  }

  private writeSets(): void {
    const byName = new Map(listCollections(this.db).map((c) => [c.name.toLowerCase(), c.id]));
    for (const set of this.plan.sets) {
      let id = byName.get(set.name.toLowerCase());
      if (id === undefined) {
        id = insertCollection(this.db, set.name);
        byName.set(set.name.toLowerCase(), id);
        this.remember('set', id, set.guid);
        this.count('collections');
      }
      for (const guid of set.sourceGuids) if (!this.collections.has(key(guid))) this.collections.set(key(guid), id);
    }
  }

  /**
   * Variables become attribute definitions (an existing one of the same name, in any case, is reused and its
   * spelling kept); their GUIDs are kept for the next export.
   */
  private writeVariables(): void {
    const known = guidsOf(this.db, 'variable');
    for (const variable of this.plan.variables) {
      const existing = findDefinitionByName(this.db, variable.name);
      if (!existing) insertDefinition(this.db, { name: variable.name, type: variable.type, choices: null });
      const name = existing?.name ?? variable.name;
      this.attributeNames.set(variable.name.toLowerCase(), name);
      if (!known.has(name)) this.remember('variable', name, variable.guid);
    }
  }

  /** A value in its attribute's type when it fits (some tools write every value as text), else as written. */
  private typedValue(name: string, attribute: PlanAttribute): Pick<PlanAttribute, 'type' | 'value'> {
    const definition = findDefinitionByName(this.db, name);
    const checked = definition && definition.type !== attribute.type && checkValue(definition, attribute.value);
    return checked && checked.ok ? { type: definition.type, value: checked.value } : attribute;
  }

  private writeSource(source: PlanSource): void {
    const documentId = insertDocument(this.db, {
      title: source.name,
      format: source.format,
      text: source.text,
      contentHash: contentHash(source.text),
      sourceName: `${source.name}.${source.format}`,
      collectionId: this.collections.get(key(source.guid)) ?? null,
    });
    this.documents.set(key(source.guid), documentId);
    this.remember('source', documentId, source.guid);
    this.count('documents');
    if (source.description) updateDocument(this.db, documentId, { notes: source.description });
    const { reliability, rest } = takeReliability(source.attributes);
    if (reliability) setDocumentReliability(this.db, documentId, reliability);
    for (const attribute of rest) {
      const name = this.attributeNames.get(attribute.name.toLowerCase()) ?? attribute.name;
      setAttribute(this.db, { documentId, ...this.typedValue(name, attribute), name });
    }
    this.count('document attributes', rest.length);
    if (reliability) this.count('source grades');
    this.writeNote({ documentId, highlightId: null }, source.noteGuids, 'document notes');
    for (const selection of source.selections) this.writeSelection(documentId, source.text, selection);
  }

  private writeSelection(documentId: number, text: string, selection: PlanSource['selections'][number]): void {
    const passageCoder = selection.userGuid ? (this.coders.get(key(selection.userGuid)) ?? null) : null;
    const highlightId = insertHighlight(this.db, {
      documentId,
      ...describeAnchor(text, selection.start, selection.end),
      createdAt: selection.createdAt ?? undefined,
      coderId: passageCoder,
    });
    this.remember('selection', highlightId, selection.guid);
    this.count('passages');
    const codings = new Map<number, PlanCoding>();
    for (const coding of selection.codings) {
      const tagId = this.tags.get(coding.codeGuid)!;
      if (!codings.has(tagId)) codings.set(tagId, coding);
    }
    if (codings.size) setHighlightTags(this.db, highlightId, [...codings.keys()]);
    for (const [tagId, coding] of codings) {
      this.remember('coding', `${highlightId}:${tagId}`, coding.guid);
      const coderId = coding.userGuid ? this.coders.get(key(coding.userGuid)) : undefined;
      if (coderId !== undefined && coderId !== passageCoder) setCodingCoder(this.db, highlightId, tagId, coderId);
    }
    this.count('codings', codings.size);
    this.writeNote({ documentId, highlightId }, selection.noteGuids, 'passage notes');
  }

  /** A passage or document has one note in Gloss: several REFI notes on it are joined. */
  private writeNote(target: { documentId: number; highlightId: number | null }, guids: string[], kind: string): void {
    const notes = guids.map((g) => this.notes.get(key(g))).filter((n): n is PlanNote => n !== undefined);
    if (notes.length === 0) return;
    notes.forEach((n) => this.usedNotes.add(key(n.guid)));
    const text = notes.map((n) => n.text).join('\n\n');
    const id = saveNote(this.db, { ...target, content: plainTextDoc(text), text });
    this.remember('note', id, notes[0].guid);
    this.count(kind);
  }

  /**
   * A code's notes become that tag's code memos (a note on a code and on the project counts as the code's); the
   * rest are project memos. A code's Description stays the tag's description, as it came in.
   */
  private writeMemos(): void {
    for (const code of this.plan.codes)
      for (const guid of code.noteGuids) this.noteAsMemo(guid, { tagId: this.tags.get(code.guid) }, 'code memos');
    if (this.plan.description) this.memo(`Description of ${this.plan.name}`, this.plan.description);
    for (const guid of this.plan.projectNoteGuids) this.noteAsMemo(guid);
    for (const note of this.plan.notes) this.noteAsMemo(note.guid);
  }

  private noteAsMemo(guid: string, subject: MemoSubject = {}, kind = 'memos'): void {
    const note = this.notes.get(key(guid));
    if (!note || this.usedNotes.has(key(guid))) return;
    this.usedNotes.add(key(guid));
    this.memo(note.name, note.text, note.guid, subject, kind);
  }

  private memo(title: string, text: string, guid?: string, subject: MemoSubject = {}, kind = 'memos'): void {
    const id = insertMemo(this.db, title, plainTextDoc(text), subject);
    if (guid) this.remember('memo', id, guid);
    this.count(kind);
  }
}

function reverse(map: Map<string, string>): Map<string, number> {
  return new Map([...map].map(([localKey, guid]) => [key(guid), Number(localKey)]));
}

/** Gloss tag names are unique; codes of the same name under different parents are told apart by their parent. */
function uniqueName(code: PlanCode, names: Map<string, string>, taken: Map<string, number>): string {
  if (!taken.has(code.name.toLowerCase())) return code.name;
  const parent = code.parentGuid ? names.get(code.parentGuid) : undefined;
  const withParent = parent ? `${code.name} (${parent})` : code.name;
  if (!taken.has(withParent.toLowerCase())) return withParent;
  for (let n = 2; ; n++) if (!taken.has(`${withParent} ${n}`.toLowerCase())) return `${withParent} ${n}`;
}

const ORDER = [
  'coders',
  'tags',
  'tags already in the project',
  'documents',
  'passages',
  'codings',
  'passage notes',
  'document notes',
  'memos',
  'code memos',
  'document attributes',
  'source grades',
  'collections',
];

export function writeImport(db: Db, plan: ImportPlan, fileName: string): ExchangeReport {
  const writer = new Writer(db, plan);
  writer.run();
  const imported: ExchangeCount[] = ORDER.filter((k) => writer.counts.get(k)).map((k) => ({
    kind: k,
    count: writer.counts.get(k)!,
  }));
  const warnings = [...plan.warnings];
  if (writer.copyCount) {
    warnings.push(`${writer.copyCount} items were already in this project (same GUID); the new copies got new GUIDs.`);
  }
  const { origin, notCarried, quoteMismatches } = plan;
  return { fileName, origin, imported, notCarried, quoteMismatches, warnings };
}
