// Source grading on the Admiralty scale: a document's reliability (A–F), a passage's credibility (1–6).
import type { Credibility } from '../../../shared/types.js';
import { getDocumentSummary } from '../../db/documents.js';
import { setDocumentReliability, setHighlightCredibility } from '../../db/grades.js';
import { getHighlight } from '../../db/highlights.js';
import { recordEdit } from '../../db/oplog.js';
import type { Workspace } from '../../project/workspace.js';
import { found } from '../errors.js';
import { quoted } from '../labels.js';
import type { HandlerGroup } from '../types.js';

type GradeOps = 'grades.setDocument' | 'grades.setHighlight';

export function gradeHandlers(ws: Workspace): HandlerGroup<GradeOps> {
  return {
    'grades.setDocument': ({ documentId, reliability }) => {
      const db = ws.project.db;
      const doc = found(getDocumentSummary(db, documentId), 'document', documentId);
      const label = reliability
        ? `Grade ${quoted(doc.title)} ${reliability}`
        : `Clear the grade of ${quoted(doc.title)}`;
      recordEdit(db, { operation: 'grades.setDocument', label }, () =>
        setDocumentReliability(db, documentId, reliability),
      );
      return getDocumentSummary(db, documentId)!;
    },
    'grades.setHighlight': ({ highlightId, credibility }) => {
      const db = ws.project.db;
      const highlight = found(getHighlight(db, highlightId), 'highlight', highlightId);
      const label = credibility
        ? `Grade ${quoted(highlight.exact)} ${credibility}`
        : `Clear the grade of ${quoted(highlight.exact)}`;
      recordEdit(db, { operation: 'grades.setHighlight', label }, () =>
        setHighlightCredibility(db, highlightId, credibility as Credibility | null),
      );
      return getHighlight(db, highlightId)!;
    },
  };
}
