import { prng } from './random.js';

/**
 * Expert review (专家评审, DOMAIN §3.2 R-R1…R-R3): drawing reviewers without conflicts of interest,
 * and aggregating their weighted scores. Pure functions; the server records the seed it used so a
 * draw can be replayed and audited.
 */

export interface Expert {
  id: number;
  name: string;
  unit: string;
  fields: readonly string[];
  declaredConflictUnits: readonly string[];
  active: boolean;
}

export interface ReviewedProject {
  /** 承担单位 and partner units. */
  units: readonly string[];
  /** Names of the project leader and team. */
  people: readonly string[];
}

export type ExclusionReason = 'inactive' | 'same_unit' | 'declared_conflict' | 'team_member';

export interface Draw {
  seed: number;
  chosen: Expert[];
  excluded: { expert: Expert; reason: ExclusionReason }[];
}

/** R-R2: fewer reviewers than this cannot review. */
export const MIN_REVIEWERS = 3;

/** Unit names compared the way staff type them: without spaces and full-width variants. */
const normalizeUnit = (s: string): string => s.normalize('NFKC').replace(/\s+/g, '');

/** Why an expert may not review any of the projects (R-R1), or undefined when they may. */
export function conflictOf(
  expert: Expert,
  projects: readonly ReviewedProject[],
): ExclusionReason | undefined {
  if (!expert.active) return 'inactive';
  const own = normalizeUnit(expert.unit);
  const declared = new Set(expert.declaredConflictUnits.map(normalizeUnit));
  for (const project of projects) {
    for (const unit of project.units.map(normalizeUnit)) {
      if (unit === own) return 'same_unit';
      if (declared.has(unit)) return 'declared_conflict';
    }
    if (project.people.includes(expert.name)) return 'team_member';
  }
  return undefined;
}

/**
 * Draws `count` reviewers for a batch of projects from the pool, never one with a conflict on any
 * project of the batch. Throws a RangeError when the eligible pool is too small.
 */
export function drawReviewers(
  pool: readonly Expert[],
  projects: readonly ReviewedProject[],
  count: number,
  seed: number,
): Draw {
  if (!Number.isInteger(count) || count < MIN_REVIEWERS)
    throw new RangeError(`at least ${MIN_REVIEWERS} reviewers are needed`);
  const excluded: Draw['excluded'] = [];
  const eligible: Expert[] = [];
  for (const expert of [...pool].sort((a, b) => a.id - b.id)) {
    const reason = conflictOf(expert, projects);
    if (reason) excluded.push({ expert, reason });
    else eligible.push(expert);
  }
  if (eligible.length < count)
    throw new RangeError(`only ${eligible.length} eligible experts for ${count} places`);
  // Fisher–Yates over the eligible experts in id order: the same seed gives the same draw.
  const next = prng(seed);
  for (let i = eligible.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [eligible[i], eligible[j]] = [eligible[j]!, eligible[i]!];
  }
  return { seed, chosen: eligible.slice(0, count), excluded };
}

export interface Criterion {
  name: string;
  /** Share of the total, in percent; the weights of a sheet add up to 100. */
  weight: number;
  maxScore: number;
}

/** An exact fraction, so sums and means of scores round once, at the end. */
interface Fraction {
  n: bigint;
  d: bigint;
}

const SCALE = 10_000n;
/** Scores are typed with at most 4 decimals; anything finer is refused rather than rounded away. */
function exact(value: number): bigint {
  const scaled = Math.round(value * Number(SCALE));
  if (Math.abs(scaled - value * Number(SCALE)) > 1e-6) throw new RangeError(`too many decimals: ${value}`);
  return BigInt(scaled);
}

const add = (a: Fraction, b: Fraction): Fraction => ({ n: a.n * b.d + b.n * a.d, d: a.d * b.d });

/** Half-up to 2 decimals (83.005 → 83.01), computed on the exact fraction. */
function roundHalfUp2(f: Fraction): number {
  const hundredths = (f.n * 100n * 2n + f.d) / (2n * f.d);
  return Number(hundredths) / 100;
}

function weightedTotal(criteria: readonly Criterion[], scores: readonly number[]): Fraction {
  if (scores.length !== criteria.length) throw new RangeError('one score per criterion');
  const weights = criteria.reduce((s, c) => s + c.weight, 0);
  if (weights !== 100) throw new RangeError(`criterion weights add up to ${weights}, not 100`);
  let total: Fraction = { n: 0n, d: 1n };
  criteria.forEach((c, i) => {
    const score = scores[i]!;
    if (score < 0 || score > c.maxScore)
      throw new RangeError(`${c.name}: ${score} is outside 0–${c.maxScore}`);
    // weight × score / maxScore, all scaled by SCALE.
    total = add(total, { n: BigInt(c.weight) * exact(score), d: exact(c.maxScore) });
  });
  return total;
}

/** One reviewer's weighted total on a 100-point scale, to 2 decimals. */
export const sheetTotal = (criteria: readonly Criterion[], scores: readonly number[]): number =>
  roundHalfUp2(weightedTotal(criteria, scores));

/**
 * R-R3: a project's score is the mean of its reviewers' weighted totals; with five or more, one
 * highest and one lowest are dropped first. Half-up to 2 decimals.
 */
export function projectScore(criteria: readonly Criterion[], sheets: readonly (readonly number[])[]): number {
  if (sheets.length < MIN_REVIEWERS)
    throw new RangeError(`at least ${MIN_REVIEWERS} score sheets are needed`);
  const totals = sheets.map((s) => weightedTotal(criteria, s));
  totals.sort((a, b) => (a.n * b.d < b.n * a.d ? -1 : a.n * b.d > b.n * a.d ? 1 : 0));
  const kept = totals.length >= 5 ? totals.slice(1, -1) : totals;
  const sum = kept.reduce(add, { n: 0n, d: 1n });
  return roundHalfUp2({ n: sum.n, d: sum.d * BigInt(kept.length) });
}
