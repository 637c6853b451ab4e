/** The part of a pino logger the job runner uses. */
export interface JobLogger {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface Job {
  name: string;
  intervalMs: number;
  /** Returns how many things it did, for the log. */
  run(): Promise<number>;
}

/**
 * Runs periodic housekeeping (expired offers, reminders). A job never overlaps itself, a failing
 * run is logged and retried at the next tick, and `stop` waits for runs in flight.
 */
export function createJobRunner(jobs: readonly Job[], logger: JobLogger) {
  const timers: NodeJS.Timeout[] = [];
  const running = new Map<string, Promise<void>>();

  function tick(job: Job): void {
    if (running.has(job.name)) return;
    const run = job
      .run()
      .then((done) => {
        if (done > 0) logger.info({ job: job.name, done }, `${job.name}: ${done}`);
      })
      .catch((error: unknown) => logger.error({ job: job.name, err: error }, `${job.name} failed`))
      .finally(() => running.delete(job.name));
    running.set(job.name, run);
  }

  return {
    start(): void {
      for (const job of jobs) {
        tick(job);
        const timer = setInterval(() => tick(job), job.intervalMs);
        timer.unref();
        timers.push(timer);
      }
    },
    async stop(): Promise<void> {
      for (const timer of timers.splice(0)) clearInterval(timer);
      await Promise.all(running.values());
    },
  };
}
