// Where the REFI-QDA schemas and sample exports are (../shared/refi-qda beside the checkout), and xmllint.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { repoRoot } from './temp.js';

const candidates = [
  process.env.GLOSS_REFI_QDA,
  path.join(repoRoot, '..', 'shared', 'refi-qda'),
  path.join(repoRoot, '..', '..', 'shared', 'refi-qda'),
].filter((p): p is string => !!p);

/** The refi-qda folder, or undefined when this machine has none. */
export const refiQdaDir = candidates.find((dir) => fs.existsSync(path.join(dir, 'Project.xsd')));

export function refiSample(name: string): Buffer {
  return fs.readFileSync(path.join(refiQdaDir!, 'samples', name));
}

export const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;

/** Validates `xml` against one of the schemas; returns xmllint's complaints, or '' when valid. */
export function schemaErrors(xml: Buffer | string, schema: 'Project.xsd' | 'Codebook.xsd', dir: string): string {
  const file = path.join(dir, schema === 'Project.xsd' ? 'project.qde' : 'codebook.qdc');
  fs.writeFileSync(file, xml);
  const result = spawnSync('xmllint', ['--noout', '--schema', path.join(refiQdaDir!, schema), file], {
    encoding: 'utf8',
  });
  return result.status === 0 ? '' : result.stderr;
}

export interface SampleSource {
  guid: string;
  name: string;
  text: string;
  selections: { guid: string; start: number; end: number; codeGuid: string; userGuid: string; noteGuid?: string }[];
  attributes?: { variableGuid: string; value: string }[];
}

/** A .qdpx written the way a foreign tool writes one (independently of Gloss's exporter): BOM + CRLF in sources. */
export async function makeQdpx(options: {
  sources: SampleSource[];
  codes?: { guid: string; name: string; color?: string; codable?: boolean }[];
  users?: { guid: string; name: string }[];
  notes?: { guid: string; name: string; text: string }[];
  variables?: { guid: string; name: string; type: string }[];
  extraEntries?: Record<string, string | Buffer>;
  sourcePath?: (guid: string) => string;
}): Promise<Buffer> {
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  const esc = (s: string) =>
    s
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/"/g, '&quot;')
      .replace(/\r/g, '&#13;')
      .replace(/\n/g, '&#10;');
  const users = (options.users ?? []).map((u) => `<User guid="${u.guid}" name="${esc(u.name)}"/>`).join('');
  const codes = (options.codes ?? [])
    .map(
      (c) =>
        `<Code guid="${c.guid}" name="${esc(c.name)}" isCodable="${c.codable !== false}"` +
        `${c.color ? ` color="${c.color}"` : ''}/>`,
    )
    .join('');
  const variables = (options.variables ?? [])
    .map((v) => `<Variable guid="${v.guid}" name="${esc(v.name)}" typeOfVariable="${v.type}"/>`)
    .join('');
  const sources = options.sources
    .map((s) => {
      const path = options.sourcePath?.(s.guid) ?? `internal://${s.guid}.txt`;
      zip.file(`sources/${s.guid}.txt`, `\uFEFF${s.text}`);
      const selections = s.selections
        .map(
          (sel) =>
            `<PlainTextSelection guid="${sel.guid}" startPosition="${sel.start}" ` +
            `endPosition="${sel.end}" creatingUser="${sel.userGuid}"><Coding guid="${sel.guid.replace(/^.{8}/, 'c0d10000')}" ` +
            `creatingUser="${sel.userGuid}"><CodeRef targetGUID="${sel.codeGuid}"/></Coding>` +
            `${sel.noteGuid ? `<NoteRef targetGUID="${sel.noteGuid}"/>` : ''}</PlainTextSelection>`,
        )
        .join('');
      const values = (s.attributes ?? [])
        .map(
          (a) =>
            `<VariableValue><VariableRef targetGUID="${a.variableGuid}"/>` +
            `<TextValue>${esc(a.value)}</TextValue></VariableValue>`,
        )
        .join('');
      return `<TextSource guid="${s.guid}" name="${esc(s.name)}" plainTextPath="${path}">${selections}${values}</TextSource>`;
    })
    .join('\r\n');
  const notes = (options.notes ?? [])
    .map(
      (n) =>
        `<Note guid="${n.guid}" name="${esc(n.name)}"><PlainTextContent>` + `${esc(n.text)}</PlainTextContent></Note>`,
    )
    .join('');
  const xml =
    '\uFEFF<?xml version="1.0" encoding="utf-8"?>\r\n<Project xmlns="urn:QDA-XML:project:1.0" name="Sample" ' +
    'origin="test">' +
    `${users ? `<Users>${users}</Users>` : ''}${codes ? `<CodeBook><Codes>${codes}</Codes></CodeBook>` : ''}` +
    `${variables ? `<Variables>${variables}</Variables>` : ''}<Sources>${sources}</Sources>` +
    `${notes ? `<Notes>${notes}</Notes>` : ''}</Project>`;
  zip.file('project.qde', xml);
  for (const [name, content] of Object.entries(options.extraEntries ?? {})) zip.file(name, content);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Code point slice [start, end) of `text`, with CRLF read as the two characters it is. */
export function codePointSlice(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}

export interface SampleFacts {
  users: string[];
  codes: number;
  /** Every selection's quote, by source name, as NVivo meant it: UTF-16 units over the text without BOM. */
  quotes: { source: string; quote: string }[];
  guids: Set<string>;
  qde: string;
}

/** Reads the NVivo sample with JSZip and regular expressions: no Gloss code involved. */
export async function nvivoFacts(): Promise<SampleFacts> {
  const zip = await JSZip.loadAsync(refiSample('nvivo-oltas-teszt.qdpx'));
  const qde = await zip.file('project.qde')!.async('string');
  const users = [...qde.matchAll(/<User [^>]*name="([^"]*)"/g)].map((m) => m[1]);
  const codes = [...qde.matchAll(/<Code /g)].length;
  const guids = new Set([...qde.matchAll(/ guid="([^"]+)"/g)].map((m) => m[1]));
  const quotes: SampleFacts['quotes'] = [];
  for (const source of qde.matchAll(
    /<TextSource [^>]*guid="([^"]+)"[^>]*name="([^"]*)"[^>]*>([\s\S]*?)<\/TextSource>/g,
  )) {
    const raw = (await zip.file(`Sources/${source[1]}.txt`)!.async('string')).replace(/^\uFEFF/, '');
    for (const s of source[3].matchAll(/<PlainTextSelection [^>]*endPosition="(\d+)"[^>]*startPosition="(\d+)"/g)) {
      quotes.push({ source: source[2], quote: raw.slice(Number(s[2]), Number(s[1])).replace(/\r\n/g, '\n') });
    }
  }
  return { users, codes, quotes, guids, qde };
}
