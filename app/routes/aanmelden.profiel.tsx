import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { formState } from "~/components/form";
import { ProfielForm } from "~/components/steps/profiel-form";
import { StepActions, StepPage } from "~/components/wizard";
import { config } from "~/server/config.server";
import { profielValues, submitProfiel } from "~/server/steps/profiel.server";
import { completeStep, requireWizardStep } from "~/server/wizard.server";
import profileStyles from "~/styles/profile-step.css?url";
import type { WizardHandle } from "./aanmelden";

export const handle: WizardHandle = { step: "profiel" };
export const meta: MetaFunction = () => [{ title: "Stap 4: Uw profiel — Aanmelden — Vivium Services" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: profileStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { db, providerId, provider } = await requireWizardStep(request, "profiel");
  return profielValues(db, providerId, provider);
}

export async function action({ request }: ActionFunctionArgs) {
  const { db, providerId, completed } = await requireWizardStep(request, "profiel");
  const outcome = await submitProfiel(db, config().uploadsDir, providerId, request, (trx) => completeStep(trx, providerId, completed, "profiel"));
  if (!outcome.saved) return data(outcome.reply, { status: outcome.status });
  return redirect(outcome.value);
}

export default function ProfielStep() {
  const { firstName, saved, photo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const form = formState(actionData, saved);
  const notice = actionData && "notice" in actionData ? actionData.notice : null;
  return (
    <StepPage
      title="Stap 4: Uw profiel"
      intro={
        <p>
          Wij vragen u twee teksten te schrijven over uzelf en uw dienst. De introductietekst staat op het kleine
          profielkaartje in de zoekresultaten, de uitgebreide profieltekst op uw eigen profielpagina. Als laatste kunt u
          een profielfoto van uzelf toevoegen.
        </p>
      }
    >
      <ProfielForm
        form={form}
        photo={photo}
        firstName={firstName}
        notice={notice}
        saveLabel="Volgende stap"
        actions={<StepActions previousPath="/aanmelden/bedrijf" />}
      />
    </StepPage>
  );
}

