/**
 * Backups without anyone remembering: the server process makes one every
 * day at BACKUP_SCHEDULE (Amsterdam time), one at a time, each recorded in
 * backup_runs (backup-runs.server.ts), and then lets old ones go by
 * BACKUP_KEEP.
 *
 * A server that was down at the scheduled moment makes the missed backup
 * when it starts again, so a box that is switched off at night still gets
 * its backups. A brand-new install (no runs at all yet) waits for the first
 * scheduled moment instead of copying an empty database at every first start.
 *
 * Time comes from a clock that tests replace, so they run a week of
 * schedule without waiting.
 */
import { nextBackupAt, previousBackupAt, type BackupSchedule } from "~/domain/backup-schedule";
import { BACKUP_BUSY, listBackupRuns, markInterruptedRuns, runBackup, type BackupTargets } from "./backup-runs.server";
import type { Db } from "./db.server";

export type SchedulerClock = {
  now(): Date;
  /** Calls `fire` after `ms`; the returned function cancels it. */
  setTimer(ms: number, fire: () => void): () => void;
};

export const systemClock: SchedulerClock = {
  now: () => new Date(),
  setTimer(ms, fire) {
    const timer = setTimeout(fire, ms);
    // A pending backup is no reason to keep the process alive.
    timer.unref();
    return () => clearTimeout(timer);
  },
};

type Log = Pick<Console, "info" | "error">;

export type BackupScheduler = {
  /** When the next scheduled backup is due; null when the schedule is off or stopped. */
  nextRunAt(): Date | null;
  /** Resolves once the backup in progress (if any) is done and the next one is planned. */
  idle(): Promise<void>;
  /** No new backups; resolves once the running one is finished. */
  stop(): Promise<void>;
};

export function startBackupScheduler({
  db,
  targets,
  schedule,
  clock = systemClock,
  log = console,
}: {
  db: Db;
  targets: BackupTargets;
  schedule: BackupSchedule;
  clock?: SchedulerClock;
  log?: Log;
}): BackupScheduler {
  let stopped = false;
  let cancelTimer: (() => void) | null = null;
  let dueAt: Date | null = null;

  const backUp = async (): Promise<void> => {
    if (stopped) return;
    const run = await runBackup(db, targets, { trigger: "schedule", now: () => clock.now(), log });
    if (run === BACKUP_BUSY) log.info("backups: another backup is in progress; this scheduled one is skipped");
  };

  const plan = () => {
    if (stopped || schedule.kind === "off") return;
    const due = nextBackupAt(schedule, clock.now());
    dueAt = due;
    cancelTimer = clock.setTimer(due.getTime() - clock.now().getTime(), () => {
      cancelTimer = null;
      // Timers may fire a little early; wait for the rest instead of backing up twice for one day.
      if (clock.now().getTime() < due.getTime()) return plan();
      current = current.then(backUp).catch((error: unknown) => log.error("backups: the scheduled backup failed:", error)).then(plan);
    });
  };

  let current: Promise<unknown> = (async () => {
    const interrupted = await markInterruptedRuns(db, clock.now());
    if (interrupted > 0) log.error(`backups: ${interrupted} backup(s) were cut off by a stop of the server; recorded as failed`);
    if (schedule.kind === "off") {
      log.info("backups: BACKUP_SCHEDULE=off, no scheduled backups");
      return;
    }
    const [last] = await listBackupRuns(db, 1);
    if (last && new Date(last.startedAt) < previousBackupAt(schedule, clock.now())) {
      log.info("backups: the last scheduled moment passed without a backup; making it now");
      await backUp();
    }
  })()
    .catch((error: unknown) => log.error("backups: starting the schedule failed:", error))
    .then(plan);

  return {
    nextRunAt: () => (stopped ? null : dueAt),
    idle: async () => {
      // A run may plan a run that queues more work: wait until nothing new was chained.
      let seen: Promise<unknown>;
      do {
        seen = current;
        await seen;
      } while (seen !== current);
    },
    async stop() {
      stopped = true;
      dueAt = null;
      cancelTimer?.();
      await current.catch(() => undefined);
    },
  };
}
