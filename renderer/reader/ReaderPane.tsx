import { Fragment, useEffect, useMemo, useRef } from 'react';
import type { DocumentFull } from '../../shared/types';
import { useApi } from '../app/useApi';
import { useWorkbench } from '../app/workbench';
import { splitParagraphs } from './paragraphs';

export function ReaderPane() {
  const wb = useWorkbench();
  const id = wb.documentId;
  const doc = useApi<DocumentFull | null>(() => (id ? wb.client['documents.get']({ id }) : Promise.resolve(null)), [id]);
  const paragraphs = useMemo(() => (doc.data ? splitParagraphs(doc.data.text) : []), [doc.data]);
  const textRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!wb.focus || !textRef.current) return;
    const target = [...textRef.current.querySelectorAll<HTMLElement>('[data-start]')]
      .filter((p) => Number(p.dataset.start) <= wb.focus!.start).pop();
    target?.scrollIntoView({ block: 'center' });
  }, [wb.focus, paragraphs]);

  if (!id) return <div className="empty-state"><h2>Pick a report from the library</h2><p>Select a document on the left to start reading.</p></div>;
  if (doc.error) return <p className="error">Could not open the document: {doc.error}</p>;
  if (!doc.data) return <p className="muted loading">Opening…</p>;
  const d = doc.data;
  const headlineIsFirstParagraph = paragraphs[0]?.text.replace(/\.$/, '') === d.title;
  const byline = (
    <p className="doc-byline">
      {[d.outlet, d.author, d.publishedAt].filter(Boolean).join(' · ') || 'Source not set'}
      {d.url && <> · <a href={d.url} target="_blank" rel="noreferrer noopener">link</a></>}
    </p>
  );
  return (
    <article className="reader" aria-label="Reader">
      {!headlineIsFirstParagraph && <header className="reader-header"><h1 className="doc-headline">{d.title}</h1>{byline}</header>}
      <div className="reader-text" ref={textRef}>
        {paragraphs.map((p, i) => (i === 0 && headlineIsFirstParagraph
          ? <Fragment key={p.start}><h1 className="doc-headline" data-start={p.start}>{p.text}</h1>{byline}</Fragment>
          : <p key={p.start} data-start={p.start}>{p.text}</p>))}
      </div>
    </article>
  );
}
