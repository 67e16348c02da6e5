import { redirect } from "@remix-run/node";
import { canOpenStep, firstUnfinishedStep, getStep, nextStep, withCompletedStep, type StepKey } from "~/domain/wizard";
import { database, type Db } from "./db.server";
import { requireProvider } from "./session.server";

export function parseCompletedSteps(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

/** Where a signed-in provider continues: the first unfinished step, else the backoffice. */
export function resumePath(completed: readonly string[]): string {
  return firstUnfinishedStep(completed)?.path ?? "/backoffice";
}

/**
 * The signed-in provider for a wizard step. Only the session decides whose
 * data is shown or changed: no provider id ever comes from the URL or form.
 * A step that cannot be opened yet sends the provider to the one to do first.
 */
export async function requireWizardStep(request: Request, key: StepKey) {
  const providerId = await requireProvider(request);
  const { db } = database();
  const provider = await db.selectFrom("providers").selectAll().where("id", "=", providerId).executeTakeFirst();
  if (!provider) throw redirect("/inloggen");
  const completed = parseCompletedSteps(provider.completed_steps);
  if (!canOpenStep(key, completed)) throw redirect(resumePath(completed));
  return { db, providerId, provider, completed };
}

/** Marks a step finished (inside the step's own transaction) and returns where to go next. */
export async function completeStep(db: Db, providerId: number, completed: readonly string[], key: StepKey): Promise<string> {
  await db
    .updateTable("providers")
    .set({ completed_steps: JSON.stringify(withCompletedStep(completed, key)), updated_at: new Date().toISOString() })
    .where("id", "=", providerId)
    .execute();
  return (nextStep(key) ?? getStep(key)).path;
}
