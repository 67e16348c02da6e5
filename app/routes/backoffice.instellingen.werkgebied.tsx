import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { formState } from "~/components/form";
import { SETTINGS_SAVE_LABEL, SettingsActions, SettingsPage } from "~/components/settings";
import { BeschikbaarheidForm } from "~/components/steps/beschikbaarheid-form";
import { afterSettingsSaved, requireSettingsProvider } from "~/server/settings.server";
import { beschikbaarheidValues, submitBeschikbaarheid } from "~/server/steps/beschikbaarheid.server";
import stylesHref from "~/styles/availability-step.css?url";

export const meta: MetaFunction = () => [{ title: "Werkgebied en dagdelen — Instellingen — Vivium Services" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { db, providerId, provider } = await requireSettingsProvider(request);
  return beschikbaarheidValues(db, providerId, provider);
}

export async function action({ request }: ActionFunctionArgs) {
  const { db, providerId, provider } = await requireSettingsProvider(request);
  const outcome = await submitBeschikbaarheid(db, providerId, provider, request, afterSettingsSaved(providerId, "werkgebied"));
  if (!outcome.saved) return data(outcome.reply, { status: outcome.status });
  return redirect(outcome.value, 303);
}

export default function WerkgebiedSettings() {
  const { saved, base } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const form = formState(result, saved);
  return (
    <SettingsPage
      title="Werkgebied en dagdelen"
      intro={<p>Waar u uw diensten bij mensen thuis aanbiedt, en op welke dagdelen. In dit gebied vinden klanten u.</p>}
    >
      <BeschikbaarheidForm
        form={form}
        result={result}
        base={base}
        saveLabel={SETTINGS_SAVE_LABEL}
        addressHint="bij Persoonlijke gegevens"
        actions={<SettingsActions />}
      />
    </SettingsPage>
  );
}
