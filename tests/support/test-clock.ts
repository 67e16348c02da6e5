import type { SchedulerClock } from "~/server/backup-scheduler.server";

export type TestClock = SchedulerClock & {
  /** Moves time forward to `to`, firing every timer due on the way, in order. */
  advanceTo(to: Date): void;
  /** How many timers are waiting. */
  pending(): number;
};

/** A clock for schedulers that only moves when a test says so. */
export function createTestClock(start: Date): TestClock {
  let now = start.getTime();
  let nextId = 0;
  const timers = new Map<number, { at: number; fire: () => void }>();
  return {
    now: () => new Date(now),
    setTimer(ms, fire) {
      const id = nextId++;
      timers.set(id, { at: now + Math.max(0, ms), fire });
      return () => timers.delete(id);
    },
    advanceTo(to) {
      for (;;) {
        const due = [...timers.entries()].filter(([, t]) => t.at <= to.getTime()).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        now = due[1].at;
        due[1].fire();
      }
      now = Math.max(now, to.getTime());
    },
    pending: () => timers.size,
  };
}
