// Analysis: retrieval of coded segments, matrices and charts, each a tab.
import { lazy, Suspense, useState } from 'react';
import { MatrixPanel } from './MatrixPanel';
import { RetrievalPanel } from './RetrievalPanel';
import './analysis.css';

// Observable Plot (with d3) is loaded when a chart is first shown, not at start-up.
const ChartPanel = lazy(() => import('./ChartPanel').then((m) => ({ default: m.ChartPanel })));

const TABS = [
  { id: 'retrieval', label: 'Retrieval' },
  { id: 'matrix', label: 'Matrix' },
  { id: 'chart', label: 'Chart' },
] as const;

export function AnalysisView() {
  const [tab, setTab] = useState<(typeof TABS)[number]['id']>('retrieval');
  return (
    <div className="analysis">
      <div className="segmented analysis-tabs" role="tablist" aria-label="Analysis">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            className={tab === t.id ? 'active' : ''}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {tab === 'retrieval' && <RetrievalPanel />}
      {tab === 'matrix' && <MatrixPanel />}
      {tab === 'chart' && (
        <Suspense fallback={<p className="muted loading">Loading charts…</p>}>
          <ChartPanel />
        </Suspense>
      )}
    </div>
  );
}
