// Notes holding content the editor does not know (another tool's or a newer Gloss's formatting) are shown
// read-only with the reason, never loaded as an empty editor that the first keystroke saves over the note.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getSchema } from '@tiptap/core';
import {
  baseExtensions,
  checkContent,
  readOnlyNotice,
  unknownContentTypes,
} from '../../renderer/notes/editorSchema.js';

const para = (...content: object[]) => ({ type: 'paragraph', content });
const doc = (...content: object[]) => ({ type: 'doc', content });

test('unknown node and mark types are listed, once each, sorted', () => {
  const json = doc(
    para(
      { type: 'text', text: 'E = mc' },
      { type: 'text', text: '2', marks: [{ type: 'superscript' }, { type: 'bold' }] },
    ),
    { type: 'callout', content: [para({ type: 'text', text: 'x', marks: [{ type: 'superscript' }] })] },
    { type: 'bulletList', content: [{ type: 'listItem', content: [para({ type: 'mention', attrs: { id: 1 } })] }] },
  );
  assert.deepEqual(unknownContentTypes(json, baseExtensions), ['callout', 'mention', 'superscript']);
  assert.deepEqual(
    unknownContentTypes(doc(para({ type: 'text', text: 'fine', marks: [{ type: 'italic' }] })), baseExtensions),
    [],
  );
});

test('a note with a superscript mark opens read-only with the notice, its text still shown', () => {
  const stored = JSON.stringify(
    doc(para({ type: 'text', text: 'x' }, { type: 'text', text: '2', marks: [{ type: 'superscript' }] })),
  );
  const check = checkContent(stored, baseExtensions);
  assert.equal(
    readOnlyNotice(check.readOnlyReason!),
    'This note contains formatting Gloss cannot edit (superscript); it is shown read-only so nothing is lost.',
  );
  const shown = getSchema(baseExtensions).nodeFromJSON(check.display);
  shown.check();
  assert.equal(shown.textContent, 'x2', 'nothing is blanked: the text is displayed');
});

test('an unknown block node is displayed through its children, as valid blocks', () => {
  const stored = JSON.stringify(
    doc({ type: 'callout', content: [{ type: 'text', text: 'loose text' }] }, para({ type: 'text', text: 'after' })),
  );
  const check = checkContent(stored, baseExtensions);
  assert.match(check.readOnlyReason ?? '', /\(callout\)/);
  const shown = getSchema(baseExtensions).nodeFromJSON(check.display);
  shown.check();
  assert.equal(shown.textBetween(0, shown.content.size, '\n'), 'loose text\nafter');
});

test('known content stays editable; unreadable or misarranged content is read-only too', () => {
  const fine = JSON.stringify(
    doc(para({ type: 'text', text: 'ok', marks: [{ type: 'link', attrs: { href: 'https://x.example' } }] })),
  );
  assert.equal(checkContent(fine, baseExtensions).readOnlyReason, null);
  assert.equal(checkContent(null, baseExtensions).readOnlyReason, null, 'a new note is editable');
  assert.match(checkContent('{not json', baseExtensions).readOnlyReason ?? '', /could not be read/);
  const nested = JSON.stringify(doc(para(para({ type: 'text', text: 'paragraph in a paragraph' }))));
  assert.match(checkContent(nested, baseExtensions).readOnlyReason ?? '', /arranged in a way/);
});
