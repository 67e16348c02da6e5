import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { formState } from "~/components/form";
import { PersoonlijkForm } from "~/components/steps/persoonlijk-form";
import { StepActions, StepPage } from "~/components/wizard";
import { persoonlijkValues, submitPersoonlijk } from "~/server/steps/persoonlijk.server";
import { completeStep, requireWizardStep } from "~/server/wizard.server";
import type { WizardHandle } from "./aanmelden";

export const handle: WizardHandle = { step: "persoonlijk" };
export const meta: MetaFunction = () => [{ title: "Stap 2: Persoonlijke gegevens — Aanmelden — Vivium Services" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { provider } = await requireWizardStep(request, "persoonlijk");
  return { saved: persoonlijkValues(provider) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { db, providerId, completed } = await requireWizardStep(request, "persoonlijk");
  const outcome = await submitPersoonlijk(db, providerId, request, (trx) => completeStep(trx, providerId, completed, "persoonlijk"));
  if (!outcome.saved) return data(outcome.reply, { status: outcome.status });
  return redirect(outcome.value);
}

export default function PersoonlijkStep() {
  const { saved } = useLoaderData<typeof loader>();
  const form = formState(useActionData<typeof action>(), saved);
  return (
    <StepPage
      title="Stap 2: Persoonlijke gegevens"
      intro={<p>Wij gebruiken deze gegevens om contact met u te houden. Uw adres wordt nooit op de website getoond.</p>}
    >
      <PersoonlijkForm form={form} actions={<StepActions previousPath="/aanmelden" />} />
    </StepPage>
  );
}
