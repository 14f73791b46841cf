// Inter-coder agreement statistics over nominal data: percent agreement, Cohen's kappa and Krippendorff's alpha.
// No well-kept npm library computes these (the one `krippendorff` package is a 0.1 with a few hundred downloads), so
// they are small pure functions here, each checked against a published worked example in tests/unit/agreement.
//
// The data is a list of *units* (a character range, a passage), each with one value per coder: a category number,
// or null when that coder did not code the unit at all (missing). A unit has a weight: a run of 40 characters on
// which every coder made the same choice is one unit of weight 40, so character-level agreement never walks
// characters one by one.

export interface Unit {
  /** One value per coder, in the same coder order for every unit; null = missing. */
  values: (number | null)[];
  weight: number;
}

export interface AgreementFigures {
  /** Weight of the units that at least two coders coded (the others say nothing about agreement). */
  pairable: number;
  /** Share of pairable weight on which every coder who coded the unit chose the same value. */
  percent: number | null;
  /** Cohen's kappa, two coders only (null with more, or when chance agreement is 1). */
  kappa: number | null;
  /** Krippendorff's alpha for nominal data, any number of coders, missing values allowed. */
  alpha: number | null;
}

function present(values: (number | null)[]): number[] {
  return values.filter((v): v is number => v !== null);
}

/** Percent agreement: the weight of units whose present values are all equal, over the weight of pairable units. */
export function percentAgreement(units: Unit[]): number | null {
  let agreed = 0;
  let total = 0;
  for (const unit of units) {
    const values = present(unit.values);
    if (values.length < 2) continue;
    total += unit.weight;
    if (values.every((v) => v === values[0])) agreed += unit.weight;
  }
  return total > 0 ? agreed / total : null;
}

/**
 * Cohen's kappa for two coders: κ = (pₒ − pₑ) / (1 − pₑ), where pₒ is the observed share of agreement and
 * pₑ = Σ_c p_A(c)·p_B(c) the agreement expected if each coder chose categories independently at their own rates.
 * Units that either coder left missing are left out.
 */
export function cohensKappa(units: Unit[]): number | null {
  let total = 0;
  let agreed = 0;
  const byA = new Map<number, number>();
  const byB = new Map<number, number>();
  for (const { values, weight } of units) {
    if (values.length !== 2) return null;
    const [a, b] = values;
    if (a === null || b === null) continue;
    total += weight;
    if (a === b) agreed += weight;
    byA.set(a, (byA.get(a) ?? 0) + weight);
    byB.set(b, (byB.get(b) ?? 0) + weight);
  }
  if (total === 0) return null;
  let expected = 0;
  for (const [category, countA] of byA) expected += (countA / total) * ((byB.get(category) ?? 0) / total);
  const observed = agreed / total;
  return expected >= 1 ? null : (observed - expected) / (1 - expected);
}

/**
 * Krippendorff's alpha, nominal metric: α = 1 − D_o / D_e (Krippendorff 2011, "Computing Krippendorff's
 * Alpha-Reliability"). Each unit with m ≥ 2 values adds every ordered pair of its values (c, k), from different
 * coders, to the coincidence matrix with weight 1/(m − 1), so a unit contributes m pairable values in all.
 * With n_c = Σ_k o_ck and n = Σ_c n_c:
 *   D_o = Σ_{c≠k} o_ck / n                       (observed disagreement)
 *   D_e = Σ_{c≠k} n_c·n_k / (n·(n − 1))          (disagreement expected by chance)
 * so α = 1 − (n − 1)·Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k. Missing values simply leave a unit with fewer values; units
 * with a single value are not pairable and drop out. Null when D_e is 0 (only one category was ever used).
 */
export function krippendorffAlpha(units: Unit[]): number | null {
  let disagreeing = 0; // Σ_{c≠k} o_ck
  const marginal = new Map<number, number>(); // n_c
  for (const { values: all, weight } of units) {
    const values = present(all);
    const m = values.length;
    if (m < 2) continue;
    const counts = new Map<number, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    // Ordered pairs of values from different coders that differ: m² − Σ count², each weighted 1/(m − 1).
    let same = 0;
    for (const count of counts.values()) same += count * count;
    disagreeing += (weight * (m * m - same)) / (m - 1);
    for (const [v, count] of counts) marginal.set(v, (marginal.get(v) ?? 0) + weight * count);
  }
  let n = 0;
  let sumSquares = 0;
  for (const nc of marginal.values()) {
    n += nc;
    sumSquares += nc * nc;
  }
  const expectedPairs = n * n - sumSquares; // Σ_{c≠k} n_c·n_k
  if (n <= 1 || expectedPairs <= 0) return null;
  return 1 - ((n - 1) * disagreeing) / expectedPairs;
}

export function agreementFigures(units: Unit[]): AgreementFigures {
  let pairable = 0;
  for (const unit of units) if (present(unit.values).length >= 2) pairable += unit.weight;
  const coders = units[0]?.values.length ?? 0;
  return {
    pairable,
    percent: percentAgreement(units),
    kappa: coders === 2 ? cohensKappa(units) : null,
    alpha: krippendorffAlpha(units),
  };
}
