import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { formState } from "~/components/form";
import { SettingsActions, SettingsPage } from "~/components/settings";
import { BedrijfForm } from "~/components/steps/bedrijf-form";
import { afterSettingsSaved, requireSettingsProvider } from "~/server/settings.server";
import { bedrijfValues, submitBedrijf } from "~/server/steps/bedrijf.server";

export const meta: MetaFunction = () => [{ title: "Bedrijfsgegevens — Instellingen — Vivium Services" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { provider } = await requireSettingsProvider(request);
  return { saved: bedrijfValues(provider) };
}

export async function action({ request }: ActionFunctionArgs) {
  const { db, providerId } = await requireSettingsProvider(request);
  const outcome = await submitBedrijf(db, providerId, request, afterSettingsSaved(providerId, "bedrijf"));
  if (!outcome.saved) return data(outcome.reply, { status: outcome.status });
  return redirect(outcome.value, 303);
}

export default function BedrijfSettings() {
  const { saved } = useLoaderData<typeof loader>();
  const form = formState(useActionData<typeof action>(), saved);
  return (
    <SettingsPage
      title="Bedrijfsgegevens"
      intro={<p>Uw inschrijving bij de Kamer van Koophandel en, als u dat heeft, uw kantoor- of werkadres.</p>}
    >
      <BedrijfForm form={form} actions={<SettingsActions />} />
    </SettingsPage>
  );
}
