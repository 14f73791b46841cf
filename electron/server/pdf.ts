// PDF rendering for browser mode: headless Chromium prints the export HTML (Electron uses printToPDF instead).
import type { ExportServices } from '../api/handlers/export.js';

export function chromiumPdfService(): ExportServices {
  return {};
}
