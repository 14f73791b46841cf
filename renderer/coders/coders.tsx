// Coders: who made each passage (REFI-QDA users). The default coder is this copy of Gloss's analyst, named after
// the OS user until renamed; imported projects bring their own coders.
import { useEffect, useMemo } from 'react';
import { store } from '../api/client';
import type { Workbench } from '../app/workbench';
import { useCommands } from '../commands/useCommands';
import { useSliceVersion } from '../store/hooks';
import { slices } from '../store/store';

/** The coder's name, shown small beside a passage; nothing for a passage without one. */
export function CoderName({ coderId }: { coderId?: number | null }) {
  const version = useSliceVersion(slices.coders);
  // A new passage's coder arrives with the write's changes; only an unknown one costs a request.
  const coder = useMemo(
    () => (coderId == null ? undefined : store.coders.get(coderId)),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the store mutates in place; `version` says when
    [coderId, version],
  );
  useEffect(() => {
    if (coderId != null && !coder) void store.loadCoders().catch(() => undefined);
  }, [coderId, coder]);
  if (!coder) return null;
  return (
    <span className="coder-name" title={`Coded by ${coder.name}`}>
      {coder.name}
    </span>
  );
}

export function useCoderCommands(wb: Workbench): void {
  const rename = async (id: number, current: string, question: string) => {
    const name = window.prompt(question, current)?.trim();
    if (!name || name === current) return;
    try {
      await wb.client['coders.rename']({ id, name });
      wb.setStatus(`Coder renamed to “${name}” (Ctrl+Z to undo).`);
    } catch (error) {
      wb.setStatus(`Could not rename: ${(error as Error).message}`, true);
    }
  };
  useCommands([
    {
      id: 'coder.renameMe',
      label: 'Set your name as a coder…',
      category: 'Coding',
      run: async () => {
        await store.loadCoders();
        const me = [...store.coders.values()].find((c) => c.isDefault);
        if (!me) wb.setStatus('You have no passages yet: your coder is created with your first highlight.');
        else await rename(me.id, me.name, 'Your name as a coder (shown on your passages and in exports)');
      },
    },
    {
      id: 'coder.rename',
      label: 'Rename a coder…',
      category: 'Coding',
      run: async () => {
        await store.loadCoders();
        const coders = [...store.coders.values()];
        const which = window.prompt(`Rename which coder? ${coders.map((c) => c.name).join(', ')}`)?.trim();
        const coder = coders.find((c) => c.name.toLowerCase() === which?.toLowerCase());
        if (which && !coder) wb.setStatus(`There is no coder called “${which}”.`, true);
        if (coder) await rename(coder.id, coder.name, `New name for ${coder.name}`);
      },
    },
  ]);
}
