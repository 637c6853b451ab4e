export { planEvent } from './plan-event.js';
export type {
  Failure,
  GroupSize,
  HistoryPair,
  Moderator,
  ModeratorMode,
  Participant,
  Plan,
  PlanBudget,
  PlanRequest,
  PlanResult,
  PlanStats,
  PlannedRound,
  PlannedTable,
} from './types.js';
export { replanRound } from './replan-round.js';
export type { ReplanRequest, ReplanResult } from './replan-round.js';
export { seatLateJoiner } from './seat-late-joiner.js';
export type { SeatLateJoinerRequest, SeatLateJoinerResult } from './seat-late-joiner.js';
export { measurePlan, planGreedyBaseline, planRandomBaseline } from './baselines.js';
