import { parseWithZod } from "~/domain/form-submission";
import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { ErrorSummary, FieldError, formState, TextField } from "~/components/form";
import { CONTACT } from "~/domain/contact";
import { deleteAccountLabels, deleteAccountSchema } from "~/domain/account-erasure";
import { config } from "~/server/config.server";
import { database } from "~/server/db.server";
import { deleteAccount } from "~/server/own-data.server";
import { destroyProviderSession, requireProvider } from "~/server/session.server";
import stylesHref from "~/styles/own-data.css?url";

export const meta: MetaFunction = () => [{ title: "Mijn gegevens — Mijn omgeving — Vivium Services" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireProvider(request);
  return null;
}

/** "Account verwijderen": with the password and the tick, the account is emptied and every session ends. */
export async function action({ request }: ActionFunctionArgs) {
  const providerId = await requireProvider(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: deleteAccountSchema });
  const reply = (options?: Parameters<typeof submission.reply>[0]) => data(submission.reply({ ...options, hideFields: ["password"] }), { status: 400 });
  if (submission.status !== "success") return reply();
  const result = await deleteAccount(database().db, config().uploadsDir, providerId, submission.value.password);
  if (!result.deleted) {
    return result.problem === "rate-limited"
      ? reply({ formErrors: ["U heeft te vaak een verkeerd wachtwoord ingevuld. Probeer het over een kwartier opnieuw."] })
      : reply({ fieldErrors: { password: ["Dit is niet uw huidige wachtwoord. Controleer het en probeer het opnieuw"] } });
  }
  // The sessions are gone already; this clears the browser's cookie too.
  return destroyProviderSession(request, "/account-verwijderd");
}

export default function OwnDataPage() {
  const form = formState(useActionData<typeof action>(), {});
  const busy = useNavigation().state === "submitting";
  const confirmError = form.error("confirm");
  return (
    <>
      <h1>Mijn gegevens</h1>
      <p className="lead">U bepaalt zelf wat er met uw gegevens gebeurt. Hier kunt u ze downloaden of uw account laten verwijderen.</p>

      <section aria-labelledby="export-title">
        <h2 id="export-title">Uw gegevens downloaden</h2>
        <p>
          U krijgt één bestand (JSON) met alles wat wij over u bewaren: uw profiel, categorieën, diensten en prijzen,
          werkgebied en dagdelen, uw foto en prijslijst (de gegevens van de bestanden), contactverzoeken, beoordelingen,
          pakketten, betalingen en facturen.
        </p>
        <p>
          {/* A plain link: the file is a download, not a page of this app. */}
          <a href="/backoffice/mijn-gegevens/download" className="button" download>
            Download mijn gegevens
          </a>
        </p>
      </section>

      <section aria-labelledby="delete-title" className="danger-zone">
        <h2 id="delete-title">Account verwijderen</h2>
        <p>Als u uw account verwijdert:</p>
        <ul>
          <li>verdwijnt uw profiel meteen van de website en uit de zoekresultaten;</li>
          <li>
            wissen wij uw naam, adressen, telefoonnummer, geboortedatum, teksten, foto, prijslijst, video, diensten,
            werkgebied, contactverzoeken en beoordelingen;
          </li>
          <li>wordt u op al uw apparaten uitgelogd en kunt u niet meer inloggen.</li>
        </ul>
        <p>
          Alleen uw facturen en betalingen bewaren wij, omdat de wet dat verplicht (zeven jaar). Dit kan niet ongedaan
          worden gemaakt. Download daarom eerst uw gegevens als u ze wilt bewaren. Twijfelt u? Bel ons op{" "}
          <a href={CONTACT.phoneHref}>{CONTACT.phone}</a>.
        </p>
        <ErrorSummary errors={form.errors} labels={deleteAccountLabels} />
        <Form method="post" noValidate aria-labelledby="delete-title">
          <TextField
            name="password"
            type="password"
            label={deleteAccountLabels.password}
            autoComplete="current-password"
            error={form.error("password")}
          />
          <fieldset className={confirmError ? "field field--error" : "field"} id="confirm" tabIndex={-1} aria-describedby={confirmError ? "confirm-error" : undefined}>
            <legend>{deleteAccountLabels.confirm}</legend>
            <FieldError id="confirm-error" message={confirmError} />
            <div className="choice">
              <input type="checkbox" id="confirm-ja" name="confirm" value="ja" />
              <label htmlFor="confirm-ja">Ja, verwijder mijn account en mijn gegevens definitief</label>
            </div>
          </fieldset>
          <div className="form-actions">
            <button type="submit" className="button--danger" disabled={busy}>
              Account definitief verwijderen
            </button>
          </div>
        </Form>
      </section>
    </>
  );
}
