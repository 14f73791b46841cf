// The agreement statistics against published worked examples.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classify } from '../../electron/agreement/compute.js';
import { overlapClusters, overlapRatio } from '../../electron/agreement/intervals.js';
import { cohensKappa, krippendorffAlpha, percentAgreement, type Unit } from '../../electron/agreement/stats.js';

/** Coders in rows, units in columns (null = missing), as the examples print them. */
function unitsFromRows(rows: (number | null)[][]): Unit[] {
  return rows[0]!.map((_, u) => ({ values: rows.map((row) => row[u]!), weight: 1 }));
}

const round3 = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);

test("Krippendorff's nominal example with missing values: 4 observers, 12 units, α = 0.743", () => {
  // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: nominal data, any number of
  // observers, missing values. Unit 12 has one value and is not pairable.
  const _ = null;
  const units = unitsFromRows([
    [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
    [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
  ]);
  assert.equal(round3(krippendorffAlpha(units)), 0.743);
});

test("Krippendorff's binary example for two observers: α = 0.095", () => {
  // Krippendorff (2011), section A: two observers, binary data, 10 units.
  const units = unitsFromRows([
    [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
    [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
  ]);
  assert.equal(round3(krippendorffAlpha(units)), 0.095);
  assert.equal(percentAgreement(units), 0.6);
});

test("Cohen's kappa, the textbook 2×2 example: 50 proposals, 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no → κ = 0.4", () => {
  // The example of Wikipedia's "Cohen's kappa" article (two readers deciding on 50 grant proposals): pₒ = 0.7,
  // pₑ = 0.5·0.6 + 0.5·0.4 = 0.5, κ = 0.4. Weights stand for repeated units.
  const units: Unit[] = [
    { values: [1, 1], weight: 20 },
    { values: [1, 0], weight: 5 },
    { values: [0, 1], weight: 10 },
    { values: [0, 0], weight: 15 },
  ];
  assert.equal(round3(cohensKappa(units)), 0.4);
  assert.equal(percentAgreement(units), 0.7);
});

test("Cohen's kappa, the same 60% agreement with different marginals: κ = 0.1304 and κ = 0.2593", () => {
  // Wikipedia, "Cohen's kappa", section "Same percentages but different numbers": both tables agree on 60 of 100,
  // but chance agreement differs (pₑ = 0.54 and 0.46).
  const table = (a: number, b: number, c: number, d: number): Unit[] => [
    { values: [1, 1], weight: a },
    { values: [1, 0], weight: b },
    { values: [0, 1], weight: c },
    { values: [0, 0], weight: d },
  ];
  assert.equal(Math.round(cohensKappa(table(45, 15, 25, 15))! * 10_000) / 10_000, 0.1304);
  assert.equal(Math.round(cohensKappa(table(25, 35, 5, 35))! * 10_000) / 10_000, 0.2593);
});

test('weights equal repeated units, perfect agreement gives 1, one category everywhere gives no statistic', () => {
  const repeated = unitsFromRows([
    [0, 0, 1, 1, 1],
    [0, 1, 1, 1, 1],
  ]);
  const weighted: Unit[] = [
    { values: [0, 0], weight: 1 },
    { values: [0, 1], weight: 1 },
    { values: [1, 1], weight: 3 },
  ];
  assert.equal(krippendorffAlpha(weighted), krippendorffAlpha(repeated));
  assert.equal(cohensKappa(weighted), cohensKappa(repeated));
  assert.equal(
    krippendorffAlpha([
      { values: [1, 1], weight: 3 },
      { values: [0, 0], weight: 2 },
    ]),
    1,
  );
  assert.equal(krippendorffAlpha([{ values: [1, 1], weight: 3 }]), null);
  assert.equal(cohensKappa([{ values: [1, 1], weight: 3 }]), null);
});

test('a stretch is classified by how two coders differ there', () => {
  const row = (coderId: number, tagId: number, start: number, end: number) => ({
    highlightId: coderId * 100 + tagId,
    documentId: 1,
    start,
    end,
    tagId,
    coderId,
  });
  assert.equal(classify([row(1, 7, 0, 10), row(2, 7, 0, 10)], 1, 2, 0.8), null);
  assert.equal(classify([row(1, 7, 0, 10)], 1, 2, 0.8), 'only-a');
  assert.equal(classify([row(2, 7, 0, 10)], 1, 2, 0.8), 'only-b');
  assert.equal(classify([row(1, 7, 0, 10), row(2, 8, 0, 10)], 1, 2, 0.8), 'tags');
  // 6 shared of 14 covered: 0.43.
  assert.equal(classify([row(1, 7, 0, 10), row(2, 7, 4, 14)], 1, 2, 0.8), 'boundaries');
  assert.equal(classify([row(1, 7, 0, 10), row(2, 7, 4, 14)], 1, 2, 0.4), null);
});

test('overlap clusters join chains of overlapping passages and keep touching ones apart', () => {
  const clusters = overlapClusters([
    { start: 0, end: 10 },
    { start: 8, end: 20 },
    { start: 19, end: 30 },
    { start: 30, end: 40 },
  ]);
  assert.deepEqual(
    clusters.map((c) => [c.start, c.end, c.items.length]),
    [
      [0, 30, 3],
      [30, 40, 1],
    ],
  );
  assert.equal(overlapRatio([{ start: 0, end: 10 }], [{ start: 5, end: 15 }]), 5 / 15);
});
