import { parseWithZod } from "~/domain/form-submission";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary, formState, TextField } from "~/components/form";
import { emailChangeLabels, emailChangeSchema, passwordChangeLabels, passwordChangeSchema } from "~/domain/account";
import { accountOverview, cancelEmailChange, changePassword, pendingEmailChange, requestEmailChange, resendEmailChangeLink } from "~/server/account.server";
import { database } from "~/server/db.server";
import { accountPasswordLimit, emailChangeLinkLimit, hitRateLimit } from "~/server/rate-limit.server";
import { createProviderSession, requireProvider } from "~/server/session.server";
import { inMinutes } from "~/domain/count-messages";

export const meta: MetaFunction = () => [{ title: "E-mailadres en wachtwoord — Mijn omgeving — Vivium Services" }];

const PAGE = "/backoffice/account";
const WRONG_PASSWORD = "Dit is niet uw huidige wachtwoord. Controleer het en probeer het opnieuw";
const PASSWORD_HINT = "Minstens 10 tekens. Een zin van een paar woorden is makkelijk te onthouden en moeilijk te raden.";

export async function loader({ request }: LoaderFunctionArgs) {
  const providerId = await requireProvider(request);
  const { db } = database();
  const { email } = await accountOverview(db, providerId);
  return { email, pending: await pendingEmailChange(db, providerId) };
}

export async function action({ request }: ActionFunctionArgs) {
  const providerId = await requireProvider(request);
  const formData = await request.formData();
  const { db } = database();
  const tooManyTries = async () => {
    const limit = await hitRateLimit(db, accountPasswordLimit(), String(providerId));
    return limit.allowed ? null : [`U heeft te vaak een verkeerd wachtwoord ingevuld. Probeer het ${inMinutes(Math.ceil(limit.retryAfterSeconds / 60))} opnieuw, of bel ons.`];
  };

  const intent = formData.get("intent");
  // Each link goes to an address the provider typed; the limit keeps anyone's inbox from being filled through ours.
  let linkRetryMinutes = 0;
  const mayMail = async () => {
    const limit = await hitRateLimit(db, emailChangeLinkLimit(), String(providerId));
    linkRetryMinutes = Math.ceil(limit.retryAfterSeconds / 60);
    return limit.allowed;
  };
  const tooManyLinks = () =>
    `U heeft al een paar keer een link laten sturen. Kijk in uw e-mail, ook bij ongewenste e-mail (spam). Een nieuwe link sturen kan ${inMinutes(linkRetryMinutes)} weer.`;

  if (intent === "email") {
    const submission = parseWithZod(formData, { schema: emailChangeSchema });
    const reply = (options?: Parameters<typeof submission.reply>[0], status = 400) =>
      data({ intent: "email" as const, result: submission.reply({ ...options, hideFields: ["emailPassword"] }) }, { status });
    if (submission.status !== "success") return reply();
    const limited = await tooManyTries();
    if (limited) return reply({ formErrors: limited }, 429);
    const outcome = await requestEmailChange(db, providerId, submission.value.newEmail, submission.value.emailPassword, { mayMail });
    if (outcome === "wrong-password") return reply({ fieldErrors: { emailPassword: [WRONG_PASSWORD] } });
    if (outcome === "limited") return reply({ formErrors: [tooManyLinks()] }, 429);
    if (outcome === "unchanged") return reply({ fieldErrors: { newEmail: ["Dit is al uw e-mailadres. Vul het nieuwe e-mailadres in"] } });
    // An address of another account comes here too: the answer must not tell the two apart.
    return redirect(`${PAGE}?e-mailadres=link-verstuurd`, 303);
  }

  if (intent === "email-resend") {
    if (!(await pendingEmailChange(db, providerId))) return redirect(PAGE, 303);
    if (!(await mayMail())) return data({ intent: "email-resend" as const, problem: tooManyLinks() }, { status: 429 });
    const sent = await resendEmailChangeLink(db, providerId);
    return redirect(sent === "sent" ? `${PAGE}?e-mailadres=opnieuw-verstuurd` : PAGE, 303);
  }

  if (intent === "email-cancel") {
    await cancelEmailChange(db, providerId);
    return redirect(`${PAGE}?e-mailadres=geannuleerd`, 303);
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
  const { email, pending } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const emailForm = formState(actionData?.intent === "email" ? actionData.result : null, {});
  const passwordForm = formState(actionData?.intent === "password" ? actionData.result : null, {});
  const passwordChanged = searchParams.get("wachtwoord") === "gewijzigd" && !actionData;
  const emailStep = actionData ? null : searchParams.get("e-mailadres");

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
      {emailStep === "geannuleerd" && !pending ? (
        <div className="notice notice--success" role="status">
          <p>
            <strong>De wijziging van uw e-mailadres is geannuleerd.</strong> U logt in met het e-mailadres {email}.
          </p>
        </div>
      ) : null}
      <p className="lead">
        U logt in met het e-mailadres <strong>{email}</strong>.
      </p>

      {pending ? (
        <PendingEmailChange
          pending={pending}
          email={email}
          sentAgain={emailStep === "opnieuw-verstuurd"}
          problem={actionData?.intent === "email-resend" ? actionData.problem : null}
        />
      ) : null}

      <section aria-labelledby="email-title">
        <h2 id="email-title">{pending ? "Een ander e-mailadres kiezen" : "E-mailadres wijzigen"}</h2>
        <p>
          Wij sturen een e-mail met een link naar uw nieuwe e-mailadres. Pas als u op die link klikt, wordt dat uw nieuwe
          e-mailadres en wordt u op alle apparaten uitgelogd. Tot die tijd logt u in met {email}. Wij sturen ook een bericht
          naar dat adres.
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
            <button type="submit">Stuur de link naar mijn nieuwe e-mailadres</button>
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

/** The change that waits for its link: where the link went, what holds until then, and the two ways on. */
function PendingEmailChange({ pending, email, sentAgain, problem }: { pending: { newEmail: string }; email: string; sentAgain: boolean; problem: string | null }) {
  return (
    <section aria-labelledby="pending-title" className="notice">
      <h2 id="pending-title">Bevestig uw nieuwe e-mailadres</h2>
      {problem ? (
        <p role="alert">
          <strong>{problem}</strong>
        </p>
      ) : null}
      <p role="status">
        <strong>
          {sentAgain ? "Wij hebben de link nog een keer gestuurd naar" : "Wij hebben een link gestuurd naar"} {pending.newEmail}.
        </strong>
      </p>
      <p>
        Klik op de link in die e-mail om uw nieuwe e-mailadres te bevestigen. De link werkt 24 uur. Tot die tijd blijft{" "}
        {email} het e-mailadres waarmee u inlogt.
      </p>
      <p>
        Geen e-mail gekregen? Kijk ook bij uw ongewenste e-mail (spam). Staat er een fout in het adres? Annuleer dan de
        wijziging, of kies hieronder een ander e-mailadres.
      </p>
      <div className="form-actions">
        <Form method="post">
          <input type="hidden" name="intent" value="email-resend" />
          <button type="submit">Stuur de link opnieuw</button>
        </Form>
        <Form method="post">
          <input type="hidden" name="intent" value="email-cancel" />
          <button type="submit" className="button--secondary">
            Wijziging annuleren
          </button>
        </Form>
      </div>
    </section>
  );
}
