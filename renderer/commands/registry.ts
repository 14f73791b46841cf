// Every user action is a named command in one registry: the keyboard listener, the Electron menu, buttons and the
// command palette all run commands through it, so a shortcut, its menu item and its button never disagree.
export interface Command {
  /** Stable id, also what the Electron menu sends, e.g. 'history.undo'. */
  id: string;
  label: string;
  /** Palette grouping, e.g. 'Edit', 'View', 'Reader'. */
  category: string;
  /** Shortcuts in the form 'Mod+Shift+Z', 'H', 'Delete' (Mod is Ctrl, or Cmd on a Mac). */
  keys?: string[];
  /** Whether the command can run now; a disabled command is listed in the palette but greyed. */
  enabled?: () => boolean;
  run: () => unknown;
  /** Also runs while typing in a text field (e.g. the palette itself). */
  inTextFields?: boolean;
  /** Not listed in the palette (e.g. Escape). */
  hidden?: boolean;
}

type Listener = () => void;

export class CommandRegistry {
  private readonly commands = new Map<string, Command[]>();
  private readonly listeners = new Set<Listener>();
  private version = 0;

  /** Registers a command; the latest registration of an id wins until it is removed. */
  register(command: Command): () => void {
    const stack = this.commands.get(command.id) ?? [];
    stack.push(command);
    this.commands.set(command.id, stack);
    this.changed();
    return () => {
      const current = this.commands.get(command.id) ?? [];
      const rest = current.filter((c) => c !== command);
      if (rest.length) this.commands.set(command.id, rest);
      else this.commands.delete(command.id);
      this.changed();
    };
  }

  get(id: string): Command | undefined {
    return this.commands.get(id)?.at(-1);
  }

  /** Visible commands grouped by category, in the order they were registered within each. */
  list(): Command[] {
    const all = [...this.commands.keys()].map((id) => this.get(id)!).filter((c) => !c.hidden);
    const categories = [...new Set(all.map((c) => c.category))];
    return categories.flatMap((category) => all.filter((c) => c.category === category));
  }

  isEnabled(command: Command): boolean {
    return command.enabled ? command.enabled() : true;
  }

  /** Runs a command by id; false when there is none or it is disabled. */
  run(id: string): boolean {
    const command = this.get(id);
    if (!command || !this.isEnabled(command)) return false;
    void command.run();
    return true;
  }

  /** The one keyboard listener's work: run the enabled command bound to this key, if any. */
  handleKey(event: KeyboardEvent): boolean {
    const key = keyOf(event);
    if (!key) return false;
    const typing = isTextField(event.target);
    for (const id of [...this.commands.keys()].reverse()) {
      const command = this.get(id)!;
      if (!command.keys?.includes(key) || (typing && !command.inTextFields) || !this.isEnabled(command)) continue;
      event.preventDefault();
      void command.run();
      return true;
    }
    return false;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  getVersion(): number {
    return this.version;
  }

  private notifying = false;

  /** Many commands register at once (a view mounting): listeners hear about it once, after the burst. */
  private changed(): void {
    this.version++;
    if (this.notifying) return;
    this.notifying = true;
    queueMicrotask(() => {
      this.notifying = false;
      this.listeners.forEach((l) => l());
    });
  }
}

const NAMED_KEYS = new Set([
  'Delete',
  'Backspace',
  'Escape',
  'Enter',
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Tab',
]);

/** 'Mod+Shift+Z' for Ctrl+Shift+Z (or Cmd+Shift+Z); null for a lone modifier. */
export function keyOf(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'> & { code?: string },
): string | null {
  // Shift turns a digit into punctuation that differs by layout ('(' or ')'); the physical digit key is what was meant.
  const digit = event.shiftKey ? /^Digit(\d)$/.exec(event.code ?? '')?.[1] : undefined;
  const key = digit ?? event.key;
  if (['Control', 'Meta', 'Alt', 'Shift'].includes(key)) return null;
  const name = NAMED_KEYS.has(key) ? key : key.length === 1 ? key.toUpperCase() : key;
  const parts = [
    event.ctrlKey || event.metaKey ? 'Mod' : '',
    event.altKey ? 'Alt' : '',
    // A shifted punctuation key is its own key ('?'); a shifted letter, digit or named key is 'Shift+…'.
    event.shiftKey && (NAMED_KEYS.has(name) || /^[A-Z0-9]$/.test(name)) ? 'Shift' : '',
    name,
  ];
  return parts.filter(Boolean).join('+');
}

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

/** How a shortcut is shown: 'Ctrl+Shift+Z', or '⌘⇧Z' on a Mac. */
export function formatKey(key: string): string {
  if (!isMac) return key.replace('Mod', 'Ctrl');
  return key.replace('Mod+', '⌘').replace('Shift+', '⇧').replace('Alt+', '⌥');
}

export function isTextField(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return Boolean(
    el && (el.isContentEditable || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT'),
  );
}

export const commands = new CommandRegistry();
