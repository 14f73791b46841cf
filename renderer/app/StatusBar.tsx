import { useEffect, useState } from 'react';
import type { ProjectInfo } from '../../shared/types';
import { transportName } from '../api/client';
import { useApi } from './useApi';
import { useWorkbench } from './workbench';

export function StatusBar() {
  const wb = useWorkbench();
  const project = useApi<ProjectInfo>(() => wb.client['project.info']({}), []);
  const [visibleStatus, setVisibleStatus] = useState('');
  useEffect(() => {
    setVisibleStatus(wb.status);
    if (!wb.status) return;
    const timer = setTimeout(() => setVisibleStatus(''), 6000);
    return () => clearTimeout(timer);
  }, [wb.status]);
  const info = project.data;
  return (
    <footer className="statusbar" role="status" aria-live="polite">
      <span className="status-message">{visibleStatus || (project.error ? `Cannot reach the project: ${project.error}` : 'Ready')}</span>
      <span className="status-project" title={info?.path}>
        {info ? `${info.name} · ${info.documentCount} documents` : ''}
      </span>
      <span className="status-transport">{transportName() === 'ipc' ? 'Desktop' : 'Browser mode'}</span>
    </footer>
  );
}
