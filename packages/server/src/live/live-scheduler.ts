import type { Clock } from '../clock.js';

/** A timer handle of a {@link LiveScheduler}. */
export type TimerHandle = { readonly id: number };

/**
 * When to run what: the engine's only source of timers, so tests fire deadlines by hand. `at` is
 * epoch ms on the injected clock.
 */
export interface LiveScheduler {
  setTimer(at: number, fn: () => void): TimerHandle;
  clearTimer(handle: TimerHandle): void;
}

/** Real timers against `clock` (re-checked on wake-up, so a late or early `setTimeout` does no harm). */
export function createRealScheduler(clock: Clock): LiveScheduler & { clearAll(): void } {
  const timers = new Map<number, NodeJS.Timeout>();
  let nextId = 1;
  const MAX_DELAY = 2 ** 31 - 1;
  return {
    setTimer(at, fn) {
      const id = nextId++;
      const arm = (): void => {
        const delay = at - clock.now().getTime();
        if (delay <= 0) {
          timers.delete(id);
          fn();
          return;
        }
        const timer = setTimeout(arm, Math.min(delay, MAX_DELAY));
        timer.unref();
        timers.set(id, timer);
      };
      const timer = setTimeout(arm, 0);
      timer.unref();
      timers.set(id, timer);
      return { id };
    },
    clearTimer(handle) {
      clearTimeout(timers.get(handle.id));
      timers.delete(handle.id);
    },
    clearAll() {
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}

/** Timers for tests: nothing fires until `runDue()` is called (after moving the fake clock). */
export function createFakeScheduler(clock: Clock): LiveScheduler & { runDue(): number; pending(): number[] } {
  const timers = new Map<number, { at: number; fn: () => void }>();
  let nextId = 1;
  return {
    setTimer(at, fn) {
      const id = nextId++;
      timers.set(id, { at, fn });
      return { id };
    },
    clearTimer(handle) {
      timers.delete(handle.id);
    },
    /** Runs every timer due by the clock, earliest first; returns how many ran. */
    runDue() {
      const now = clock.now().getTime();
      const due = [...timers.entries()].filter(([, t]) => t.at <= now).sort((x, y) => x[1].at - y[1].at || x[0] - y[0]);
      for (const [id, t] of due) {
        timers.delete(id);
        t.fn();
      }
      return due.length;
    },
    pending: () => [...timers.values()].map((t) => t.at).sort((a, b) => a - b),
  };
}
