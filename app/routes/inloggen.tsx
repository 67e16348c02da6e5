import { parseWithZod } from "~/domain/form-submission";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, TextField } from "~/components/form";
import { safeRedirect } from "~/domain/redirect";
import { authenticator, InvalidCredentialsError } from "~/server/auth.server";
import { database } from "~/server/db.server";
import { hitRateLimit, signInAccountLimit, signInLimit } from "~/server/rate-limit.server";
import { createProviderSession, requireAnonymous } from "~/server/session.server";
import { createStaffSession, getStaff } from "~/server/staff-session.server";
import { parseCompletedSteps, resumePath } from "~/server/wizard.server";
import { inMinutes } from "~/domain/count-messages";

export const meta: MetaFunction = () => [{ title: "Inloggen — Vivium Services" }];

const labels = { email: "Wat is uw e-mailadres?", password: "Wat is uw wachtwoord?" };

const signInSchema = z.object({
  email: z.string({ error: "Vul uw e-mailadres in" }).trim().max(254),
  password: z.string({ error: "Vul uw wachtwoord in" }).max(200),
  redirectTo: z.string().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request, "/aanmelden/verder");
  if (await getStaff(request)) throw redirect("/beheer");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.clone().formData();
  const submission = parseWithZod(form, { schema: signInSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const { db } = database();
  const perClient = await hitRateLimit(db, signInLimit(), context.clientIp);
  // Also per e-mail address, so that spreading the guesses over many client addresses does not help.
  const perAccount = perClient.allowed
    ? await hitRateLimit(db, signInAccountLimit(), submission.value.email.toLowerCase())
    : perClient;
  const limit = perAccount.allowed ? perClient : perAccount;
  if (!limit.allowed) {
    const minutes = Math.ceil(limit.retryAfterSeconds / 60);
    return data(
      submission.reply({
        formErrors: [`U heeft te vaak geprobeerd in te loggen. Probeer het ${inMinutes(minutes)} opnieuw, of bel ons als het niet lukt.`],
        hideFields: ["password"],
      }),
      { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } },
    );
  }
  try {
    const account = await authenticator.authenticate("password", request);
    // Staff land on the staff console (or the /beheer page they came from).
    if (account.kind === "staff") return createStaffSession(request, account.id, submission.value.redirectTo ?? "/beheer");
    const providerId = account.id;
    const provider = await db.selectFrom("providers").select("completed_steps").where("id", "=", providerId).executeTakeFirstOrThrow();
    const target = safeRedirect(submission.value.redirectTo, resumePath(parseCompletedSteps(provider.completed_steps)));
    return createProviderSession(request, providerId, target);
  } catch (error) {
    if (!(error instanceof InvalidCredentialsError)) throw error;
    return data(
      submission.reply({
        formErrors: ["Het e-mailadres of het wachtwoord klopt niet. Controleer beide en probeer het opnieuw."],
        hideFields: ["password"],
      }),
      { status: 400 },
    );
  }
}

export default function SignIn() {
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const values = (lastResult?.initialValue ?? {}) as Record<string, unknown>;
  const errors = { ...(lastResult?.error ?? {}), form: lastResult?.error?.[""] ?? undefined } as Record<string, string[] | undefined>;
  return (
    <>
      <h1>Inloggen voor dienstverleners</h1>
      <AccountChangeNotice change={searchParams} />
      <p>Log in met het e-mailadres en wachtwoord die u bij uw aanmelding heeft gekozen.</p>
      <p className="field__hint">
        Let op: dit is de inlog voor dienstverleners. Een account als klant of lid van Vivium is iets anders.
      </p>
      <ErrorSummary errors={errors} labels={labels} />
      <Form method="post" noValidate>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? String(values.redirectTo ?? "")} />
        <TextField
          name="email"
          type="email"
          label={labels.email}
          autoComplete="username"
          defaultValue={String(values.email ?? "")}
          error={errors.email?.[0]}
          required
        />
        <TextField name="password" type="password" label={labels.password} autoComplete="current-password" error={errors.password?.[0]} required />
        <p>
          <Link to="/wachtwoord-vergeten">Wachtwoord vergeten?</Link>
        </p>
        <div className="form-actions">
          <button type="submit">Inloggen</button>
        </div>
      </Form>
      <p>
        Nog geen account? <Link to="/aanmelden">Meld u aan als dienstverlener</Link>.
      </p>
    </>
  );
}

/** After an e-mail change or a password reset every session has ended: this says why, and with what to sign in. */
function AccountChangeNotice({ change }: { change: URLSearchParams }) {
  let message: string | null = null;
  if (change.get("e-mailadres") === "gewijzigd") {
    message = "Uw e-mailadres is gewijzigd en u bent op alle apparaten uitgelogd. Log hieronder in met uw nieuwe e-mailadres.";
  } else if (change.get("wachtwoord") === "hersteld") {
    message = "Uw nieuwe wachtwoord is opgeslagen en u bent op alle apparaten uitgelogd. Log hieronder in met uw nieuwe wachtwoord.";
  }
  if (!message) return null;
  return (
    <div className="notice notice--success" role="status">
      <p>
        <strong>{message}</strong>
      </p>
    </div>
  );
}
