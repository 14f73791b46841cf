// The image of a region highlight (a figure or table cropped from its PDF page when it was drawn), for the rows
// of the margin and the theme view. The backend already keeps the cropped PNG, so showing it costs one small
// request for the rows on screen — no PDF to open and no page to render. Rows that mount together (a virtual
// list's visible window) share one request; images never change, so each is fetched once per session.
// Kept free of pdf.js: the margin imports this, and pdf.js must stay out of the main bundle.
import { useEffect, useState } from 'react';
import type { Highlight } from '../../shared/types';
import { client } from '../api/client';
import './regionThumbnail.css';

/** An image is keyed by its highlight and when that was made: an id freed by undo may be reused by a new region. */
type Key = string;
const keyOf = (h: Pick<Highlight, 'id' | 'createdAt'>): Key => `${h.id}:${h.createdAt}`;

const images = new Map<Key, string | null>();
const waiting = new Map<Key, { id: number; done: Array<(image: string | null) => void> }>();
let flush: ReturnType<typeof setTimeout> | null = null;
const BATCH = 200;

function requestImage(h: Pick<Highlight, 'id' | 'createdAt'>): Promise<string | null> {
  const key = keyOf(h);
  if (images.has(key)) return Promise.resolve(images.get(key)!);
  return new Promise((resolve) => {
    const entry = waiting.get(key) ?? { id: h.id, done: [] };
    entry.done.push(resolve);
    waiting.set(key, entry);
    flush ??= setTimeout(sendWaiting, 30);
  });
}

function sendWaiting(): void {
  flush = null;
  const batch = [...waiting.entries()].slice(0, BATCH);
  batch.forEach(([key]) => waiting.delete(key));
  if (waiting.size) flush = setTimeout(sendWaiting, 0);
  client['regions.get']({ highlightIds: batch.map(([, e]) => e.id) }).then(
    (regions) => {
      const byId = new Map(regions.map((r) => [r.highlightId, r.imageBase64]));
      for (const [key, entry] of batch) {
        const image = byId.get(entry.id) ?? null;
        images.set(key, image);
        entry.done.forEach((done) => done(image));
      }
    },
    // Not cached: the row asks again when it next mounts.
    () => batch.forEach(([, entry]) => entry.done.forEach((done) => done(null))),
  );
}

export function RegionThumbnail({ highlight }: { highlight: Highlight }) {
  const key = keyOf(highlight);
  const [image, setImage] = useState<string | null | undefined>(() => images.get(key));
  useEffect(() => {
    let live = true;
    if (!images.has(key)) void requestImage(highlight).then((found) => live && setImage(found));
    else setImage(images.get(key));
    return () => {
      live = false;
    };
    // The key names the highlight and its image; other edits to the highlight do not change the image.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  const page = highlight.regionPage;
  if (image === undefined) return <div className="region-thumbnail loading" aria-label={`Region on page ${page}`} />;
  if (image === null) return <p className="region-thumbnail missing muted">Region on page {page} (no image kept)</p>;
  return (
    <img
      className="region-thumbnail"
      src={`data:image/png;base64,${image}`}
      alt={`Region on page ${page}`}
      decoding="async"
    />
  );
}
