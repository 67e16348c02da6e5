import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { formState } from "~/components/form";
import { BedrijfForm } from "~/components/steps/bedrijf-form";
import { StepActions, StepPage } from "~/components/wizard";
import { bedrijfValues, submitBedrijf } from "~/server/steps/bedrijf.server";
import { completeStep, requireWizardStep } from "~/server/wizard.server";
import type { WizardHandle } from "./aanmelden";

export const handle: WizardHandle = { step: "bedrijf" };
export const meta: MetaFunction = () => [{ title: "Stap 3: Bedrijfsinformatie — Aanmelden — Vivium Services" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { provider } = await requireWizardStep(request, "bedrijf");
  return { saved: bedrijfValues(provider) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { db, providerId, completed } = await requireWizardStep(request, "bedrijf");
  const outcome = await submitBedrijf(db, providerId, request, (trx) => completeStep(trx, providerId, completed, "bedrijf"));
  if (!outcome.saved) return data(outcome.reply, { status: outcome.status });
  return redirect(outcome.value);
}

export default function BedrijfStep() {
  const { saved } = useLoaderData<typeof loader>();
  const form = formState(useActionData<typeof action>(), saved);
  return (
    <StepPage
      title="Stap 3: Bedrijfsinformatie"
      intro={
        <p>
          Staat u ingeschreven bij de Kamer van Koophandel? Vul dan uw KvK-nummer en bedrijfsnaam in. Heeft u ook een
          kantoor- of werkadres, vul dat dan ook in.
        </p>
      }
    >
      <BedrijfForm form={form} actions={<StepActions previousPath="/aanmelden/persoonlijk" />} />
    </StepPage>
  );
}
