import { pairKey, type Problem } from './problem.js';
import type { PlanStats, PlannedRound } from './types.js';

/**
 * Measures a plan (M13). Works on ids, so it also scores the baselines and hand-edited plans.
 * Moderators are entities n.. in pair keys; unknown ids are ignored.
 */
export function computeStats(problem: Problem, rounds: readonly PlannedRound[], strategy: string): PlanStats {
  const { n, index, sectorOf, hardPairs, historyWeight } = problem;
  const moderatorIndex = new Map(problem.moderatorIds.map((id, i) => [id, n + i]));
  const meetings = new Map<number, number>();
  const moderatorMeetings = new Map<number, number>();
  let cleanRounds = 0;
  let stillClean = true;
  let repeatedPairs = 0;
  let repeatedModeratorPairs = 0;
  let historyPairs = 0;
  let sameCompanyPairs = 0;
  let neverTogetherPairs = 0;
  let sameSectorPairs = 0;
  let mixSum = 0;
  let mixTables = 0;
  let minTableSize = Infinity;
  let maxTableSize = 0;
  let unmoderatedTables = 0;
  let idleModerators = 0;
  const companyOf = problem.companyOf;

  for (const round of rounds) {
    let roundClean = true;
    const seatedModerators = new Set<string>();
    for (const table of round.tables) {
      const people = table.participants.map((id) => index.get(id)).filter((p): p is number => p !== undefined);
      minTableSize = Math.min(minTableSize, table.participants.length);
      maxTableSize = Math.max(maxTableSize, table.participants.length);
      if (table.moderator === null) unmoderatedTables++;
      else seatedModerators.add(table.moderator);
      const sectors = new Set<number>();
      let withSector = 0;
      for (let i = 0; i < people.length; i++) {
        const a = people[i]!;
        if (sectorOf[a]! >= 0) {
          sectors.add(sectorOf[a]!);
          withSector++;
        }
        for (let j = i + 1; j < people.length; j++) {
          const b = people[j]!;
          const key = pairKey(a, b);
          const count = (meetings.get(key) ?? 0) + 1;
          meetings.set(key, count);
          if (count > 1) {
            repeatedPairs++;
            roundClean = false;
          }
          if (historyWeight.has(key)) historyPairs++;
          if (hardPairs.has(key)) {
            if (companyOf[a]! >= 0 && companyOf[a] === companyOf[b]) sameCompanyPairs++;
            else neverTogetherPairs++;
          }
          if (sectorOf[a]! >= 0 && sectorOf[a] === sectorOf[b]) sameSectorPairs++;
        }
      }
      if (withSector > 0) {
        mixSum += sectors.size / withSector;
        mixTables++;
      }
      const m = table.moderator === null ? undefined : moderatorIndex.get(table.moderator);
      if (m !== undefined) {
        for (const p of people) {
          const key = pairKey(m, p);
          const count = (moderatorMeetings.get(key) ?? 0) + 1;
          moderatorMeetings.set(key, count);
          if (count > 1) {
            repeatedModeratorPairs++;
            roundClean = false;
          }
        }
      }
    }
    idleModerators += problem.moderatorIds.filter((id) => !seatedModerators.has(id)).length;
    stillClean = stillClean && roundClean;
    if (stillClean) cleanRounds++;
  }
  let maxPairMeetings = 0;
  for (const count of meetings.values()) maxPairMeetings = Math.max(maxPairMeetings, count);

  return {
    strategy,
    rounds: rounds.length,
    tablesPerRound: rounds[0]?.tables.length ?? 0,
    cleanRounds,
    repeatedPairs,
    repeatedModeratorPairs,
    maxPairMeetings,
    historyPairs,
    sameCompanyPairs,
    neverTogetherPairs,
    sameSectorPairs,
    sectorMix: mixTables === 0 ? 1 : Math.round((mixSum / mixTables) * 1000) / 1000,
    minTableSize: minTableSize === Infinity ? 0 : minTableSize,
    maxTableSize,
    unmoderatedTables,
    idleModerators,
  };
}
