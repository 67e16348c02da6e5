import { parseWithZod } from "~/domain/form-submission";
import { data, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { ErrorSummary, formState, TextField } from "~/components/form";
import { passwordResetRequestLabels, passwordResetRequestSchema } from "~/domain/account";
import { CONTACT } from "~/domain/contact";
import { requestPasswordReset } from "~/server/account.server";
import { database } from "~/server/db.server";
import { hitRateLimit, passwordResetEmailLimit, passwordResetIpLimit } from "~/server/rate-limit.server";
import { inMinutes } from "~/domain/count-messages";

export const meta: MetaFunction = () => [{ title: "Wachtwoord vergeten — Vivium Services" }];

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: passwordResetRequestSchema });
  if (submission.status !== "success") return data({ sentTo: null, result: submission.reply() }, { status: 400 });
  const { db } = database();
  const { email } = submission.value;
  // Both are counted on every request, so the answer never depends on whether the address has an account.
  const [byIp, byAddress] = await Promise.all([
    hitRateLimit(db, passwordResetIpLimit(), context.clientIp),
    hitRateLimit(db, passwordResetEmailLimit(), email),
  ]);
  if (!byIp.allowed || !byAddress.allowed) {
    const retryAfter = Math.max(byIp.allowed ? 0 : byIp.retryAfterSeconds, byAddress.allowed ? 0 : byAddress.retryAfterSeconds);
    const minutes = Math.max(1, Math.ceil(retryAfter / 60));
    return data(
      {
        sentTo: null,
        result: submission.reply({
          formErrors: [
            `U heeft al een paar keer een nieuw wachtwoord gevraagd. Kijk in uw e-mail, ook bij ongewenste e-mail (spam). Een nieuwe link vragen kan ${inMinutes(minutes)} weer.`,
          ],
        }),
      },
      { status: 429, headers: { "Retry-After": String(retryAfter) } },
    );
  }
  await requestPasswordReset(db, email);
  return { sentTo: email, result: null };
}

export default function ForgotPassword() {
  const actionData = useActionData<typeof action>();
  const form = formState(actionData?.result, {});

  if (actionData?.sentTo) {
    return (
      <>
        <h1>Kijk in uw e-mail</h1>
        <div className="notice notice--success" role="status">
          <p>
            Als er een account is met het e-mailadres <strong>{actionData.sentTo}</strong>, dan hebben wij daar zojuist een
            e-mail naartoe gestuurd met een link om een nieuw wachtwoord te kiezen.
          </p>
        </div>
        <p>De link werkt één uur en maar één keer.</p>
        <h2>Geen e-mail gekregen?</h2>
        <ul>
          <li>Wacht een paar minuten; soms duurt het even.</li>
          <li>Kijk ook bij ongewenste e-mail (spam).</li>
          <li>
            Controleer of u het e-mailadres goed heeft getypt, en <Link to="/wachtwoord-vergeten">vraag opnieuw een link aan</Link>.
          </li>
          <li>
            Lukt het niet? Bel ons op <a href={CONTACT.phoneHref}>{CONTACT.phone}</a>, {CONTACT.hours}.
          </li>
        </ul>
        <p>
          <Link to="/inloggen">Terug naar inloggen</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <h1>Wachtwoord vergeten</h1>
      <p>
        Vul het e-mailadres in waarmee u inlogt. Wij sturen u dan een e-mail met een link om een nieuw wachtwoord te kiezen.
      </p>
      <ErrorSummary errors={form.errors} labels={passwordResetRequestLabels} />
      <Form method="post" noValidate>
        <TextField
          name="email"
          type="email"
          label={passwordResetRequestLabels.email}
          autoComplete="username"
          defaultValue={form.text("email")}
          error={form.error("email")}
        />
        <div className="form-actions">
          <button type="submit">Stuur mij een link</button>
        </div>
      </Form>
      <p>
        Weet u uw wachtwoord toch weer? <Link to="/inloggen">Log dan in</Link>.
      </p>
    </>
  );
}
