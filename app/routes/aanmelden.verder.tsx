import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { database } from "~/server/db.server";
import { requireProvider } from "~/server/session.server";
import { parseCompletedSteps, resumePath } from "~/server/wizard.server";

/** "Verder met mijn aanmelding": the first unfinished step, or the backoffice when all are done. */
export async function loader({ request }: LoaderFunctionArgs) {
  const providerId = await requireProvider(request);
  const provider = await database().db.selectFrom("providers").select("completed_steps").where("id", "=", providerId).executeTakeFirstOrThrow();
  return redirect(resumePath(parseCompletedSteps(provider.completed_steps)));
}
