import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { formState } from "~/components/form";
import { SettingsActions, SettingsPage } from "~/components/settings";
import { PersoonlijkForm } from "~/components/steps/persoonlijk-form";
import { afterSettingsSaved, requireSettingsProvider } from "~/server/settings.server";
import { persoonlijkValues, submitPersoonlijk } from "~/server/steps/persoonlijk.server";

export const meta: MetaFunction = () => [{ title: "Persoonlijke gegevens — Instellingen — Vivium Services" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { provider } = await requireSettingsProvider(request);
  return { saved: persoonlijkValues(provider), email: provider.email };
}

export async function action({ request }: ActionFunctionArgs) {
  const { db, providerId } = await requireSettingsProvider(request);
  const outcome = await submitPersoonlijk(db, providerId, request, afterSettingsSaved(providerId, "persoonlijk"));
  if (!outcome.saved) return data(outcome.reply, { status: outcome.status });
  return redirect(outcome.value, 303);
}

export default function PersoonlijkSettings() {
  const { saved, email } = useLoaderData<typeof loader>();
  const form = formState(useActionData<typeof action>(), saved);
  return (
    <SettingsPage
      title="Persoonlijke gegevens"
      intro={<p>Wij gebruiken deze gegevens om contact met u te houden. Uw adres wordt nooit op de website getoond.</p>}
    >
      <PersoonlijkForm
        form={form}
        actions={<SettingsActions />}
        beforeAddress={
          <div className="field">
            <p>
              <strong>Mijn e-mailadres is</strong> {email}
            </p>
            <p className="field__hint">
              Uw e-mailadres wijzigt u bij <Link to="/backoffice/account">E-mailadres en wachtwoord</Link>. Wij sturen dan
              een link naar uw nieuwe e-mailadres; pas als u daarop klikt, logt u in met het nieuwe e-mailadres.
            </p>
          </div>
        }
      />
    </SettingsPage>
  );
}
