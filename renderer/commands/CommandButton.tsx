// A button that runs a registered command: the same action, label and shortcut as the menu, keys and palette.
import type { ReactNode } from 'react';
import { commands, formatKey } from './registry';
import { useCommandList } from './useCommands';

interface Props {
  command: string;
  children: ReactNode;
  className?: string;
  /** Extra words for the tooltip, before the shortcut. */
  title?: string;
}

export function CommandButton({ command, children, className, title }: Props) {
  useCommandList();
  const registered = commands.get(command);
  const shortcut = registered?.keys?.[0];
  const tooltip = `${title ?? registered?.label ?? ''}${shortcut ? ` (${formatKey(shortcut)})` : ''}`;
  return (
    <button
      type="button"
      className={className}
      title={tooltip}
      disabled={!registered || !commands.isEnabled(registered)}
      onClick={() => commands.run(command)}
    >
      {children}
    </button>
  );
}
