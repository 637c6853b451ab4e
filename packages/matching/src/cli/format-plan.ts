import type { Plan } from '../types.js';

/** The `--json` output: exactly `{"rounds":[{"tables":[...]}],"stats":{...}}`. */
export function formatJson(plan: Plan): string {
  return JSON.stringify({
    rounds: plan.rounds.map((round) => ({
      tables: round.tables.map((table) => ({ moderator: table.moderator, participants: table.participants })),
    })),
    stats: plan.stats,
  });
}

/** A readable table per round, then the statistics. */
export function formatText(plan: Plan): string {
  const lines: string[] = [];
  const width = String(plan.stats.tablesPerRound).length;
  plan.rounds.forEach((round, r) => {
    lines.push(`Round ${r + 1}`);
    round.tables.forEach((table, t) => {
      const label = `Table ${String(t + 1).padStart(width)}`;
      lines.push(`  ${label}  ${(table.moderator ?? '-').padEnd(6)} ${table.participants.join(', ')}`);
    });
  });
  const s = plan.stats;
  lines.push('');
  lines.push(`Strategy           ${s.strategy}`);
  lines.push(`Clean rounds       ${s.cleanRounds} of ${s.rounds}`);
  lines.push(
    `Repeated pairs     ${s.repeatedPairs} (moderator-participant: ${s.repeatedModeratorPairs}, most meetings of a pair: ${s.maxPairMeetings})`,
  );
  lines.push(`History pairs      ${s.historyPairs}`);
  lines.push(`Same company       ${s.sameCompanyPairs}, never-together broken: ${s.neverTogetherPairs}`);
  lines.push(`Sector mix         ${s.sectorMix} (same-sector pairs: ${s.sameSectorPairs})`);
  lines.push(`Table sizes        ${s.minTableSize} to ${s.maxTableSize}, ${s.tablesPerRound} tables per round`);
  lines.push(`Unmoderated tables ${s.unmoderatedTables}, idle moderator-rounds: ${s.idleModerators}`);
  return lines.join('\n') + '\n';
}
