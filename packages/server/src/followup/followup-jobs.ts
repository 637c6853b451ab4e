import type { Job } from '../jobs/job-runner.js';
import type { FollowupService } from './followup.service.js';

/** The follow-up's housekeeping for the job runner: follow-up mails of ended editions, and retention. */
export function createFollowupJobs(followup: Pick<FollowupService, 'queueFollowUps' | 'applyRetention'>): Job[] {
  return [
    { name: 'follow-up-mails', intervalMs: 60_000, run: () => followup.queueFollowUps() },
    { name: 'retention', intervalMs: 60 * 60_000, run: () => followup.applyRetention() },
  ];
}
