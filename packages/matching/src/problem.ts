import type { Failure, GroupSize, ModeratorMode, PlanBudget, PlanRequest } from './types.js';

/** Weights of the cost model; their ratios encode the priority order of SPEC.md M5. */
export const WEIGHT = {
  hard: 1e12,
  /** Cost of a pair's second meeting; every further meeting costs REPEAT_GROWTH times more (M10). */
  repeat: 1e6,
  repeatGrowth: 40,
  /**
   * Cost of a moderator meeting a participant a second time (M5 item 2b); every further meeting
   * costs MODERATOR_REPEAT_GROWTH times more, up to the fifth: 2·10⁴ … 5.4·10⁵, so any one moderator
   * repeat stays below one participant repeat. Participants come to meet each other; a staff
   * moderator seeing someone again matters less, yet still far more than history or sectors.
   */
  moderatorRepeat: 2e4,
  moderatorRepeatGrowth: 3,
  history: 1e3,
  sector: 10,
} as const;

const HISTORY_HALF_LIFE_DAYS = 56;
const DAY_MS = 86_400_000;

/** The request in index form: participants are 0..n-1, moderators n..n+m-1 ("entities"). */
export interface Problem {
  readonly n: number;
  readonly participantIds: readonly string[];
  readonly moderatorIds: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  /** -1 when unknown. */
  readonly sectorOf: Int32Array;
  readonly sectorCount: number;
  /** -1 when unknown. */
  readonly companyOf: Int32Array;
  /** Per participant: participants it must never sit with (same company or explicit pair). */
  readonly hardPartners: readonly (readonly number[])[];
  /** Per participant: earlier-edition partners with their recency weight (0..1]. */
  readonly historyPartners: readonly (readonly { other: number; weight: number }[])[];
  readonly hardPairs: ReadonlySet<number>;
  readonly historyWeight: ReadonlyMap<number, number>;
  readonly rounds: number;
  readonly target: number;
  readonly min: number;
  readonly max: number;
  readonly mode: ModeratorMode;
  readonly seed: number;
  readonly budget: PlanBudget;
  /** Size of the largest group of participants that must all sit apart (largest company). */
  readonly largestCompany: number;
}

/** Key of an unordered pair of entity indices. */
export function pairKey(a: number, b: number): number {
  return a < b ? a * 1_048_576 + b : b * 1_048_576 + a;
}

/** Resolves the size defaults of M2: min = target - 1 (at least 1), max = target + 1. */
export function resolveGroupSize(size: GroupSize): { target: number; min: number; max: number } {
  const target = size.target;
  const min = size.min ?? Math.max(1, target - 1);
  const max = size.max ?? target + 1;
  return { target, min, max };
}

function fail(reason: string): Failure {
  return { ok: false, reason };
}

function isCount(value: number, least: number): boolean {
  return Number.isInteger(value) && value >= least;
}

/** Validates a request and turns it into a {@link Problem}, or explains why it is impossible (M14). */
export function buildProblem(request: PlanRequest): { ok: true; problem: Problem } | Failure {
  const { target, min, max } = resolveGroupSize(request.groupSize);
  if (!isCount(target, 1)) return fail(`group size target must be a whole number >= 1, got ${target}`);
  if (!isCount(min, 1) || !isCount(max, 1) || min > target || target > max) {
    return fail(`group size bounds must satisfy 1 <= min <= target <= max, got min ${min}, target ${target}, max ${max}`);
  }
  if (!isCount(request.rounds, 1) || request.rounds > 1000) return fail(`rounds must be a whole number in 1..1000, got ${request.rounds}`);
  const n = request.participants.length;
  if (n === 0) return fail('there are no participants');
  if (n > 500_000) return fail('at most 500,000 participants are supported');

  const index = new Map<string, number>();
  const participantIds: string[] = [];
  for (const p of request.participants) {
    if (typeof p.id !== 'string' || p.id === '') return fail('every participant needs a non-empty id');
    if (index.has(p.id)) return fail(`participant id ${p.id} appears twice`);
    index.set(p.id, participantIds.length);
    participantIds.push(p.id);
  }
  const moderatorIds: string[] = [];
  const seenModerators = new Set<string>();
  for (const m of request.moderators ?? []) {
    if (typeof m.id !== 'string' || m.id === '') return fail('every moderator needs a non-empty id');
    if (seenModerators.has(m.id) || index.has(m.id)) return fail(`moderator id ${m.id} is used twice`);
    seenModerators.add(m.id);
    moderatorIds.push(m.id);
  }

  const sectorIndex = new Map<string, number>();
  const sectorOf = new Int32Array(n).fill(-1);
  const companyOf = new Int32Array(n).fill(-1);
  const byCompany = new Map<string, number[]>();
  const companyIndex = new Map<string, number>();
  request.participants.forEach((p, i) => {
    if (p.sector !== undefined && p.sector !== '') {
      if (!sectorIndex.has(p.sector)) sectorIndex.set(p.sector, sectorIndex.size);
      sectorOf[i] = sectorIndex.get(p.sector)!;
    }
    if (p.company !== undefined && p.company !== '') {
      const members = byCompany.get(p.company) ?? [];
      if (members.length === 0) byCompany.set(p.company, members);
      companyOf[i] = companyIndex.get(p.company) ?? companyIndex.size;
      companyIndex.set(p.company, companyOf[i]!);
      members.push(i);
    }
  });

  const hardPairs = new Set<number>();
  const hardPartners: number[][] = Array.from({ length: n }, () => []);
  const addHard = (a: number, b: number): void => {
    if (a === b || hardPairs.has(pairKey(a, b))) return;
    hardPairs.add(pairKey(a, b));
    hardPartners[a]!.push(b);
    hardPartners[b]!.push(a);
  };
  let largestCompany = 1;
  for (const members of byCompany.values()) {
    largestCompany = Math.max(largestCompany, members.length);
    for (let i = 0; i < members.length; i++) for (let j = i + 1; j < members.length; j++) addHard(members[i]!, members[j]!);
  }
  for (const pair of request.neverTogether ?? []) {
    const a = index.get(pair[0]);
    const b = index.get(pair[1]);
    // Unknown ids (cancelled registrations) are ignored on purpose: the constraint is moot.
    if (a !== undefined && b !== undefined) {
      if (a === b) return fail(`never-together pair names ${pair[0]} twice`);
      addHard(a, b);
    }
  }

  const historyWeight = new Map<number, number>();
  const history = request.history ?? [];
  let reference = request.referenceDate !== undefined ? Date.parse(request.referenceDate) : Number.NEGATIVE_INFINITY;
  if (request.referenceDate !== undefined && Number.isNaN(reference)) return fail(`reference date ${request.referenceDate} is not a date`);
  if (request.referenceDate === undefined) {
    for (const h of history) {
      const t = Date.parse(h.date);
      if (!Number.isNaN(t)) reference = Math.max(reference, t);
    }
  }
  for (const h of history) {
    const a = index.get(h.a);
    const b = index.get(h.b);
    if (a === undefined || b === undefined || a === b) continue;
    const t = Date.parse(h.date);
    if (Number.isNaN(t)) return fail(`history date ${h.date} of ${h.a}/${h.b} is not a date`);
    // Recent meetings weigh more: the weight halves every HISTORY_HALF_LIFE_DAYS (M6).
    const ageDays = Math.max(0, (reference - t) / DAY_MS);
    const weight = Math.pow(0.5, ageDays / HISTORY_HALF_LIFE_DAYS);
    const key = pairKey(a, b);
    historyWeight.set(key, Math.min(1, (historyWeight.get(key) ?? 0) + weight));
  }
  const historyPartners: { other: number; weight: number }[][] = Array.from({ length: n }, () => []);
  for (const [key, weight] of historyWeight) {
    const a = Math.floor(key / 1_048_576);
    const b = key % 1_048_576;
    historyPartners[a]!.push({ other: b, weight });
    historyPartners[b]!.push({ other: a, weight });
  }

  return {
    ok: true,
    problem: {
      n,
      participantIds,
      moderatorIds,
      index,
      sectorOf,
      sectorCount: sectorIndex.size,
      companyOf,
      hardPartners,
      historyPartners,
      hardPairs,
      historyWeight,
      rounds: request.rounds,
      target,
      min,
      max,
      mode: request.moderatorMode ?? 'rotate',
      seed: request.seed ?? 1,
      budget: request.budget ?? {},
      largestCompany,
    },
  };
}

/** Table counts T with T * min <= n <= T * max, or an empty range. */
export function tableCountRange(n: number, min: number, max: number): { lo: number; hi: number } {
  return { lo: Math.max(1, Math.ceil(n / max)), hi: Math.floor(n / min) };
}

/** Participants per table for T tables, as even as possible, larger tables first. */
export function evenTableSizes(n: number, tables: number): number[] {
  const base = Math.floor(n / tables);
  const extra = n % tables;
  return Array.from({ length: tables }, (_, t) => base + (t < extra ? 1 : 0));
}
