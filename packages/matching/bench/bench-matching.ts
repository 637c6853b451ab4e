// `npm run bench:matching`: quality and speed of planEvent next to two baselines run in the same
// process (random shuffling as Zoom/Jitsi do, and a plain greedy planner), then the live
// operations. Prints figures only; tests never assert timings.
import { planEvent, planGreedyBaseline, planRandomBaseline, replanRound, seatLateJoiner, type PlanRequest, type PlanResult } from '../src/index.js';

interface Instance {
  readonly name: string;
  readonly request: PlanRequest;
}

const SECTORS = ['bouw', 'ict', 'zorg', 'retail', 'logistiek', 'finance', 'horeca', 'industrie'];

function people(n: number, withInfo = false): PlanRequest['participants'] {
  return Array.from({ length: n }, (_, i) => ({
    id: `p${i + 1}`,
    ...(withInfo ? { company: `c${Math.floor(i / 2)}`, sector: SECTORS[i % SECTORS.length]! } : {}),
  }));
}
function moderators(m: number): { id: string }[] {
  return Array.from({ length: m }, (_, i) => ({ id: `m${i + 1}` }));
}
/** History: every participant met three others at each of the last four weekly editions. */
function history(n: number): NonNullable<PlanRequest['history']> {
  const out: { a: string; b: string; date: string }[] = [];
  for (let week = 0; week < 4; week++) {
    for (let i = 0; i < n; i++)
      out.push({
        a: `p${i + 1}`,
        b: `p${((i + 7 * (week + 1) * 13) % n) + 1}`,
        date: ['2026-11-20', '2026-11-13', '2026-11-06', '2026-10-30'][week]!,
      });
  }
  return out;
}

const exact = (s: number) => ({ target: s, min: s, max: s });
const instances: Instance[] = [
  { name: '15 / 3 x7 (Kirkman)', request: { participants: people(15), groupSize: exact(3), rounds: 7 } },
  { name: '32 / 4 x10 (golfer)', request: { participants: people(32), groupSize: exact(4), rounds: 10 } },
  { name: '48 / 6 x8 exact (GF8)', request: { participants: people(48), groupSize: exact(6), rounds: 8 } },
  { name: '36 / 6 x4 exact', request: { participants: people(36), groupSize: exact(6), rounds: 4 } },
  { name: '36 / 6 x6 (5-7)', request: { participants: people(36), groupSize: { target: 6 }, rounds: 6 } },
  { name: '97 / 6 x5 (5-7)', request: { participants: people(97), groupSize: { target: 6 }, rounds: 5 } },
  { name: '102 / 6 +17m x17', request: { participants: people(102), moderators: moderators(17), groupSize: { target: 6 }, rounds: 17 } },
  {
    name: '102 / 6 +17m x4 +hist',
    request: { participants: people(102, true), moderators: moderators(17), groupSize: { target: 6 }, rounds: 4, history: history(102) },
  },
  { name: '1,000 / 6 x8', request: { participants: people(1000), groupSize: { target: 6 }, rounds: 8 } },
  { name: '10,000 / 6 x20', request: { participants: people(10_000), groupSize: { target: 6 }, rounds: 20 } },
];

function timed(run: () => PlanResult): { result: PlanResult; ms: number } {
  const start = performance.now();
  const result = run();
  return { result, ms: performance.now() - start };
}

/** Leading rounds without a repeated participant pair (moderators left out, unlike stats.cleanRounds). */
function participantCleanRounds(result: PlanResult): number {
  if (!result.ok) return 0;
  const seen = new Set<string>();
  let clean = 0;
  for (const round of result.plan.rounds) {
    let repeat = false;
    for (const { participants } of round.tables) {
      for (let i = 0; i < participants.length; i++)
        for (let j = i + 1; j < participants.length; j++) {
          const key = `${participants[i]}|${participants[j]}`;
          if (seen.has(key)) repeat = true;
          seen.add(key);
        }
    }
    if (repeat) break;
    clean++;
  }
  return clean;
}

const WIDTH = 36;
function cell(entry: { result: PlanResult; ms: number }, rounds: number): string {
  if (!entry.result.ok) return 'failed'.padEnd(WIDTH);
  const s = entry.result.plan.stats;
  const clean = `${s.cleanRounds}(${participantCleanRounds(entry.result)})/${rounds}`;
  return `${clean.padStart(9)} ${String(s.repeatedPairs).padStart(5)} ${String(s.repeatedModeratorPairs).padStart(4)} ${String(s.historyPairs).padStart(4)} ${entry.ms.toFixed(0).padStart(5)}ms`.padEnd(
    WIDTH,
  );
}

const header = '    clean  reps mrep hist   time';
console.log('clean = leading rounds without any repeat, (participant pairs only); reps = repeated participant pairs;');
console.log('mrep = repeated moderator-participant pairs; hist = seatings of pairs met at earlier editions\n');
console.log(`${'instance'.padEnd(24)}| ${'tablehop'.padEnd(WIDTH)}| ${'random shuffle'.padEnd(WIDTH)}| greedy`);
console.log(`${''.padEnd(24)}| ${header.padEnd(WIDTH)}| ${header.padEnd(WIDTH)}| ${header}`);
for (const { name, request } of instances) {
  const seeded = { ...request, seed: 1 };
  const ours = timed(() => planEvent(seeded));
  const random = timed(() => planRandomBaseline(seeded));
  const greedy = timed(() => planGreedyBaseline(seeded));
  console.log(`${name.padEnd(24)}| ${cell(ours, request.rounds)}| ${cell(random, request.rounds)}| ${cell(greedy, request.rounds)}`);
  if (ours.result.ok)
    console.log(
      `${''.padEnd(24)}  strategy ${ours.result.plan.stats.strategy}, table sizes ${ours.result.plan.stats.minTableSize}-${ours.result.plan.stats.maxTableSize}`,
    );
}

// Live operations at 1,000 people: 10% no-shows plus 5 late arrivals at round 3.
const participants = people(1000, true);
const liveRequest: PlanRequest = { participants, moderators: moderators(167), groupSize: { target: 6 }, rounds: 6, seed: 1 };
const live = planEvent(liveRequest);
if (!live.ok) throw new Error(live.reason);
const present = participants
  .filter((_, i) => i % 10 !== 4)
  .map((p) => p.id)
  .concat(['late1', 'late2', 'late3', 'late4', 'late5']);
const replanTimes: number[] = [];
let moved = 0;
let repeats = 0;
for (let i = 0; i < 20; i++) {
  const start = performance.now();
  const replanned = replanRound({ plan: live.plan, roundIndex: 3, present, participants, groupSize: { target: 6 } });
  replanTimes.push(performance.now() - start);
  if (!replanned.ok) throw new Error(replanned.reason);
  moved = replanned.moved;
  repeats = replanned.repeatedPairs;
}
replanTimes.sort((a, b) => a - b);
console.log(
  `\nreplanRound, 1,000 people, 10% no-shows + 5 late: median ${replanTimes[10]!.toFixed(1)} ms, max ${replanTimes[19]!.toFixed(1)} ms; moved ${moved}, repeats ${repeats}`,
);

const round = live.plan.rounds[2]!;
const runs = 2000;
const start = performance.now();
for (let i = 0; i < runs; i++) {
  seatLateJoiner({ round, person: { id: `late${i}`, sector: 'ict', company: 'c3' }, participants, met: [], maxSize: 7 });
}
console.log(`seatLateJoiner, 167 tables: ${(((performance.now() - start) / runs) * 1000).toFixed(1)} µs per call (mean of ${runs})`);
