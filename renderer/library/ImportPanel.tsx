import type { ImportProgress } from './importFiles';

interface Props {
  progress: ImportProgress;
  onCancel(): void;
  onClose(): void;
  onImportDuplicates(): void;
}

export function ImportPanel({ progress, onCancel, onClose, onImportDuplicates }: Props) {
  const imported = progress.results.filter((r) => r.status === 'imported');
  const duplicates = progress.results.filter((r) => r.status === 'duplicate');
  const failed = progress.results.filter((r) => r.status === 'failed');
  const warnings = progress.results.flatMap((r) => r.warnings.map((w) => `${r.fileName}: ${w}`));
  return (
    <div className="import-panel" role="status" aria-label="Import">
      {!progress.finished ? (
        <>
          <div className="import-line">
            <span>
              Importing {progress.done + 1} of {progress.total}
            </span>
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
          </div>
          <progress max={progress.total} value={progress.done} />
          <div className="muted import-current">{progress.current}</div>
        </>
      ) : (
        <>
          <div className="import-line">
            <strong className="import-summary">
              {progress.cancelled ? 'Import cancelled: ' : ''}Imported {imported.length}
              {duplicates.length ? `, skipped ${duplicates.length} duplicate${duplicates.length > 1 ? 's' : ''}` : ''}
              {failed.length ? `, ${failed.length} failed` : ''}
            </strong>
            <button type="button" aria-label="Close import summary" onClick={onClose}>
              ×
            </button>
          </div>
          {failed.length > 0 && (
            <ul className="import-failures">
              {failed.map((r) => (
                <li key={r.fileName}>{r.message}</li>
              ))}
            </ul>
          )}
          {warnings.length > 0 && (
            <ul className="import-warnings">
              {warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
          {duplicates.length > 0 && (
            <div className="import-duplicates">
              <ul>
                {duplicates.map((r) => (
                  <li key={r.fileName}>{r.message}</li>
                ))}
              </ul>
              <button type="button" onClick={onImportDuplicates}>
                Import duplicates anyway
              </button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
