// One registry runs every command: shortcuts are matched in one place, disabled commands do not run, text fields
// keep their keys unless a command says otherwise, and the latest registration of an id wins until it leaves.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CommandRegistry, keyOf } from '../../../renderer/commands/registry';

function keyEvent(key: string, mods: { ctrl?: boolean; shift?: boolean; alt?: boolean } = {}, target: unknown = null) {
  let prevented = false;
  return {
    key,
    ctrlKey: Boolean(mods.ctrl),
    metaKey: false,
    altKey: Boolean(mods.alt),
    shiftKey: Boolean(mods.shift),
    target,
    preventDefault: () => {
      prevented = true;
    },
    get prevented() {
      return prevented;
    },
  } as unknown as KeyboardEvent & { prevented: boolean };
}

test('keys are named the same way whatever the keyboard reports', () => {
  assert.equal(keyOf(keyEvent('z', { ctrl: true })), 'Mod+Z');
  assert.equal(keyOf(keyEvent('Z', { ctrl: true, shift: true })), 'Mod+Shift+Z');
  assert.equal(keyOf(keyEvent('h')), 'H');
  assert.equal(keyOf(keyEvent('Delete')), 'Delete');
  assert.equal(keyOf(keyEvent('ArrowRight', { shift: true })), 'Shift+ArrowRight');
  assert.equal(keyOf(keyEvent('ArrowLeft', { ctrl: true, shift: true })), 'Mod+Shift+ArrowLeft');
  assert.equal(keyOf(keyEvent('?', { shift: true })), '?');
  assert.equal(keyOf(keyEvent('Control', { ctrl: true })), null);
});

test('Shift with a digit names the digit, whatever punctuation the layout prints there', () => {
  const shiftedNine = { ...keyEvent('(', { ctrl: true, shift: true }), code: 'Digit9' };
  assert.equal(keyOf(shiftedNine), 'Mod+Shift+9');
  const frenchSix = { ...keyEvent('-', { ctrl: true, shift: true }), code: 'Digit6' };
  assert.equal(keyOf(frenchSix), 'Mod+Shift+6');
});

test('a shortcut runs its enabled command, once, and a disabled one not at all', () => {
  const registry = new CommandRegistry();
  const ran: string[] = [];
  let enabled = false;
  registry.register({
    id: 'highlight.create',
    label: 'Highlight',
    category: 'Reader',
    keys: ['H'],
    enabled: () => enabled,
    run: () => ran.push('h'),
  });
  assert.equal(registry.handleKey(keyEvent('h')), false);
  enabled = true;
  const event = keyEvent('h');
  assert.equal(registry.handleKey(event), true);
  assert.equal(event.prevented, true);
  assert.deepEqual(ran, ['h']);
  assert.equal(registry.run('highlight.create'), true);
  assert.equal(registry.run('no.such.command'), false);
});

test('typing in a text field keeps letters and Ctrl+Z for the field, but not Ctrl+K', () => {
  const registry = new CommandRegistry();
  const ran: string[] = [];
  registry.register({ id: 'highlight.create', label: 'H', category: 'Reader', keys: ['H'], run: () => ran.push('h') });
  registry.register({
    id: 'history.undo',
    label: 'Undo',
    category: 'Edit',
    keys: ['Mod+Z'],
    run: () => ran.push('undo'),
  });
  registry.register({
    id: 'palette.open',
    label: 'Palette',
    category: 'Help',
    keys: ['Mod+K'],
    inTextFields: true,
    run: () => ran.push('palette'),
  });
  const input = { tagName: 'INPUT', isContentEditable: false };
  registry.handleKey(keyEvent('h', {}, input));
  registry.handleKey(keyEvent('z', { ctrl: true }, input));
  registry.handleKey(keyEvent('k', { ctrl: true }, input));
  assert.deepEqual(ran, ['palette']);
});

test('the latest registration of an id wins until it is removed; the palette lists by category', () => {
  const registry = new CommandRegistry();
  const ran: string[] = [];
  registry.register({ id: 'b', label: 'Second', category: 'Edit', run: () => ran.push('b') });
  registry.register({ id: 'a', label: 'Outer', category: 'Edit', run: () => ran.push('outer') });
  const off = registry.register({ id: 'a', label: 'Inner', category: 'Edit', run: () => ran.push('inner') });
  registry.register({ id: 'c', label: 'Hidden', category: 'Edit', hidden: true, run: () => ran.push('c') });
  registry.run('a');
  off();
  registry.run('a');
  assert.deepEqual(ran, ['inner', 'outer']);
  assert.deepEqual(
    registry.list().map((c) => c.label),
    ['Second', 'Outer'],
  );
});
