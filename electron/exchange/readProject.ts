// Reads a .qdpx (or a .qdc) into an ImportPlan: everything parsed, resolved and checked before a single row is
// written, so that a refusal leaves the project untouched.
import { MAX_IMPORT_FILE_BYTES } from '../../shared/api.js';
import type { AttributeType, ExchangeCount } from '../../shared/types.js';
import { refuse } from './errors.js';
import type {
  ImportPlan,
  PlanAttribute,
  PlanCode,
  PlanNote,
  PlanSelection,
  PlanSet,
  PlanSource,
  PlanUser,
  PlanVariable,
} from './plan.js';
import { tally } from './plan.js';
import { chooseUnit, quoteMatches, STANDARD_UNIT, storedText, type RawSelection } from './positions.js';
import { attr, child, children, parseXml, text, type XmlNode } from './xml.js';
import { mb, readZip, type ZipArchive } from './zip.js';

export const EXCHANGE_LIMITS = {
  /** project.qde or a .qdc larger than this is refused before parsing. */
  maxXmlBytes: 50 * 1024 * 1024,
  zip: { maxEntries: 20_000, maxEntryBytes: 200 * 1024 * 1024, maxTotalBytes: 1024 * 1024 * 1024 },
  docx: { maxEntries: 2_000, maxEntryBytes: 64 * 1024 * 1024, maxTotalBytes: 128 * 1024 * 1024 },
};

const MAX_CODE_DEPTH = 100;
const VARIABLE_TYPES: AttributeType[] = ['Text', 'Boolean', 'Integer', 'Float', 'Date', 'DateTime'];
const VALUE_ELEMENTS: Record<string, AttributeType> = {
  TextValue: 'Text',
  BooleanValue: 'Boolean',
  IntegerValue: 'Integer',
  FloatValue: 'Float',
  DateValue: 'Date',
  DateTimeValue: 'DateTime',
};

export type DocxToText = (bytes: Buffer, fileName: string) => Promise<string>;

interface Context {
  label: string;
  archive: ZipArchive;
  docxToText: DocxToText;
  notCarried: ExchangeCount[];
  warnings: string[];
  quoteMismatches: number;
}

export async function readQdpx(bytes: Buffer, fileName: string, docxToText: DocxToText): Promise<ImportPlan> {
  const archive = readZip(bytes, fileName, EXCHANGE_LIMITS.zip);
  const entry =
    archive.entries.find((e) => /^[^/]+\.qde$/i.test(e.name)) ??
    refuse(`${fileName} holds no project.qde, so it is not a REFI-QDA project.`);
  checkXmlSize(entry.size, `${fileName}: ${entry.name}`);
  const project =
    child(parseXml(archive.read(entry), `${fileName}: ${entry.name}`), 'Project') ??
    refuse(`${fileName}: ${entry.name} is not a REFI-QDA project (its root element is not <Project>).`);
  const ctx: Context = { label: fileName, archive, docxToText, notCarried: [], warnings: [], quoteMismatches: 0 };
  return readProjectElement(project, ctx);
}

export function checkXmlSize(size: number, label: string): void {
  if (size > EXCHANGE_LIMITS.maxXmlBytes) {
    refuse(`${label} is ${mb(size)}; Gloss reads project files of up to ${mb(EXCHANGE_LIMITS.maxXmlBytes)}.`);
  }
}

async function readProjectElement(project: XmlNode, ctx: Context): Promise<ImportPlan> {
  const codes = readCodes(child(child(project, 'CodeBook'), 'Codes'), ctx);
  const variables = readVariables(project, ctx);
  const codeGuids = new Set(codes.map((c) => c.guid));
  const sources = await readSources(child(project, 'Sources'), codeGuids, variables, ctx);
  applyCases(project, sources, variables, ctx);
  countUncarried(project, ctx);
  return {
    name: attr(project, 'name') ?? 'REFI-QDA project',
    origin: attr(project, 'origin') ?? null,
    description: text(project, 'Description').trim(),
    users: children(child(project, 'Users'), 'User').map((u) => readUser(u, ctx)),
    codes,
    variables,
    sources,
    notes: await readNotes(project, ctx),
    projectNoteGuids: noteRefs(project),
    sets: readSets(project, ctx),
    notCarried: ctx.notCarried,
    quoteMismatches: ctx.quoteMismatches,
    warnings: ctx.warnings,
  };
}

/** A .qdc codebook: codes only (Sets of codes cannot be carried: Gloss collections group documents). */
export function readQdc(bytes: Buffer, fileName: string): ImportPlan {
  checkXmlSize(bytes.length, fileName);
  const book =
    child(parseXml(bytes, fileName), 'CodeBook') ??
    refuse(`${fileName} is not a REFI-QDA codebook (its root element is not <CodeBook>).`);
  const ctx = { label: fileName, notCarried: [], warnings: [], quoteMismatches: 0 } as unknown as Context;
  const codes = readCodes(child(book, 'Codes'), ctx);
  tally(ctx.notCarried, 'code sets', children(child(book, 'Sets'), 'Set').length);
  return {
    name: fileName,
    origin: attr(book, 'origin') ?? null,
    description: '',
    users: [],
    codes,
    variables: [],
    sources: [],
    notes: [],
    projectNoteGuids: [],
    sets: [],
    notCarried: ctx.notCarried,
    quoteMismatches: 0,
    warnings: ctx.warnings,
  };
}

function guidOf(node: XmlNode, what: string, ctx: Context): string {
  const guid = attr(node, 'guid')?.trim();
  if (!guid || !/^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?$/.test(guid)) {
    refuse(`${ctx.label}: a ${what} has no valid GUID (${guid ? `“${guid}”` : 'none'}).`);
  }
  return guid;
}

/** A name as written (Gloss titles may end in a space), or the fallback when it is blank. */
function nameOf(node: XmlNode, fallback: string): string {
  const name = attr(node, 'name');
  return name && name.trim() ? name : fallback;
}

const key = (guid: string) => guid.replace(/[{}]/g, '').toLowerCase();

function readUser(node: XmlNode, ctx: Context): PlanUser {
  return {
    guid: guidOf(node, 'user', ctx),
    name: nameOf(node, nameOf({ name: attr(node, 'id') }, 'Unnamed coder')),
  };
}

function readCodes(codesNode: XmlNode | undefined, ctx: Context): PlanCode[] {
  const codes: PlanCode[] = [];
  const walk = (node: XmlNode, parentGuid: string | null, depth = 0) => {
    if (depth > MAX_CODE_DEPTH)
      refuse(`${ctx.label}: its code tree is nested more than ${MAX_CODE_DEPTH} levels deep.`);
    const guid = guidOf(node, 'code', ctx);
    codes.push({
      guid,
      parentGuid,
      name: attr(node, 'name')?.trim() || 'Unnamed code',
      color: colorOf(attr(node, 'color')),
      description: text(node, 'Description').trim(),
      codable: attr(node, 'isCodable') !== 'false',
      noteGuids: noteRefs(node),
    });
    for (const sub of children(node, 'Code')) walk(sub, guid, depth + 1);
  };
  for (const node of children(codesNode, 'Code')) walk(node, null);
  return codes;
}

function colorOf(value: string | undefined): string | null {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(value?.trim() ?? '');
  if (!m) return null;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return `#${hex.toLowerCase()}`;
}

function noteRefs(node: XmlNode): string[] {
  return children(node, 'NoteRef')
    .map((r) => attr(r, 'targetGUID'))
    .filter((g): g is string => !!g);
}

function readVariables(project: XmlNode, ctx: Context): PlanVariable[] {
  return children(child(project, 'Variables'), 'Variable').map((v) => {
    const type = attr(v, 'typeOfVariable') as AttributeType;
    return {
      guid: guidOf(v, 'variable', ctx),
      name: attr(v, 'name')?.trim() || 'Unnamed variable',
      type: VARIABLE_TYPES.includes(type) ? type : 'Text',
    };
  });
}

function readValues(node: XmlNode, variables: PlanVariable[]): PlanAttribute[] {
  const byGuid = new Map(variables.map((v) => [key(v.guid), v]));
  return children(node, 'VariableValue').flatMap((vv) => {
    const variable = byGuid.get(key(attr(child(vv, 'VariableRef'), 'targetGUID') ?? ''));
    const element = Object.keys(VALUE_ELEMENTS).find((name) => vv[name] !== undefined);
    if (!variable || !element) return [];
    return [{ name: variable.name, type: VALUE_ELEMENTS[element], value: text(vv, element).trim() }];
  });
}

async function readSources(
  sourcesNode: XmlNode | undefined,
  codeGuids: Set<string>,
  variables: PlanVariable[],
  ctx: Context,
): Promise<PlanSource[]> {
  const sources: PlanSource[] = [];
  for (const node of children(sourcesNode, 'TextSource'))
    sources.push(await readTextSource(node, codeGuids, variables, ctx));
  return sources;
}

async function readTextSource(
  node: XmlNode,
  codeGuids: Set<string>,
  variables: PlanVariable[],
  ctx: Context,
): Promise<PlanSource> {
  const guid = guidOf(node, 'text source', ctx);
  const name = nameOf(node, 'Untitled source');
  const { raw, format } = await sourceText(node, name, ctx);
  const stored = storedText(raw);
  const rawSelections = children(node, 'PlainTextSelection');
  const positions = rawSelections.map((s) => positionsOf(s, name, ctx));
  const choice = chooseUnit(raw, stored, positions);
  if (!choice.map) refusePastEnd(name, positions, stored, rawSelections, ctx);
  if (choice.unit !== STANDARD_UNIT && positions.length) {
    ctx.warnings.push(
      `Positions in “${name}” count ${choice.unit}, not Unicode code points as the standard says; ` +
        'they were converted.',
    );
  }
  const selections = rawSelections.flatMap((s, i) => {
    const start = choice.map![positions[i].start];
    const end = choice.map![positions[i].end];
    if (end <= start) {
      tally(ctx.notCarried, 'empty passages', 1);
      return [];
    }
    if (positions[i].name.trim() && !quoteMatches(stored.slice(start, end), positions[i].name)) ctx.quoteMismatches++;
    return [readSelection(s, start, end, codeGuids, ctx)];
  });
  tally(ctx.notCarried, 'codings of whole sources', children(node, 'Coding').length);
  return {
    guid,
    name,
    format,
    text: stored,
    description: text(node, 'Description').trim(),
    unit: choice.unit,
    selections,
    noteGuids: noteRefs(node),
    attributes: readValues(node, variables),
  };
}

function positionsOf(node: XmlNode, source: string, ctx: Context): RawSelection {
  const start = Number(attr(node, 'startPosition'));
  const end = Number(attr(node, 'endPosition'));
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
    refuse(
      `${ctx.label}: a passage in “${source}” has impossible positions (${attr(node, 'startPosition')}–` +
        `${attr(node, 'endPosition')}).`,
    );
  }
  return { start, end, name: attr(node, 'name') ?? '' };
}

function refusePastEnd(name: string, positions: RawSelection[], stored: string, nodes: XmlNode[], ctx: Context): never {
  const length = [...stored].length;
  const worst = positions.reduce((a, b) => (b.end > a.end ? b : a));
  const guid = attr(nodes[positions.indexOf(worst)], 'guid') ?? '?';
  return refuse(
    `${ctx.label}: passage ${guid} in “${name}” ends at position ${worst.end}, past the end of the text ` +
      `(${length} characters). Nothing was imported.`,
  );
}

function readSelection(node: XmlNode, start: number, end: number, codeGuids: Set<string>, ctx: Context): PlanSelection {
  const codings = children(node, 'Coding').flatMap((c) => {
    const codeGuid = attr(child(c, 'CodeRef'), 'targetGUID');
    if (!codeGuid || !codeGuids.has(codeGuid)) {
      tally(ctx.notCarried, 'codings of codes missing from the codebook', 1);
      return [];
    }
    return [{ guid: guidOf(c, 'coding', ctx), codeGuid, userGuid: attr(c, 'creatingUser') ?? null }];
  });
  const codingNotes = children(node, 'Coding').flatMap(noteRefs);
  return {
    guid: guidOf(node, 'passage', ctx),
    start,
    end,
    userGuid: attr(node, 'creatingUser') ?? null,
    createdAt: isoOrNull(attr(node, 'creationDateTime')),
    codings,
    noteGuids: [...noteRefs(node), ...codingNotes],
  };
}

function isoOrNull(value: string | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** A source's raw text: inline, from its .txt in the package, or from its .docx when the .txt is missing or empty. */
async function sourceText(node: XmlNode, name: string, ctx: Context): Promise<{ raw: string; format: 'txt' | 'docx' }> {
  const inline = text(node, 'PlainTextContent');
  if (inline) return { raw: inline, format: 'txt' };
  const plainPath = attr(node, 'plainTextPath');
  const plain = packageEntry(plainPath, name, ctx);
  if (plain && plain.size > 0) {
    checkSourceSize(plain.size, name, ctx);
    return { raw: ctx.archive.read(plain).toString('utf8'), format: 'txt' };
  }
  const richPath = attr(node, 'richTextPath');
  const rich = packageEntry(richPath, name, ctx);
  if (rich && /\.docx$/i.test(rich.name)) {
    const bytes = ctx.archive.read(rich);
    checkDocx(bytes, name);
    ctx.warnings.push(`“${name}” had no plain text in the package; its text was taken from ${rich.name}.`);
    return { raw: await ctx.docxToText(bytes, rich.name), format: 'docx' };
  }
  if (plain) return { raw: '', format: 'txt' };
  return refuse(
    `${ctx.label}: the source “${name}” is missing: ${plainPath ?? richPath ?? 'no text path'} is not in the ` +
      'package and the file gives no text for it. Nothing was imported.',
  );
}

function checkSourceSize(size: number, source: string, ctx: Context): void {
  if (size > MAX_IMPORT_FILE_BYTES) {
    refuse(
      `${ctx.label}: the source “${source}” is ${mb(size)}; Gloss imports texts of up to ${mb(MAX_IMPORT_FILE_BYTES)}.`,
    );
  }
}

/** The package entry a source path names: internal://x → sources/x; a relative path from the package root. */
function packageEntry(path: string | undefined, source: string, ctx: Context) {
  if (!path) return undefined;
  const internal = /^internal:\/\/(.+)$/i.exec(path);
  if (internal) return ctx.archive.find(`sources/${internal[1]}`);
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return undefined;
  const relative = path.replace(/\\/g, '/').replace(/^\.\//, '');
  if (relative.startsWith('/') || relative.split('/').includes('..')) {
    refuse(`${ctx.label}: the source “${source}” points outside the package (${path}); it was refused.`);
  }
  return ctx.archive.find(relative);
}

/** Opens the .docx with our own limits first: mammoth would inflate whatever it holds. */
function checkDocx(bytes: Buffer, source: string): void {
  const docx = readZip(bytes, `The .docx of “${source}”`, EXCHANGE_LIMITS.docx);
  for (const entry of docx.entries) docx.read(entry);
}

function applyCases(project: XmlNode, sources: PlanSource[], variables: PlanVariable[], ctx: Context): void {
  const byGuid = new Map(sources.map((s) => [key(s.guid), s]));
  for (const node of children(child(project, 'Cases'), 'Case')) {
    const values = readValues(node, variables);
    const name = attr(node, 'name')?.trim() || 'Unnamed case';
    for (const ref of children(node, 'SourceRef')) {
      const source = byGuid.get(key(attr(ref, 'targetGUID') ?? ''));
      if (!source) continue;
      mergeAttributes(source.attributes, [...values, { name: 'Case', type: 'Text', value: name }]);
    }
    tally(
      ctx.notCarried,
      'case links to codes or passages',
      children(node, 'CodeRef').length + children(node, 'SelectionRef').length,
    );
  }
}

function mergeAttributes(into: PlanAttribute[], values: PlanAttribute[]): void {
  for (const value of values) {
    const existing = into.find((a) => a.name === value.name);
    if (!existing) into.push({ ...value });
    else if (value.name === 'Case' && !existing.value.split('; ').includes(value.value))
      existing.value += `; ${value.value}`;
  }
}

async function readNotes(project: XmlNode, ctx: Context): Promise<PlanNote[]> {
  const notes: PlanNote[] = [];
  for (const node of children(child(project, 'Notes'), 'Note')) {
    const name = nameOf(node, 'Note');
    let body = text(node, 'PlainTextContent');
    if (!body) {
      const entry = packageEntry(attr(node, 'plainTextPath'), name, ctx);
      body = entry ? storedText(ctx.archive.read(entry).toString('utf8')) : '';
    }
    notes.push({ guid: guidOf(node, 'note', ctx), name, text: body.trim() });
  }
  return notes;
}

function readSets(project: XmlNode, ctx: Context): PlanSet[] {
  return children(child(project, 'Sets'), 'Set').map((node) => {
    tally(
      ctx.notCarried,
      'set members that are codes or notes',
      children(node, 'MemberCode').length + children(node, 'MemberNote').length,
    );
    return {
      guid: guidOf(node, 'set', ctx),
      name: attr(node, 'name')?.trim() || 'Unnamed set',
      sourceGuids: children(node, 'MemberSource')
        .map((m) => attr(m, 'targetGUID') ?? '')
        .filter(Boolean),
    };
  });
}

function countUncarried(project: XmlNode, ctx: Context): void {
  const sources = child(project, 'Sources');
  const count = (kind: string, element: string, selection: string, selectionKind: string) => {
    const nodes = children(sources, element);
    tally(ctx.notCarried, kind, nodes.length);
    tally(
      ctx.notCarried,
      selectionKind,
      nodes.reduce((n, s) => n + children(s, selection).length, 0),
    );
  };
  count('PDF sources', 'PDFSource', 'PDFSelection', 'PDF regions');
  count('picture sources', 'PictureSource', 'PictureSelection', 'image regions');
  count('audio sources', 'AudioSource', 'AudioSelection', 'audio selections');
  count('video sources', 'VideoSource', 'VideoSelection', 'video selections');
  tally(ctx.notCarried, 'graphs', children(child(project, 'Graphs'), 'Graph').length);
  tally(ctx.notCarried, 'links', children(child(project, 'Links'), 'Link').length);
}
