// Code memos across REFI-QDA: the real NVivo 12 export (82 code descriptions), with notes attached to two of its
// codes the way the schema allows (a NoteRef in the Code, the Note in the project's Notes). Importing keeps each
// Description as the tag's description and makes each note that tag's code memo; exporting writes a code memo as a
// NoteRef of its Code (valid against Project.xsd), and a second import finds the memos on the same tags again.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import JSZip from 'jszip';
import type { GlossClient } from '../../shared/api.js';
import { startBackend } from '../support/backend.js';
import { hasXmllint, refiQdaDir, refiSample, schemaErrors } from '../support/refiQda.js';
import { tempDir } from '../support/temp.js';

const skip = !refiQdaDir
  ? 'the REFI-QDA samples (../shared/refi-qda) are not on this machine'
  : !hasXmllint
    ? 'xmllint is not installed (Debian: apt-get install libxml2-utils)'
    : false;

const PARENT = '1. Oltás típusa';
const PARENT_NOTE = {
  guid: 'a1b2c3d4-0000-4000-8000-000000000001',
  name: 'Why vaccine type',
  text: 'Two groups.\nCOVID & other vaccines < 2021.',
};
const CHILD_NOTE = {
  guid: 'a1b2c3d4-0000-4000-8000-000000000002',
  name: 'COVID code memo',
  text: 'Any mention of a COVID vaccine.',
};

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
const noteXml = (n: typeof PARENT_NOTE) =>
  `<Note guid="${n.guid}" name="${esc(n.name)}"><PlainTextContent>${esc(n.text)}</PlainTextContent></Note>`;

/** The NVivo sample with a note on "1. Oltás típusa" (after its Description) and one on its sub-code "COVID". */
async function nvivoWithCodeNotes(): Promise<{ bytes: Buffer; descriptions: Map<string, string> }> {
  const zip = await JSZip.loadAsync(refiSample('nvivo-oltas-teszt.qdpx'));
  let qde = await zip.file('project.qde')!.async('string');
  const descriptions = new Map(
    [...qde.matchAll(/<Code [^>]*name="([^"]*)">\s*<Description>([^<]*)<\/Description>/g)].map((m) => [
      m[1].replace(/&amp;/g, '&'),
      m[2].replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/\r\n/g, '\n').trim(),
    ]),
  );
  const before = qde;
  qde = qde.replace(
    `name="${PARENT}">\n<Description>COVID vay nem COVID</Description>`,
    `name="${PARENT}">\n<Description>COVID vay nem COVID</Description><NoteRef targetGUID="${PARENT_NOTE.guid}"/>`,
  );
  qde = qde.replace(
    /(<Code guid="7142c1bf-1bbe-4073-88dd-ae1dbfec9f8f" isCodable="true" name="COVID")\/>/,
    `$1><NoteRef targetGUID="${CHILD_NOTE.guid}"/></Code>`,
  );
  qde = qde.replace('</Sources>\n', `</Sources>\n<Notes>${noteXml(PARENT_NOTE)}${noteXml(CHILD_NOTE)}</Notes>\n`);
  assert.equal(qde.split('<NoteRef').length - before.split('<NoteRef').length, 2, 'both notes attached');
  zip.file('project.qde', qde);
  return { bytes: await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }), descriptions };
}

async function codeMemos(client: GlossClient): Promise<{ tag: string; title: string; text: string }[]> {
  const tags = new Map((await client['tags.list']({})).map((t) => [t.id, t.name]));
  const memos = (await client['memos.list']({})).filter((m) => m.tagId !== null);
  const rows = await Promise.all(
    memos.map(async (m) => {
      const memo = await client['memos.get']({ id: m.id });
      return { tag: tags.get(m.tagId!)!, title: memo.title, text: plainText(memo.content) };
    }),
  );
  return rows.sort((a, b) => a.title.localeCompare(b.title));
}

function plainText(content: string): string {
  type Node = { type: string; text?: string; content?: Node[] };
  const paragraphs = (JSON.parse(content) as Node).content ?? [];
  const textOf = (n: Node): string =>
    n.type === 'hardBreak' ? '\n' : (n.text ?? '') + (n.content ?? []).map(textOf).join('');
  return paragraphs.map(textOf).join('\n');
}

test(
  'NVivo code notes come in as code memos, descriptions stay; export writes them back in their codes',
  { skip },
  async () => {
    const { bytes, descriptions } = await nvivoWithCodeNotes();
    assert.ok(descriptions.size >= 20, `the sample's codes have descriptions (${descriptions.size})`);
    const first = await startBackend({ seeds: false });
    const second = await startBackend({ seeds: false });
    try {
      const report = await first.client['exchange.importProject']({
        fileName: 'nvivo-notes.qdpx',
        base64: bytes.toString('base64'),
      });
      assert.deepEqual(
        report.imported.find((c) => c.kind === 'code memos'),
        { kind: 'code memos', count: 2 },
      );
      assert.equal(
        report.imported.find((c) => c.kind === 'memos'),
        undefined,
        'no note became a project memo',
      );
      const tags = await first.client['tags.list']({});
      for (const [name, description] of descriptions)
        assert.equal(tags.find((t) => t.name === name)?.description, description, name);
      const expected = [
        { tag: 'COVID', title: CHILD_NOTE.name, text: CHILD_NOTE.text },
        { tag: PARENT, title: PARENT_NOTE.name, text: PARENT_NOTE.text },
      ];
      assert.deepEqual(await codeMemos(first.client), expected);

      // A code memo written in Gloss, and a project memo, beside them.
      const piros = tags.find((t) => t.name === 'piros')!;
      await first.client['memos.create']({ title: 'Red means refusal', tagId: piros.id });
      await first.client['memos.create']({ title: 'Project overview' });

      const exported = await first.client['exchange.exportProject']({});
      const zip = await JSZip.loadAsync(Buffer.from(exported.base64, 'base64'));
      const qde = await zip.file('project.qde')!.async('string');
      assert.equal(schemaErrors(qde, 'Project.xsd', tempDir()), '');
      const codeElement = (name: string) =>
        new RegExp(`<Code [^>]*name="${name}"[^>]*>(?:<Description>[^<]*</Description>)?((?:<NoteRef [^>]*/>)*)`).exec(
          qde,
        )?.[1] ?? '';
      assert.equal(codeElement(PARENT), `<NoteRef targetGUID="${PARENT_NOTE.guid}"/>`, 'the note keeps its GUID');
      assert.equal(codeElement('COVID'), `<NoteRef targetGUID="${CHILD_NOTE.guid}"/>`);
      const redGuid = /<NoteRef targetGUID="([^"]+)"\/>/.exec(codeElement('piros'))?.[1];
      assert.ok(redGuid, 'the Gloss code memo is referred to by its code');
      assert.match(qde, new RegExp(`<Note guid="${redGuid}" name="Red means refusal">`));
      assert.match(
        qde,
        new RegExp(
          `<Note guid="${PARENT_NOTE.guid}" name="${PARENT_NOTE.name}"><PlainTextContent>Two groups.\\nCOVID &amp; other vaccines &lt; 2021.</PlainTextContent>`,
        ),
      );
      // Only the project memo is referred to by the project.
      const projectRefs = /<\/(?:Notes|Sets)>\s*((?:<NoteRef [^>]*\/>\s*)*)<\/Project>/.exec(qde)![1];
      assert.equal(projectRefs.match(/<NoteRef /g)?.length, 1);
      const overview = new RegExp(`<Note guid="([^"]+)" name="Project overview">`).exec(qde)![1];
      assert.ok(projectRefs.includes(overview));

      await second.client['exchange.importProject']({ fileName: 'again.qdpx', base64: exported.base64 });
      assert.deepEqual(
        await codeMemos(second.client),
        [...expected, { tag: 'piros', title: 'Red means refusal', text: '' }].sort((a, b) =>
          a.title.localeCompare(b.title),
        ),
      );
      const again = await second.client['tags.list']({});
      for (const [name, description] of descriptions)
        assert.equal(again.find((t) => t.name === name)?.description, description, name);
      const projectMemos = (await second.client['memos.list']({})).filter((m) => m.tagId === null);
      assert.deepEqual(
        projectMemos.map((m) => m.title),
        ['Project overview'],
      );
    } finally {
      first.close();
      second.close();
    }
  },
);
