import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { formState } from "~/components/form";
import { BeschikbaarheidForm } from "~/components/steps/beschikbaarheid-form";
import { StepActions, StepPage } from "~/components/wizard";
import { beschikbaarheidValues, submitBeschikbaarheid } from "~/server/steps/beschikbaarheid.server";
import { completeStep, requireWizardStep } from "~/server/wizard.server";
import stylesHref from "~/styles/availability-step.css?url";
import type { WizardHandle } from "./aanmelden";

export const handle: WizardHandle = { step: "beschikbaarheid" };
export const meta: MetaFunction = () => [{ title: "Stap 5: Beschikbaarheid — Aanmelden — Vivium Services" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { db, providerId, provider } = await requireWizardStep(request, "beschikbaarheid");
  return beschikbaarheidValues(db, providerId, provider);
}

export async function action({ request }: ActionFunctionArgs) {
  const { db, providerId, provider, completed } = await requireWizardStep(request, "beschikbaarheid");
  const outcome = await submitBeschikbaarheid(db, providerId, provider, request, (trx) => completeStep(trx, providerId, completed, "beschikbaarheid"));
  if (!outcome.saved) return data(outcome.reply, { status: outcome.status });
  return redirect(outcome.value);
}

export default function BeschikbaarheidStep() {
  const { saved, base } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const form = formState(result, saved);
  return (
    <StepPage
      title="Stap 5: Uw beschikbaarheid"
      intro={
        <p>
          Geef aan waar in Nederland u uw diensten bij mensen thuis aanbiedt, en op welke dagdelen. In het gebied dat u
          opgeeft, vinden klanten u.
        </p>
      }
    >
      <BeschikbaarheidForm
        form={form}
        result={result}
        base={base}
        saveLabel="Volgende stap"
        addressHint="bij stap 2 (Persoonlijk)"
        actions={<StepActions previousPath="/aanmelden/profiel" />}
      />
    </StepPage>
  );
}
