import { useState } from 'react';
import { saveFile } from '../app/saveFile';
import { useWorkbench } from '../app/workbench';
import { useCommands } from '../commands/useCommands';

export const FORMATS = [
  { id: 'md', label: 'Markdown' },
  { id: 'html', label: 'HTML' },
  { id: 'docx', label: 'Word' },
  { id: 'pdf', label: 'PDF' },
] as const;

export function ExportMenu({ memoId, beforeExport }: { memoId: number; beforeExport(): void }) {
  const wb = useWorkbench();
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (format: (typeof FORMATS)[number]['id']) => {
    beforeExport();
    setBusy(format);
    wb.setStatus(`Exporting ${format.toUpperCase()}…`);
    try {
      await new Promise((r) => setTimeout(r, 50)); // let the flushed save land first
      const file = await wb.client['export.memo']({ memoId, format });
      saveFile(file);
      wb.setStatus(`Exported ${file.fileName}.`);
    } catch (error) {
      wb.setStatus(`Export failed: ${(error as Error).message}`, true);
    } finally {
      setBusy(null);
    }
  };
  useCommands(
    FORMATS.map((f) => ({
      id: `memo.export.${f.id}`,
      label: `Export memo as ${f.label}`,
      category: 'Memo',
      enabled: () => busy === null,
      run: () => run(f.id),
    })),
  );
  return (
    <div className="export-menu" role="group" aria-label="Export">
      <span className="muted">Export</span>
      {FORMATS.map((f) => (
        <button key={f.id} type="button" disabled={busy !== null} onClick={() => void run(f.id)}>
          {busy === f.id ? '…' : f.label}
        </button>
      ))}
    </div>
  );
}
