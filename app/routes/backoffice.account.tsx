import { parseWithZod } from "~/domain/form-submission";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary, formState, TextField } from "~/components/form";
import { emailChangeLabels, emailChangeSchema, passwordChangeLabels, passwordChangeSchema } from "~/domain/account";
import { accountOverview, changeEmail, changePassword } from "~/server/account.server";
import { database } from "~/server/db.server";
import { accountPasswordLimit, hitRateLimit } from "~/server/rate-limit.server";
import { createProviderSession, destroyProviderSession, requireProvider } from "~/server/session.server";
import { inMinutes } from "~/domain/count-messages";

export const meta: MetaFunction = () => [{ title: "E-mailadres en wachtwoord — Mijn omgeving — Vivium Services" }];

const PAGE = "/backoffice/account";
const WRONG_PASSWORD = "Dit is niet uw huidige wachtwoord. Controleer het en probeer het opnieuw";
const PASSWORD_HINT = "Minstens 10 tekens. Een zin van een paar woorden is makkelijk te onthouden en moeilijk te raden.";

export async function loader({ request }: LoaderFunctionArgs) {
  const providerId = await requireProvider(request);
  const { email } = await accountOverview(database().db, providerId);
  return { email };
}

export async function action({ request }: ActionFunctionArgs) {
  const providerId = await requireProvider(request);
  const formData = await request.formData();
  const { db } = database();
  const tooManyTries = async () => {
    const limit = await hitRateLimit(db, accountPasswordLimit(), String(providerId));
    return limit.allowed ? null : [`U heeft te vaak een verkeerd wachtwoord ingevuld. Probeer het ${inMinutes(Math.ceil(limit.retryAfterSeconds / 60))} opnieuw, of bel ons.`];
  };

  if (formData.get("intent") === "email") {
    const submission = parseWithZod(formData, { schema: emailChangeSchema });
    const reply = (options?: Parameters<typeof submission.reply>[0], status = 400) =>
      data({ intent: "email" as const, result: submission.reply({ ...options, hideFields: ["emailPassword"] }) }, { status });
    if (submission.status !== "success") return reply();
    const limited = await tooManyTries();
    if (limited) return reply({ formErrors: limited }, 429);
    const outcome = await changeEmail(db, providerId, submission.value.newEmail, submission.value.emailPassword);
    if (outcome === "wrong-password") return reply({ fieldErrors: { emailPassword: [WRONG_PASSWORD] } });
    if (outcome === "taken") return reply({ fieldErrors: { newEmail: ["Er is al een account met dit e-mailadres. Kies een ander e-mailadres"] } });
    if (outcome === "unchanged") return reply({ fieldErrors: { newEmail: ["Dit is al uw e-mailadres. Vul het nieuwe e-mailadres in"] } });
    // Every session has ended, this one too: the browser forgets its cookie and signs in with the new address.
    return destroyProviderSession(request, "/inloggen?e-mailadres=gewijzigd");
  }

  const submission = parseWithZod(formData, { schema: passwordChangeSchema });
  const reply = (options?: Parameters<typeof submission.reply>[0], status = 400) =>
    data({ intent: "password" as const, result: submission.reply({ ...options, hideFields: ["currentPassword", "newPassword"] }) }, { status });
  if (submission.status !== "success") return reply();
  const limited = await tooManyTries();
  if (limited) return reply({ formErrors: limited }, 429);
  const outcome = await changePassword(db, providerId, submission.value.currentPassword, submission.value.newPassword);
  if (outcome === "wrong-password") return reply({ fieldErrors: { currentPassword: [WRONG_PASSWORD] } });
  // Every session has ended; this browser gets a new one, so the provider stays signed in here only.
  return createProviderSession(request, providerId, `${PAGE}?wachtwoord=gewijzigd`);
}

export default function AccountPage() {
  const { email } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const emailForm = formState(actionData?.intent === "email" ? actionData.result : null, {});
  const passwordForm = formState(actionData?.intent === "password" ? actionData.result : null, {});
  const passwordChanged = searchParams.get("wachtwoord") === "gewijzigd" && !actionData;

  return (
    <>
      <h1>E-mailadres en wachtwoord</h1>
      {passwordChanged ? (
        <div className="notice notice--success" role="status">
          <p>
            <strong>Uw nieuwe wachtwoord is opgeslagen.</strong> Op andere apparaten bent u uitgelogd; daar logt u in met uw
            nieuwe wachtwoord.
          </p>
        </div>
      ) : null}
      <p className="lead">
        U logt in met het e-mailadres <strong>{email}</strong>.
      </p>

      <section aria-labelledby="email-title">
        <h2 id="email-title">E-mailadres wijzigen</h2>
        <p>
          Let op: na het wijzigen van uw e-mailadres wordt u op alle apparaten automatisch uitgelogd. Daarna logt u in met
          uw nieuwe e-mailadres. Wij sturen een bericht naar uw oude e-mailadres.
        </p>
        <ErrorSummary errors={emailForm.errors} labels={emailChangeLabels} />
        <Form method="post" noValidate aria-labelledby="email-title">
          <input type="hidden" name="intent" value="email" />
          <TextField
            name="newEmail"
            type="email"
            label={emailChangeLabels.newEmail}
            autoComplete="email"
            defaultValue={emailForm.text("newEmail")}
            error={emailForm.error("newEmail")}
          />
          <TextField
            name="emailPassword"
            type="password"
            label={emailChangeLabels.emailPassword}
            hint="Ter controle dat u het zelf bent."
            autoComplete="current-password"
            error={emailForm.error("emailPassword")}
          />
          <div className="form-actions">
            <button type="submit">E-mailadres wijzigen</button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="password-title">
        <h2 id="password-title">Wachtwoord wijzigen</h2>
        <p>Na het wijzigen blijft u hier ingelogd. Op andere apparaten wordt u uitgelogd.</p>
        <ErrorSummary errors={passwordForm.errors} labels={passwordChangeLabels} />
        <Form method="post" noValidate aria-labelledby="password-title">
          <input type="hidden" name="intent" value="password" />
          <TextField
            name="currentPassword"
            type="password"
            label={passwordChangeLabels.currentPassword}
            autoComplete="current-password"
            error={passwordForm.error("currentPassword")}
          />
          <TextField
            name="newPassword"
            type="password"
            label={passwordChangeLabels.newPassword}
            hint={PASSWORD_HINT}
            autoComplete="new-password"
            error={passwordForm.error("newPassword")}
          />
          <div className="form-actions">
            <button type="submit">Wachtwoord wijzigen</button>
          </div>
        </Form>
        <p>
          Weet u uw huidige wachtwoord niet meer? <Link to="/wachtwoord-vergeten">Vraag een nieuw wachtwoord aan</Link>.
        </p>
      </section>
    </>
  );
}
