// Keyboard selection (caret browsing) in the reader: a caret placed in the text moves by character, word, sentence,
// line or paragraph, and Shift extends the selection from it, so a passage can be highlighted without a mouse.
// Movement is the browser's own (Selection.modify), which knows words and sentences in every script.

export type CaretUnit = 'character' | 'word' | 'sentence' | 'line' | 'paragraph';

interface ModifiableSelection extends Selection {
  modify(alter: 'move' | 'extend', direction: 'forward' | 'backward', granularity: CaretUnit): void;
}

/** Puts a caret at the start of the first paragraph that is on screen; false when none is. */
export function placeCaret(container: HTMLElement, viewport: DOMRect): boolean {
  const paragraph = [...container.querySelectorAll<HTMLElement>('[data-start]')].find((el) => {
    const box = el.getBoundingClientRect();
    return box.bottom > viewport.top && box.top < viewport.bottom;
  });
  const text = paragraph?.firstChild;
  if (!text) return false;
  window.getSelection()?.collapse(text, 0);
  return true;
}

export function moveCaret(direction: 'forward' | 'backward', unit: CaretUnit, extend: boolean): void {
  const selection = window.getSelection() as ModifiableSelection | null;
  if (!selection || selection.rangeCount === 0) return;
  selection.modify(extend ? 'extend' : 'move', direction, unit);
}

/** Where the caret (the selection's moving end) is on screen, or null when there is no selection. */
export function caretRect(): DOMRect | null {
  const selection = window.getSelection();
  if (!selection?.focusNode) return null;
  const range = document.createRange();
  range.setStart(selection.focusNode, selection.focusOffset);
  range.collapse(true);
  const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
  return rect.height > 0 ? rect : null;
}

/** The caret keys: each arrow with its modifiers, and what it moves by. */
export const CARET_KEYS: { key: string; direction: 'forward' | 'backward'; unit: CaretUnit }[] = [
  { key: 'ArrowRight', direction: 'forward', unit: 'character' },
  { key: 'ArrowLeft', direction: 'backward', unit: 'character' },
  { key: 'Mod+ArrowRight', direction: 'forward', unit: 'word' },
  { key: 'Mod+ArrowLeft', direction: 'backward', unit: 'word' },
  { key: 'Alt+ArrowRight', direction: 'forward', unit: 'sentence' },
  { key: 'Alt+ArrowLeft', direction: 'backward', unit: 'sentence' },
  { key: 'ArrowDown', direction: 'forward', unit: 'line' },
  { key: 'ArrowUp', direction: 'backward', unit: 'line' },
  { key: 'Mod+ArrowDown', direction: 'forward', unit: 'paragraph' },
  { key: 'Mod+ArrowUp', direction: 'backward', unit: 'paragraph' },
];

/** 'Mod+ArrowLeft' → 'Mod+Shift+ArrowLeft': the same move, extending the selection. */
export function extending(key: string): string {
  const parts = key.split('+');
  return [...parts.slice(0, -1), 'Shift', parts[parts.length - 1]].join('+');
}
