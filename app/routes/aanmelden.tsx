import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData, useMatches } from "@remix-run/react";
import { Greeting, StepList } from "~/components/wizard";
import { isStepKey, stepStates } from "~/domain/wizard";
import { database } from "~/server/db.server";
import { getProviderSession } from "~/server/session.server";
import { parseCompletedSteps } from "~/server/wizard.server";

/** Every wizard step names itself in its route handle, so the layout can mark it current. */
export type WizardHandle = { step: string };

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getProviderSession(request);
  if (!session) return { provider: null };
  const provider = await database()
    .db.selectFrom("providers")
    .select(["first_name", "completed_steps"])
    .where("id", "=", session.providerId)
    .executeTakeFirst();
  return {
    provider: provider ? { firstName: provider.first_name, completed: parseCompletedSteps(provider.completed_steps) } : null,
  };
}

export default function WizardLayout() {
  const { provider } = useLoaderData<typeof loader>();
  const matches = useMatches();
  const current = matches
    .map((match) => (match.handle as WizardHandle | undefined)?.step)
    .find((step): step is string => typeof step === "string");
  const currentKey = current && isStepKey(current) ? current : "aanmelding";
  return (
    <div className="wizard">
      {provider ? <Greeting firstName={provider.firstName} /> : null}
      <div className="wizard__layout">
        <StepList steps={stepStates(provider?.completed ?? [], currentKey)} />
        <div className="wizard__content">
          <Outlet />
        </div>
      </div>
    </div>
  );
}
