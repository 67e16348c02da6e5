import { parseWithZod } from "~/domain/form-submission";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ChoiceGroup, ErrorSummary, formState, TextField } from "~/components/form";
import { StepActions, StepPage } from "~/components/wizard";
import { formatEuro } from "~/domain/money";
import { ADMINISTRATION_FEE_CENTS } from "~/domain/payments";
import { aanmeldingLabels, aanmeldingSchema } from "~/domain/signup-schemas";
import { HEARD_FROM_OPTIONS, OFFERINGS } from "~/domain/wizard";
import { database } from "~/server/db.server";
import { createProviderAccount, EmailTakenError, emailIsTaken, parseJsonList } from "~/server/provider-accounts.server";
import { hitRateLimit, signupLimit } from "~/server/rate-limit.server";
import { createProviderSession, getProviderSession } from "~/server/session.server";
import { completeStep, parseCompletedSteps } from "~/server/wizard.server";
import type { WizardHandle } from "./aanmelden";

export const handle: WizardHandle = { step: "aanmelding" };
export const meta: MetaFunction = () => [
  { title: "Aanmelden als dienstverlener — Vivium Services" },
  {
    name: "description",
    content: "Meld u aan als dienstverlener bij Vivium Services en word gevonden door ouderen bij u in de buurt.",
  },
];

/** A signed-in provider changes these on the first step; e-mail and password have their own pages later. */
const accountDetailsSchema = aanmeldingSchema.pick({ offerings: true, firstName: true, heardFrom: true });
const accountLabels = { offerings: aanmeldingLabels.offerings, firstName: aanmeldingLabels.firstName, heardFrom: aanmeldingLabels.heardFrom };
// The honeypot is no question anyone should see in the error summary.
const { website: _honeypot, ...signupLabels } = aanmeldingLabels;

const EMAIL_TAKEN = "Er is al een account met dit e-mailadres. Log in, of kies een ander e-mailadres.";

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await getProviderSession(request);
  if (!session) return { account: null };
  const provider = await database()
    .db.selectFrom("providers")
    .select(["first_name", "email", "offerings", "heard_from"])
    .where("id", "=", session.providerId)
    .executeTakeFirstOrThrow();
  return {
    account: {
      firstName: provider.first_name,
      email: provider.email,
      offerings: parseJsonList(provider.offerings),
      heardFrom: provider.heard_from ?? "",
    },
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { db } = database();
  const formData = await request.formData();
  const session = await getProviderSession(request);

  if (session) {
    const submission = parseWithZod(formData, { schema: accountDetailsSchema });
    if (submission.status !== "success") return data(submission.reply(), { status: 400 });
    const provider = await db.selectFrom("providers").select("completed_steps").where("id", "=", session.providerId).executeTakeFirstOrThrow();
    const next = await db.transaction().execute(async (trx) => {
      await trx
        .updateTable("providers")
        .set({
          first_name: submission.value.firstName,
          offerings: JSON.stringify(submission.value.offerings),
          heard_from: submission.value.heardFrom,
        })
        .where("id", "=", session.providerId)
        .execute();
      return completeStep(trx, session.providerId, parseCompletedSteps(provider.completed_steps), "aanmelding");
    });
    return redirect(next);
  }

  const submission = parseWithZod(formData, { schema: aanmeldingSchema });
  if (submission.status !== "success") {
    if (submission.error?.website) {
      // Only a bot fills in the hidden field; it gets no account and no hint why.
      return data(submission.reply({ formErrors: ["Uw aanmelding kon niet worden verwerkt. Bel ons als dit blijft gebeuren."], hideFields: ["password", "website"] }), { status: 400 });
    }
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const limit = await hitRateLimit(db, signupLimit(), context.clientIp);
  if (!limit.allowed) {
    return data(
      submission.reply({
        formErrors: ["Er zijn vanaf deze internetverbinding te veel aanmeldingen gedaan. Probeer het over een uur opnieuw, of bel ons."],
        hideFields: ["password"],
      }),
      { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } },
    );
  }
  if (await emailIsTaken(db, submission.value.email)) {
    return data(submission.reply({ fieldErrors: { email: [EMAIL_TAKEN] }, hideFields: ["password"] }), { status: 400 });
  }
  try {
    const providerId = await createProviderAccount(db, submission.value);
    return createProviderSession(request, providerId, "/aanmelden/persoonlijk");
  } catch (error) {
    if (!(error instanceof EmailTakenError)) throw error;
    return data(submission.reply({ fieldErrors: { email: [EMAIL_TAKEN] }, hideFields: ["password"] }), { status: 400 });
  }
}

export default function AanmeldingStep() {
  const { account } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const form = formState(lastResult, account ?? {});
  const fee = formatEuro(ADMINISTRATION_FEE_CENTS);

  if (account) {
    return (
      <StepPage title="Stap 1: Uw aanmelding" intro={<p>Hier kunt u uw voornaam en de soort diensten aanpassen.</p>}>
        <ErrorSummary errors={form.errors} labels={accountLabels} />
        <Form method="post" noValidate>
          <OfferingsField selected={form.list("offerings")} error={form.error("offerings")} />
          <TextField name="firstName" label={aanmeldingLabels.firstName} autoComplete="given-name" defaultValue={form.text("firstName")} error={form.error("firstName")} />
          <p>
            Uw e-mailadres (ook uw inlognaam) is <strong>{account.email}</strong>.
          </p>
          <HeardFromField value={form.text("heardFrom")} error={form.error("heardFrom")} />
          <StepActions previousPath={null} />
        </Form>
      </StepPage>
    );
  }

  return (
    <StepPage
      title="Word dienstverlener"
      intro={
        <>
          <p className="lead">Zelfstandig, maar niet alleen.</p>
          <p>Wilt u ook bijdragen aan onze missie om ouderen fijner en langer thuis te laten wonen? Meld u dan aan als dienstverlener.</p>
          <h2>In drie stappen online</h2>
          <ol>
            <li>U maakt hieronder een account aan.</li>
            <li>U vertelt over uzelf en uw diensten: uw gegevens, uw profiel, wanneer u werkt en uw prijzen. Dat duurt ongeveer een kwartier.</li>
            <li>
              U betaalt eenmalig {fee} administratiekosten met iDEAL. Daarna staat uw profiel meteen online. Kiest u later een
              promotiepakket, dan gaat deze {fee} van de prijs af.
            </li>
          </ol>
          <h2>Wat heeft u nodig?</h2>
          <ul>
            <li>Een KvK-nummer: u staat ingeschreven bij de Kamer van Koophandel.</li>
            <li>
              Een Verklaring omtrent het gedrag (VOG). Die vraagt u aan bij uw gemeente. Wij bekijken uw VOG als wij na uw
              aanmelding kennis met u maken.
            </li>
          </ul>
          <p>
            Heeft u al een account? <Link to="/inloggen">Log dan in</Link>.
          </p>
        </>
      }
    >
      <h2>Maak uw account aan</h2>
      <ErrorSummary errors={form.errors} labels={signupLabels} />
      <Form method="post" noValidate>
        <OfferingsField selected={form.list("offerings")} error={form.error("offerings")} />
        <TextField name="firstName" label={aanmeldingLabels.firstName} autoComplete="given-name" defaultValue={form.text("firstName")} error={form.error("firstName")} />
        <TextField
          name="email"
          type="email"
          label={aanmeldingLabels.email}
          hint="Let op: uw e-mailadres is ook uw inlognaam."
          autoComplete="email"
          defaultValue={form.text("email")}
          error={form.error("email")}
        />
        <TextField
          name="password"
          type="password"
          label={aanmeldingLabels.password}
          hint="Minstens 10 tekens. Een zin van een paar woorden is makkelijk te onthouden en moeilijk te raden."
          autoComplete="new-password"
          error={form.error("password")}
        />
        <HeardFromField value={form.text("heardFrom")} error={form.error("heardFrom")} />
        <div className="honeypot" aria-hidden="true">
          <label htmlFor="website">Laat dit veld leeg</label>
          <input type="text" id="website" name="website" tabIndex={-1} autoComplete="off" />
        </div>
        <ChoiceGroup
          name="acceptTerms"
          type="checkbox"
          legend="Voorwaarden"
          options={[{ value: "on", label: aanmeldingLabels.acceptTerms }]}
          selected={form.text("acceptTerms") === "on" ? ["on"] : []}
          error={form.error("acceptTerms")}
          hint={
            <>
              Lees de <Link to="/algemene-voorwaarden">algemene voorwaarden</Link> en het{" "}
              <Link to="/privacy">privacy statement</Link>.
            </>
          }
        />
        <StepActions previousPath={null} nextLabel="Start" />
      </Form>
    </StepPage>
  );
}

function OfferingsField({ selected, error }: { selected: string[]; error?: string }) {
  return <ChoiceGroup name="offerings" type="checkbox" legend={aanmeldingLabels.offerings} hint="U kunt er meer dan één kiezen." options={OFFERINGS} selected={selected} error={error} />;
}

function HeardFromField({ value, error }: { value: string; error?: string }) {
  return (
    <div className={error ? "field field--error" : "field"}>
      <label htmlFor="heardFrom">{aanmeldingLabels.heardFrom}</label>
      {error ? (
        <span className="field__error" id="heardFrom-error">
          {error}
        </span>
      ) : null}
      <select id="heardFrom" name="heardFrom" defaultValue={value} aria-describedby={error ? "heardFrom-error" : undefined} aria-invalid={error ? true : undefined}>
        <option value="">Maak een keuze</option>
        {HEARD_FROM_OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
