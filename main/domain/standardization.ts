/**
 * Standardization scoring, pure: an item's score (deductions never take it
 * below 0), the percentage with not-applicable items out of the denominator
 * (earned ÷ (total − N/A points) × 100, one decimal), per-element totals, and the
 * grade: the lower of what the score reaches and what the accident-free years
 * allow, under a grade profile held as data.
 */

export interface GradeDef {
  code: string;
  label: string;
  minScore: number;
  accidentFreeYears: number;
}

export interface GradeProfileDef {
  key: string;
  name: string;
  basis: string;
  /** Highest grade first. */
  grades: readonly GradeDef[];
}

/**
 * Rounds half up to one decimal, without binary-float surprises (89.95 → 90.0).
 * Rounds once: the float noise is removed at 12 significant digits, so
 * 89.9499… stays 89.9 (rounding first to hundredths would make it 90.0).
 */
export function round1(x: number): number {
  return Math.round(Number((x * 10).toPrecision(12))) / 10;
}

/** Points less the deductions, floored at 0. */
export function itemScore(points: number, deductionPoints: readonly number[]): number {
  const total = deductionPoints.reduce((a, b) => a + b, 0);
  return Math.max(0, round1(points - total));
}

export interface ScoredItem {
  /** The top-level element the item belongs to. */
  elementKey: string;
  points: number;
  answered: boolean;
  applicable: boolean;
  score: number | null;
}

export interface Totals {
  items: number;
  answered: number;
  totalPoints: number;
  naPoints: number;
  earned: number;
  score: number | null;
}

/**
 * earned ÷ (total − N/A) × 100, one decimal. While a sheet is being scored the
 * score covers the answered items only (a running score: unanswered items are
 * neither earned nor lost yet); once every item is answered it is the final one.
 */
export function totalsOf(items: readonly ScoredItem[]): Totals {
  let totalPoints = 0;
  let naPoints = 0;
  let earned = 0;
  let answered = 0;
  let answeredPoints = 0;
  for (const i of items) {
    totalPoints += i.points;
    if (!i.answered) continue;
    answered += 1;
    answeredPoints += i.points;
    if (!i.applicable) naPoints += i.points;
    else if (i.score !== null) earned += i.score;
  }
  const base = answeredPoints - naPoints;
  return { items: items.length, answered, totalPoints: round1(totalPoints), naPoints: round1(naPoints), earned: round1(earned), score: base > 0 ? round1((earned / base) * 100) : null };
}

/** Totals per top-level element, in the order the keys first appear. */
export function totalsByElement(items: readonly ScoredItem[]): Map<string, Totals> {
  const groups = new Map<string, ScoredItem[]>();
  for (const i of items) groups.set(i.elementKey, [...(groups.get(i.elementKey) ?? []), i]);
  return new Map([...groups].map(([k, list]) => [k, totalsOf(list)]));
}

export interface GradeResult {
  scoreGrade: GradeDef | null;
  performanceGrade: GradeDef | null;
  grade: GradeDef | null;
}

/**
 * The grade the score reaches, the grade the accident-free years allow (unknown
 * years: no limit from performance), and the lower of the two.
 */
export function gradeOf(profile: GradeProfileDef, score: number | null, accidentFreeYears: number | null): GradeResult {
  const scoreGrade = score === null ? null : (profile.grades.find((g) => score >= g.minScore) ?? null);
  const performanceGrade = accidentFreeYears === null ? (profile.grades[0] ?? null) : (profile.grades.find((g) => accidentFreeYears >= g.accidentFreeYears) ?? null);
  if (!scoreGrade || !performanceGrade) return { scoreGrade, performanceGrade, grade: null };
  const rank = (g: GradeDef) => profile.grades.indexOf(g);
  return { scoreGrade, performanceGrade, grade: rank(scoreGrade) >= rank(performanceGrade) ? scoreGrade : performanceGrade };
}
