// Every highlight with its tags and note: CSV for spreadsheets, W3C Web Annotation JSON for other tools.
import { randomUUID } from 'node:crypto';
import { gradeLabel } from '../../shared/grades.js';
import type { Db } from '../db/connection.js';
import { listDocuments } from '../db/documents.js';
import { listHighlights } from '../db/highlights.js';
import { listNotes } from '../db/notes.js';
import { listTags } from '../db/tags.js';

interface Row {
  highlightId: number;
  documentId: number;
  documentTitle: string;
  outlet: string;
  publishedAt: string;
  url: string | null;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  tags: string[];
  note: string;
  orphaned: boolean;
  createdAt: string;
  updatedAt: string;
  reliability: string;
  credibility: string;
  /** The Admiralty grade as analysts write it ("B2"), or null when neither is graded. */
  grade: string | null;
}

function rows(db: Db): Row[] {
  const docs = new Map(listDocuments(db).map((d) => [d.id, d]));
  const tags = new Map(listTags(db).map((t) => [t.id, t.name]));
  const notes = new Map(
    listNotes(db)
      .filter((n) => n.highlightId !== null)
      .map((n) => [n.highlightId!, n.text]),
  );
  return listHighlights(db).map((h) => {
    const doc = docs.get(h.documentId)!;
    return {
      highlightId: h.id,
      documentId: h.documentId,
      documentTitle: doc.title,
      outlet: doc.outlet ?? '',
      publishedAt: doc.publishedAt ?? '',
      url: doc.url,
      start: h.start,
      end: h.end,
      exact: h.exact,
      prefix: h.prefix,
      suffix: h.suffix,
      tags: h.tagIds.map((id) => tags.get(id) ?? '').filter(Boolean),
      note: notes.get(h.id) ?? '',
      orphaned: h.orphaned,
      createdAt: h.createdAt,
      updatedAt: h.updatedAt,
      reliability: doc.reliability ?? '',
      credibility: h.credibility ? String(h.credibility) : '',
      grade: gradeLabel(doc.reliability, h.credibility),
    };
  });
}

export function annotationsToCsv(db: Db): string {
  const header = [
    'document',
    'outlet',
    'published',
    'start',
    'end',
    'quote',
    'tags',
    'note',
    'orphaned',
    'source reliability',
    'information credibility',
  ];
  const lines = rows(db).map((r) =>
    [
      r.documentTitle,
      r.outlet,
      r.publishedAt,
      r.start,
      r.end,
      r.exact,
      r.tags.join('; '),
      r.note,
      r.orphaned ? 'yes' : '',
      r.reliability,
      r.credibility,
    ]
      .map(csvCell)
      .join(','),
  );
  return `\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`;
}

/** Quotes every cell, and defuses cells a spreadsheet would run as a formula. */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function annotationsToW3c(db: Db): string {
  const items = rows(db).map((r) => ({
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `urn:gloss:highlight:${r.highlightId}`,
    type: 'Annotation',
    created: r.createdAt,
    modified: r.updatedAt,
    motivation: r.note ? 'commenting' : 'highlighting',
    body: [
      ...r.tags.map((tag) => ({ type: 'TextualBody', purpose: 'tagging', value: tag })),
      ...(r.note ? [{ type: 'TextualBody', purpose: 'commenting', value: r.note, format: 'text/plain' }] : []),
      ...(r.grade ? [{ type: 'TextualBody', purpose: 'assessing', value: `Admiralty grade ${r.grade}` }] : []),
    ],
    target: {
      source: r.url ?? `urn:gloss:document:${r.documentId}`,
      title: r.documentTitle,
      selector: [
        { type: 'TextQuoteSelector', exact: r.exact, prefix: r.prefix, suffix: r.suffix },
        { type: 'TextPositionSelector', start: r.start, end: r.end },
      ],
    },
  }));
  // A collection needs an IRI id and its items on a page (W3C Web Annotation Data Model §5.1, §5.2).
  const collectionId = `urn:gloss:annotations:${randomUUID()}`;
  return JSON.stringify(
    {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: collectionId,
      type: 'AnnotationCollection',
      total: items.length,
      first: { id: `${collectionId}:page:0`, type: 'AnnotationPage', partOf: collectionId, startIndex: 0, items },
    },
    null,
    2,
  );
}
