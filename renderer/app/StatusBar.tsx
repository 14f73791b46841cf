import { useEffect, useState } from 'react';
import { transportName } from '../api/client';
import { useProjectInfo } from '../store/hooks';
import { useStatusMessage, useWorkbench } from './workbench';
import { formatCount } from './format';

export function StatusBar() {
  const wb = useWorkbench();
  const status = useStatusMessage();
  const project = useProjectInfo();
  // Gloss fell back to another project at start-up: say why until the analyst has read it.
  const warning = project.info?.startupWarning;
  const { setStatus } = wb;
  useEffect(() => {
    if (warning) setStatus(warning, true);
  }, [warning, setStatus]);
  const [visibleStatus, setVisibleStatus] = useState('');
  useEffect(() => {
    setVisibleStatus(status.text);
    if (!status.text || status.sticky) return;
    const timer = setTimeout(() => setVisibleStatus(''), 6000);
    return () => clearTimeout(timer);
  }, [status]);
  const { info } = project;
  return (
    <footer className="statusbar" role="status" aria-live="polite">
      <span className={`status-message${status.sticky ? ' sticky' : ''}`}>
        {visibleStatus || (project.error ? `Cannot reach the project: ${project.error}` : 'Ready')}
      </span>
      <span className="status-project" title={info?.path}>
        {info ? `${info.name} · ${formatCount(info.documentCount)} documents` : ''}
      </span>
      <span className="status-transport">{transportName() === 'ipc' ? 'Desktop' : 'Browser mode'}</span>
    </footer>
  );
}
