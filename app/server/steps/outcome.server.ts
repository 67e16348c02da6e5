import type { Selectable } from "kysely";
import type { ProvidersTable } from "#db/schema";
import type { Db } from "../db.server";

/**
 * One signup step's save, shared by the wizard and the backoffice settings:
 * the same parsing, rules and writes. Only what happens after a successful
 * save differs, so the caller passes that in; it runs inside the step's
 * transaction (the wizard marks the step finished there) and its result
 * comes back as `value`. A refused or in-between answer (a list changed on
 * screen, an error) comes back as `reply` with its HTTP status, for the
 * route to send with `data()`.
 */
export type AfterSave<T> = (trx: Db) => Promise<T>;

export type StepOutcome<T, Reply> = { saved: true; value: T } | { saved: false; reply: Reply; status: number };

export type ProviderRow = Selectable<ProvidersTable>;

export const refused = <Reply>(reply: Reply, status = 400) => ({ saved: false as const, reply, status });
export const saved = <T>(value: T) => ({ saved: true as const, value });
