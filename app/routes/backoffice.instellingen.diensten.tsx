import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { SETTINGS_SAVE_LABEL, SettingsActions, SettingsPage } from "~/components/settings";
import { DienstenForm } from "~/components/steps/diensten-form";
import { config } from "~/server/config.server";
import { afterSettingsSaved, requireSettingsProvider } from "~/server/settings.server";
import { dienstenValues, submitDiensten } from "~/server/steps/diensten.server";
import stylesHref from "~/styles/services-step.css?url";

export const meta: MetaFunction = () => [{ title: "Diensten en prijzen — Instellingen — Vivium Services" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { db, providerId, provider } = await requireSettingsProvider(request);
  return dienstenValues(db, providerId, provider);
}

export async function action({ request }: ActionFunctionArgs) {
  const { db, providerId } = await requireSettingsProvider(request);
  const outcome = await submitDiensten(db, config().uploadsDir, providerId, request, SETTINGS_SAVE_LABEL, afterSettingsSaved(providerId, "diensten"));
  if (!outcome.saved) return data(outcome.reply, { status: outcome.status });
  return redirect(outcome.value, 303);
}

export default function DienstenSettings() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <SettingsPage
      title="Diensten en prijzen"
      intro={<p>De categorieën waarin klanten u vinden, uw diensten met hun prijs, en eventueel een uitgebreide prijslijst.</p>}
    >
      <DienstenForm
        loaded={loaded}
        actionData={actionData}
        path="/backoffice/instellingen/diensten"
        saveLabel={SETTINGS_SAVE_LABEL}
        actions={<SettingsActions />}
      />
    </SettingsPage>
  );
}
