/**
 * The two-working-day rule after the fact: a request still "new" when its
 * deadline passes is marked overdue (staff see it), and its provider gets
 * one reminder. The server process runs a check at start-up and then every
 * minute.
 *
 * Exactly one reminder, also with two processes on the same database: each
 * request is claimed by a conditional UPDATE (… WHERE overdue_at IS NULL) in
 * its own transaction together with the history entry and the outbox
 * message. Whoever's UPDATE changes the row sends; the other changes nothing
 * and moves on. The outbox's dedupe key backs that up.
 */
import { contactRequestReminderMail } from "~/domain/mail/review-templates";
import type { Db } from "./db.server";
import { enqueueMail } from "./outbox.server";

export const DEADLINE_CHECK_INTERVAL_MS = 60_000;
const BATCH = 200;

export const REMINDER_NOTE = "Termijn van twee werkdagen verstreken; herinnering gestuurd aan de dienstverlener";

/** Requests past their deadline without an answer and not yet marked: the ones a check works on. */
export async function findOverdueCandidates(db: Db, now: Date): Promise<number[]> {
  const rows = await db
    .selectFrom("contact_requests")
    .select("id")
    .where("status", "=", "new")
    .where("deadline_at", "<=", now.toISOString())
    .where("overdue_at", "is", null)
    .orderBy("deadline_at")
    .limit(BATCH)
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Marks one request overdue and queues its reminder, in one transaction.
 * Returns false when it was not (or no longer) due: answered in the
 * meantime, or already claimed by another process.
 */
export async function remindOverdueRequest(db: Db, requestId: number, { now, baseUrl }: { now: Date; baseUrl: string }): Promise<boolean> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable("contact_requests")
      .set({ overdue_at: at, reminder_sent_at: at, updated_at: at })
      .where("id", "=", requestId)
      .where("status", "=", "new")
      .where("deadline_at", "<=", at)
      .where("overdue_at", "is", null)
      .returning(["id", "provider_id", "customer_name", "created_at", "deadline_at"])
      .executeTakeFirst();
    if (!claimed) return false;
    await trx
      .insertInto("contact_request_history")
      .values({ contact_request_id: claimed.id, status: "new", outcome: null, changed_by: "system", note: REMINDER_NOTE, recorded_at: at })
      .execute();
    const provider = await trx.selectFrom("providers").select(["email", "first_name"]).where("id", "=", claimed.provider_id).executeTakeFirstOrThrow();
    await enqueueMail(trx, {
      to: provider.email,
      ...contactRequestReminderMail({
        providerFirstName: provider.first_name,
        customerName: claimed.customer_name,
        receivedAt: claimed.created_at,
        deadlineAt: claimed.deadline_at,
        requestUrl: `${baseUrl.replace(/\/$/, "")}/backoffice/aanvragen/${claimed.id}`,
      }),
      dedupeKey: `contact-request:${claimed.id}:reminder`,
    });
    return true;
  });
}

/** One check: every request due now. Resolves with how many reminders this process queued. */
export async function checkDeadlines(db: Db, { now, baseUrl }: { now: Date; baseUrl: string }): Promise<number> {
  let reminded = 0;
  for (;;) {
    const candidates = await findOverdueCandidates(db, now);
    let claimedInBatch = 0;
    for (const id of candidates) {
      if (await remindOverdueRequest(db, id, { now, baseUrl })) claimedInBatch += 1;
    }
    reminded += claimedInBatch;
    // A full batch may have more behind it; a batch someone else took entirely means we are done.
    if (candidates.length < BATCH || claimedInBatch === 0) return reminded;
  }
}

type Log = Pick<Console, "info" | "error">;

export type DeadlineScheduler = {
  /** One check now, queued behind a check in progress. */
  runOnce(): Promise<number>;
  /** No new checks; resolves once the running one is finished. */
  stop(): Promise<void>;
};

/**
 * Checks once right away and then every `intervalMs`; checks never overlap.
 * The timer does not keep the process alive; call stop() before closing the database.
 */
export function startDeadlineScheduler({
  db,
  baseUrl,
  intervalMs = DEADLINE_CHECK_INTERVAL_MS,
  now = () => new Date(),
  log = console,
}: {
  db: Db;
  baseUrl: string;
  intervalMs?: number;
  now?: () => Date;
  log?: Log;
}): DeadlineScheduler {
  let stopped = false;
  let current: Promise<number> = Promise.resolve(0);

  function runOnce(): Promise<number> {
    const next = current
      .catch(() => 0)
      .then(async () => {
        if (stopped) return 0;
        const reminded = await checkDeadlines(db, { now: now(), baseUrl });
        if (reminded > 0) log.info(`deadlines: ${reminded} overdue request(s) marked, reminder(s) queued`);
        return reminded;
      });
    current = next;
    return next;
  }

  const tick = () => {
    runOnce().catch((error: unknown) => log.error("deadlines: the check failed:", error));
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();

  return {
    runOnce,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await current.catch(() => undefined);
    },
  };
}
