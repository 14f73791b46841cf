// Reading REFI-QDA XML safely: a DOCTYPE is refused outright (no entity expansion, no external entities), the
// document must be well-formed, and only the five XML entities and character references are decoded.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { refuse } from './errors.js';

/** Elements that may repeat anywhere in a project or codebook: always parsed as arrays. */
const REPEATED = new Set([
  'User',
  'Code',
  'Variable',
  'Case',
  'TextSource',
  'PictureSource',
  'PDFSource',
  'AudioSource',
  'VideoSource',
  'PlainTextSelection',
  'PictureSelection',
  'PDFSelection',
  'AudioSelection',
  'VideoSelection',
  'Transcript',
  'TranscriptSelection',
  'Coding',
  'CodeRef',
  'NoteRef',
  'VariableValue',
  'Note',
  'Link',
  'Set',
  'Graph',
  'Vertex',
  'Edge',
  'MemberCode',
  'MemberSource',
  'MemberNote',
  'SourceRef',
  'SelectionRef',
  'SyncPoint',
]);

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g, (whole, name: string) => {
    if (!name.startsWith('#')) return ENTITIES[name];
    const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (name) => REPEATED.has(name),
  tagValueProcessor: (_name, value) => decodeEntities(value),
  attributeValueProcessor: (_name, value) => decodeEntities(value),
});

export type XmlNode = Record<string, unknown>;

/** Parses `bytes` (UTF-8, BOM allowed) into plain objects, or refuses with the reason. */
export function parseXml(bytes: Buffer, label: string): XmlNode {
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  if (/<!DOCTYPE/i.test(text) || /<!ENTITY/i.test(text)) {
    refuse(
      `${label} declares a DOCTYPE or entities; Gloss refuses them (they can expand without limit or read other files).`,
    );
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) refuse(`${label} is not well-formed XML (line ${valid.err.line}: ${valid.err.msg}).`);
  try {
    return parser.parse(text) as XmlNode;
  } catch (error) {
    // The parser has limits of its own (e.g. how deeply elements may nest): its refusal is a refusal of the file.
    return refuse(`${label} could not be read: ${(error as Error).message}.`);
  }
}

// Small typed accessors over parsed nodes, so the readers stay declarative.
export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  const value = node?.[name];
  if (Array.isArray(value)) return value[0] as XmlNode | undefined;
  return typeof value === 'object' && value !== null ? (value as XmlNode) : undefined;
}

export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  const value = node?.[name];
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map(
    (v) => (typeof v === 'object' && v !== null ? v : { '#text': v }) as XmlNode,
  );
}

export function attr(node: XmlNode | undefined, name: string): string | undefined {
  const value = node?.[name];
  return typeof value === 'string' ? value : undefined;
}

/** Text content of a child element (`<Description>…</Description>`), '' when empty or absent. */
export function text(node: XmlNode | undefined, name: string): string {
  const value = node?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === 'string') return first.replace(/\r\n?/g, '\n');
  if (typeof first === 'object' && first !== null && typeof (first as XmlNode)['#text'] === 'string') {
    return ((first as XmlNode)['#text'] as string).replace(/\r\n?/g, '\n');
  }
  return '';
}

export function escapeXml(value: string): string {
  return (
    value
      .replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)
      .replace(/\r/g, '&#13;')
      .replace(/\n/g, '&#10;')
      .replace(/\t/g, '&#9;')
      // Characters XML 1.0 cannot carry at all are dropped rather than making the file unreadable.
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
  );
}

/** Element text: newlines stay literal (readable), carriage returns are escaped so they survive parsing. */
export function escapeText(value: string): string {
  return value
    .replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!)
    .replace(/\r/g, '&#13;')
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}
