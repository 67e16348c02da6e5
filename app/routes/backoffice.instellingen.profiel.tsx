import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { formState } from "~/components/form";
import { SETTINGS_SAVE_LABEL, SettingsActions, SettingsPage } from "~/components/settings";
import { ProfielForm } from "~/components/steps/profiel-form";
import { config } from "~/server/config.server";
import { afterSettingsSaved, requireSettingsProvider } from "~/server/settings.server";
import { profielValues, submitProfiel } from "~/server/steps/profiel.server";
import profileStyles from "~/styles/profile-step.css?url";

export const meta: MetaFunction = () => [{ title: "Profiel en foto — Instellingen — Vivium Services" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: profileStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { db, providerId, provider } = await requireSettingsProvider(request);
  return profielValues(db, providerId, provider);
}

export async function action({ request }: ActionFunctionArgs) {
  const { db, providerId } = await requireSettingsProvider(request);
  const outcome = await submitProfiel(db, config().uploadsDir, providerId, request, afterSettingsSaved(providerId, "profiel"));
  if (!outcome.saved) return data(outcome.reply, { status: outcome.status });
  return redirect(outcome.value, 303);
}

export default function ProfielSettings() {
  const { firstName, saved, photo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const form = formState(actionData, saved);
  const notice = actionData && "notice" in actionData ? actionData.notice : null;
  return (
    <SettingsPage
      title="Profiel en foto"
      intro={
        <p>
          De introductietekst staat op uw profielkaartje in de zoekresultaten, de profieltekst op uw eigen profielpagina.
          Een nieuwe uitsnede maakt de website van de foto die u oorspronkelijk heeft gekozen.
        </p>
      }
    >
      <ProfielForm form={form} photo={photo} firstName={firstName} notice={notice} saveLabel={SETTINGS_SAVE_LABEL} actions={<SettingsActions />} />
    </SettingsPage>
  );
}
