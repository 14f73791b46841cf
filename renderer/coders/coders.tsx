// Coders: who made each passage (REFI-QDA users). The default coder is this copy of Gloss's analyst, named after
// the OS user until renamed; imported projects bring their own coders.
import { useEffect, useMemo } from 'react';
import { store } from '../api/client';
import type { Workbench } from '../app/workbench';
import { useCommands } from '../commands/useCommands';
import { useSliceVersion } from '../store/hooks';
import { slices } from '../store/store';
import { currentCoderId, setCoderView, useCoderView, useShownCoder } from './coderView';
import './coders.css';

/** A colour per coder, told apart at a glance in the margin (golden-angle hues, so neighbours differ). */
export function coderColor(id: number): string {
  return `hsl(${Math.round((id * 137.508) % 360)} 55% 50%)`;
}

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
      <span className="coder-dot" style={{ background: coderColor(coder.id) }} aria-hidden="true" />
      {coder.name}
    </span>
  );
}

/** Says whose passages are shown when not everyone's, with the way back (margin, themes). */
export function CoderFilterNotice() {
  const view = useCoderView();
  const shown = useShownCoder();
  const version = useSliceVersion(slices.coders);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the store mutates in place; `version` says when
  const name = useMemo(() => (shown === null ? '' : (store.coders.get(shown)?.name ?? '')), [shown, version]);
  if (shown === null) return null;
  return (
    <p className="coder-filter-notice" role="status">
      {view.blind ? 'Blind coding: only your passages are shown.' : `Only ${name || 'one coder'}’s passages are shown.`}{' '}
      <button type="button" className="link-button" onClick={() => setCoderView({ blind: false, coderId: null })}>
        {view.blind ? 'Compare with the others' : 'Show everyone’s'}
      </button>
    </p>
  );
}

async function pickCoder(question: string) {
  await store.loadCoders();
  const coders = [...store.coders.values()];
  const which = window.prompt(`${question} ${coders.map((c) => c.name).join(', ')}`)?.trim();
  if (!which) return { coder: undefined, which };
  return { coder: coders.find((c) => c.name.toLowerCase() === which.toLowerCase()), which };
}

export function useCoderCommands(wb: Workbench): void {
  const view = useCoderView();
  const switchTo = async (id: number, name: string) => {
    try {
      await wb.client['coders.setCurrent']({ id });
      wb.setStatus(`You now code as ${name}: new passages are theirs (Ctrl+Z to undo).`);
    } catch (error) {
      wb.setStatus(`Could not switch coder: ${(error as Error).message}`, true);
    }
  };
  const add = async () => {
    const name = window.prompt('Name of the new coder')?.trim();
    if (!name) return;
    try {
      const coder = await wb.client['coders.create']({ name });
      if (window.confirm(`Code as ${coder.name} now?`)) await switchTo(coder.id, coder.name);
      else wb.setStatus(`Coder “${coder.name}” added (Ctrl+Z to undo).`);
    } catch (error) {
      wb.setStatus(`Could not add the coder: ${(error as Error).message}`, true);
    }
  };
  useCommands([
    { id: 'coder.add', label: 'Add a coder…', category: 'Coding', run: add },
    {
      id: 'coder.switch',
      label: 'Code as another coder…',
      category: 'Coding',
      run: async () => {
        const { coder, which } = await pickCoder('Code as which coder?');
        if (which && !coder) wb.setStatus(`There is no coder called “${which}”.`, true);
        if (coder) await switchTo(coder.id, coder.name);
      },
    },
    {
      id: 'coder.blind',
      label: view.blind ? 'Compare: show every coder’s passages' : 'Blind coding: show only my passages',
      category: 'Coding',
      keys: ['Mod+Shift+B'],
      run: async () => {
        if (view.blind) {
          setCoderView({ blind: false, coderId: null });
          wb.setStatus('Comparing: every coder’s passages are shown.');
          return;
        }
        await store.loadCoders();
        setCoderView({ blind: true });
        wb.setStatus(
          currentCoderId() === undefined
            ? 'Blind coding: your passages appear as you make them; no one else’s are shown.'
            : 'Blind coding: only your passages are shown until you compare (Ctrl+Shift+B).',
        );
      },
    },
    {
      id: 'coder.filter',
      label: 'Show the passages of one coder…',
      category: 'Coding',
      run: async () => {
        const { coder, which } = await pickCoder('Show whose passages?');
        if (which && !coder) wb.setStatus(`There is no coder called “${which}”.`, true);
        if (coder) setCoderView({ blind: false, coderId: coder.id });
      },
    },
    {
      id: 'coder.showAll',
      label: 'Show every coder’s passages',
      category: 'Coding',
      enabled: () => view.blind || view.coderId !== null,
      run: () => setCoderView({ blind: false, coderId: null }),
    },
  ]);
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
