import { parseWithZod } from "~/domain/form-submission";
import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, formState, TextField } from "~/components/form";
import { passwordResetLabels, passwordResetSchema, RESET_TOKEN_PROBLEM, type ResetTokenState } from "~/domain/account";
import { checkResetToken, resetPassword } from "~/server/account.server";
import { database } from "~/server/db.server";
import { destroyProviderSession } from "~/server/session.server";

export const meta: MetaFunction = () => [{ title: "Nieuw wachtwoord kiezen — Vivium Services" }];

// The token is in the address: it must not leave for another site in a Referer header, or stay in a cache.
// Not "no-referrer": that makes browsers send `Origin: null` with the form, which the CSRF check refuses.
export const headers: HeadersFunction = () => ({ "Referrer-Policy": "same-origin", "Cache-Control": "no-store" });

const STATUS: Record<ResetTokenState, number> = { valid: 200, expired: 410, used: 410, unknown: 404 };

export async function loader({ params }: LoaderFunctionArgs) {
  const state = await checkResetToken(database().db, params.token ?? "");
  return data({ state }, { status: STATUS[state] });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: passwordResetSchema });
  if (submission.status !== "success") {
    return data({ state: "valid" as ResetTokenState, result: submission.reply({ hideFields: ["newPassword"] }) }, { status: 400 });
  }
  const state = await resetPassword(database().db, params.token ?? "", submission.value.newPassword);
  if (state !== "valid") return data({ state, result: null }, { status: STATUS[state] });
  // Every session has ended; this browser's cookie goes too.
  return destroyProviderSession(request, "/inloggen?wachtwoord=hersteld");
}

export default function ResetPassword() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const state: ResetTokenState = actionData?.state ?? loaderData.state;
  const form = formState(actionData?.result, {});

  if (state !== "valid") {
    return (
      <>
        <h1>Deze link werkt niet meer</h1>
        <p>{RESET_TOKEN_PROBLEM[state]}</p>
        <p>
          <Link to="/wachtwoord-vergeten" className="button">
            Vraag een nieuwe link aan
          </Link>
        </p>
        <p>
          Weet u uw wachtwoord weer? <Link to="/inloggen">Log dan in</Link>.
        </p>
      </>
    );
  }

  return (
    <>
      <h1>Nieuw wachtwoord kiezen</h1>
      <p>Kies een nieuw wachtwoord. Daarna logt u in met uw e-mailadres en dit nieuwe wachtwoord.</p>
      <ErrorSummary errors={form.errors} labels={passwordResetLabels} />
      <Form method="post" noValidate>
        <TextField
          name="newPassword"
          type="password"
          label={passwordResetLabels.newPassword}
          hint="Minstens 10 tekens. Een zin van een paar woorden is makkelijk te onthouden en moeilijk te raden."
          autoComplete="new-password"
          error={form.error("newPassword")}
        />
        <div className="form-actions">
          <button type="submit">Wachtwoord opslaan</button>
        </div>
      </Form>
    </>
  );
}
