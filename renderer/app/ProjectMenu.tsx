// File → New / Open / Recent project for browser mode (the desktop app has the same in its native menu).
import { useState } from 'react';
import { store } from '../api/client';
import { useProjectInfo } from '../store/hooks';
import { useWorkbench } from './workbench';

export function ProjectMenu() {
  const wb = useWorkbench();
  const [open, setOpen] = useState(false);
  const { info } = useProjectInfo();
  const switchTo = async (action: 'project.open' | 'project.create', path: string | null) => {
    if (!path?.trim()) return;
    try {
      await wb.client[action]({ path: path.trim() });
      setOpen(false);
      store.reset();
      wb.openDocument(null);
      wb.setView('reader');
      wb.setStatus(`Opened ${path.trim()}`);
    } catch (error) {
      wb.setStatus((error as Error).message, true);
    }
  };
  return (
    <div className="project-menu">
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)} title={info?.path}>
        {info?.name ?? 'Project'} ▾
      </button>
      {open && (
        <div className="project-popover" role="menu">
          <p className="muted" title={info?.path}>
            {info?.path}
          </p>
          <button
            type="button"
            role="menuitem"
            onClick={() =>
              void switchTo('project.create', window.prompt('Path of the new project file (…/Name.gloss)'))
            }
          >
            New project…
          </button>
          <button
            type="button"
            role="menuitem"
            onClick={() => void switchTo('project.open', window.prompt('Path of the project file to open'))}
          >
            Open project…
          </button>
          {(info?.recent.length ?? 0) > 1 && <h3>Recent</h3>}
          {info?.recent
            .filter((p) => p !== info?.path)
            .map((p) => (
              <button key={p} type="button" role="menuitem" onClick={() => void switchTo('project.open', p)}>
                {p}
              </button>
            ))}
        </div>
      )}
    </div>
  );
}
