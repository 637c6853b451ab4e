import { describe, expect, test } from 'vitest';
import { findViolations, makeModerators, makeParticipants } from '../test/build-request.js';
import { measurePlan, planGreedyBaseline, planRandomBaseline } from './baselines.js';
import { planEvent } from './plan-event.js';
import type { PlanRequest } from './types.js';

const request: PlanRequest = { participants: makeParticipants(102), moderators: makeModerators(17), groupSize: { target: 6 }, rounds: 12, seed: 4 };

describe('baselines', () => {
  test.each([
    ['random shuffle', planRandomBaseline],
    ['greedy', planGreedyBaseline],
  ])('[M1] %s seats everyone once per round within bounds', (_name, planner) => {
    const result = planner(request);
    if (!result.ok) throw new Error(result.reason);
    expect(findViolations(request, result.plan.rounds)).toEqual([]);
  });

  test('[M4] the planner beats both baselines on repeated pairs', () => {
    const ours = planEvent(request);
    const random = planRandomBaseline(request);
    const greedy = planGreedyBaseline(request);
    if (!ours.ok || !random.ok || !greedy.ok) throw new Error('planning failed');
    expect(ours.plan.stats.repeatedPairs).toBe(0);
    expect(random.plan.stats.repeatedPairs).toBeGreaterThan(0);
    expect(greedy.plan.stats.cleanRounds).toBeLessThan(12);
  });

  test('[M13] measures any plan with the same statistics', () => {
    const ours = planEvent(request);
    if (!ours.ok) throw new Error(ours.reason);
    const measured = measurePlan(request, ours.plan.rounds);
    expect(measured).toEqual({ ...ours.plan.stats, strategy: 'measured' });
  });
});
