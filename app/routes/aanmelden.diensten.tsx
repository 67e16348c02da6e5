import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { DienstenForm } from "~/components/steps/diensten-form";
import { StepActions, StepPage } from "~/components/wizard";
import { config } from "~/server/config.server";
import { dienstenValues, submitDiensten } from "~/server/steps/diensten.server";
import { completeStep, requireWizardStep } from "~/server/wizard.server";
import stylesHref from "~/styles/services-step.css?url";
import type { WizardHandle } from "./aanmelden";

export const handle: WizardHandle = { step: "diensten" };
export const meta: MetaFunction = () => [{ title: "Stap 6: Diensten & prijzen — Aanmelden — Vivium Services" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { db, providerId, provider } = await requireWizardStep(request, "diensten");
  return dienstenValues(db, providerId, provider);
}

export async function action({ request }: ActionFunctionArgs) {
  const { db, providerId, completed } = await requireWizardStep(request, "diensten");
  const outcome = await submitDiensten(db, config().uploadsDir, providerId, request, "Volgende stap", (trx) =>
    completeStep(trx, providerId, completed, "diensten"),
  );
  if (!outcome.saved) return data(outcome.reply, { status: outcome.status });
  return redirect(outcome.value);
}

export default function DienstenStep() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <StepPage
      title="Stap 6: Diensten & prijzen"
      intro={
        <p>
          Geef aan in welke categorie uw dienstverlening het best past. Daarna beschrijft u uw diensten en wat ze
          kosten.
        </p>
      }
    >
      <DienstenForm
        loaded={loaded}
        actionData={actionData}
        path="/aanmelden/diensten"
        saveLabel="Volgende stap"
        actions={<StepActions previousPath="/aanmelden/beschikbaarheid" />}
      />
    </StepPage>
  );
}
