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

/** Rounds half up to one decimal, without binary-float surprises (89.95 → 90.0). */
export function round1(x: number): number {
  return Math.round(Math.round(x * 1000) / 100) / 10;
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

/** earned ÷ (total − N/A) × 100, one decimal; unanswered items count as applicable and unscored (0). */
export function totalsOf(items: readonly ScoredItem[]): Totals {
  let totalPoints = 0;
  let naPoints = 0;
  let earned = 0;
  let answered = 0;
  for (const i of items) {
    totalPoints += i.points;
    if (i.answered) answered += 1;
    if (i.answered && !i.applicable) naPoints += i.points;
    else if (i.answered && i.score !== null) earned += i.score;
  }
  const base = totalPoints - naPoints;
  return { items: items.length, answered, totalPoints: round1(totalPoints), naPoints: round1(naPoints), earned: round1(earned), score: base > 0 && answered > 0 ? round1((earned / base) * 100) : null };
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
