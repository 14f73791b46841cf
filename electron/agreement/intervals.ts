// Character ranges [start, end) and the few operations agreement needs on them.

export interface Interval {
  start: number;
  end: number;
}

/** Sorted, overlapping and touching ranges joined. */
export function mergeIntervals(list: Interval[]): Interval[] {
  const sorted = [...list].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Interval[] = [];
  for (const { start, end } of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else merged.push({ start, end });
  }
  return merged;
}

export function totalLength(merged: Interval[]): number {
  let n = 0;
  for (const i of merged) n += i.end - i.start;
  return n;
}

/** Characters two merged, sorted lists share. */
export function intersectionLength(a: Interval[], b: Interval[]): number {
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i]!.start, b[j]!.start);
    const hi = Math.min(a[i]!.end, b[j]!.end);
    if (hi > lo) shared += hi - lo;
    if (a[i]!.end < b[j]!.end) i++;
    else j++;
  }
  return shared;
}

/** Intersection over union: 1 for the same characters, 0 for none shared. */
export function overlapRatio(a: Interval[], b: Interval[]): number {
  const shared = intersectionLength(a, b);
  const union = totalLength(a) + totalLength(b) - shared;
  return union > 0 ? shared / union : 0;
}

/**
 * Groups of ranges that overlap one another, directly or through a chain ([0,10) [8,20) [19,30) is one group);
 * ranges that only touch stay apart. `items` must be sorted by start.
 */
export function overlapClusters<T extends Interval>(items: T[]): { start: number; end: number; items: T[] }[] {
  const clusters: { start: number; end: number; items: T[] }[] = [];
  for (const item of items) {
    const last = clusters[clusters.length - 1];
    if (last && item.start < last.end) {
      last.items.push(item);
      last.end = Math.max(last.end, item.end);
    } else clusters.push({ start: item.start, end: item.end, items: [item] });
  }
  return clusters;
}
