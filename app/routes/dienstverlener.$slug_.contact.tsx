import { parseWithZod } from "~/domain/form-submission";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ChoiceGroup, ErrorSummary, formState, TextArea, TextField } from "~/components/form";
import {
  CONTACT_MOMENT_OPTIONS,
  CONTACT_PREFERENCE_OPTIONS,
  contactRequestLabels,
  contactRequestSchema,
  FOR_WHOM_OPTIONS,
  MESSAGE_MAX,
} from "~/domain/contact-request-schema";
import {
  checkContactRequest,
  checkLocation,
  checkMemberNumber,
  findContactableProvider,
  submitContactRequest,
  type ContactableProvider,
} from "~/server/contact-requests.server";
import { database, type Db } from "~/server/db.server";
import { contactLimit, hitRateLimit } from "~/server/rate-limit.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Contactgegevens opvragen van ${data.provider.firstName} — Vivium Services` : "Pagina niet gevonden — Vivium Services" },
  { name: "robots", content: "noindex" },
];

/** Only live, published providers take requests; any other slug is a 404, an old one redirects. */
async function requireProvider(slug: string | undefined) {
  const { db } = database();
  const found = await findContactableProvider(db, slug ?? "");
  if (found.kind === "redirect") throw redirect(`/dienstverlener/${encodeURIComponent(found.slug)}/contact`, 301);
  if (found.kind === "not-found") throw new Response("Niet gevonden", { status: 404 });
  return { db, provider: found.provider };
}

export async function loader({ params }: LoaderFunctionArgs) {
  const { provider } = await requireProvider(params.slug);
  return { provider: { slug: provider.slug, firstName: provider.firstName, name: provider.name } };
}

type Outside = { place: string; href: string } | null;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { db, provider } = await requireProvider(params.slug);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: contactRequestSchema });
  const reject = (result: ReturnType<typeof submission.reply>, status: number, outside: Outside = null, headers?: HeadersInit) =>
    data({ result, outside }, { status, headers });

  if (submission.status !== "success") {
    if (submission.error?.website) {
      // Only a bot fills in the hidden field; it gets no request and no hint why.
      return reject(
        submission.reply({ formErrors: ["Uw aanvraag kon niet worden verstuurd. Bel ons als dit blijft gebeuren."], hideFields: ["website"] }),
        400,
      );
    }
    // The lidnummer and the place are checked too when other fields failed, so that every problem shows at once.
    const { fieldErrors, outside } = await checkTypedFields(db, provider, submission.payload, submission.error ?? {});
    return reject(submission.reply({ fieldErrors }), 400, outside);
  }
  const limit = await hitRateLimit(db, contactLimit(), context.clientIp);
  if (!limit.allowed) {
    return reject(
      submission.reply({
        formErrors: ["Er zijn vanaf deze internetverbinding te veel aanvragen verstuurd. Probeer het over een uur opnieuw, of bel ons."],
      }),
      429,
      null,
      { "Retry-After": String(limit.retryAfterSeconds) },
    );
  }
  const check = await checkContactRequest(db, provider, submission.value);
  if (!check.ok) return reject(submission.reply({ fieldErrors: check.fieldErrors }), 400, check.outside);

  const submitted = await submitContactRequest(db, provider.id, { values: submission.value, location: check.location, member: check.member });
  return redirect(`/dienstverlener/${encodeURIComponent(provider.slug)}/contact/verzonden?aanvraag=${encodeURIComponent(submitted.publicId)}`);
}

async function checkTypedFields(
  db: Db,
  provider: ContactableProvider,
  payload: Record<string, unknown>,
  errors: Record<string, unknown>,
): Promise<{ fieldErrors: Record<string, string[]>; outside: Outside }> {
  const fieldErrors: Record<string, string[]> = {};
  let outside: Outside = null;
  const memberNumber = typeof payload.memberNumber === "string" ? payload.memberNumber.trim() : "";
  if (memberNumber && !errors.memberNumber) {
    const member = await checkMemberNumber(db, memberNumber);
    if (!member.ok) fieldErrors.memberNumber = [member.message];
  }
  const location = typeof payload.location === "string" ? payload.location.trim() : "";
  if (location && !errors.location) {
    const place = await checkLocation(db, provider, location);
    if (!place.ok) {
      fieldErrors.location = [place.message];
      outside = place.outside;
    }
  }
  return { fieldErrors, outside };
}

const EMPTY = { forWhom: "", contactPreference: "", contactMoments: [] };

export default function ContactForm() {
  const { provider } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const form = formState(actionData?.result, EMPTY);
  const outside = actionData?.outside ?? null;
  const profileHref = `/dienstverlener/${provider.slug}`;
  const labels = contactRequestLabels;

  return (
    <section aria-labelledby="contact-title" className="contact-page">
      <nav aria-label="Kruimelpad" className="breadcrumbs">
        <ol>
          <li>
            <Link to="/">Startpagina</Link>
          </li>
          <li>
            <Link to={profileHref}>{provider.name}</Link>
          </li>
          <li aria-current="page">Contact opnemen</li>
        </ol>
      </nav>
      <h1 id="contact-title">Contactgegevens opvragen van {provider.firstName}</h1>
      <p>U kunt geheel vrijblijvend hieronder uw gegevens invullen. U verplicht zich tot niets.</p>
      <p>
        Wij geven uw gegevens door aan {provider.firstName}. {provider.firstName} neemt binnen twee werkdagen contact met u op.
      </p>

      <ErrorSummary errors={form.errors} labels={labels} />
      <Form method="post" noValidate>
        <TextField name="name" label={labels.name} hint="Bijvoorbeeld Jan Janssen" autoComplete="name" defaultValue={form.text("name")} error={form.error("name")} />
        <TextField name="email" type="email" label={labels.email} hint="Bijvoorbeeld jan@voorbeeld.nl" autoComplete="email" defaultValue={form.text("email")} error={form.error("email")} />
        <TextField name="phone" type="tel" label={labels.phone} hint="Vast of mobiel nummer, bijvoorbeeld 0612345678" autoComplete="tel" defaultValue={form.text("phone")} error={form.error("phone")} />
        <TextField
          name="memberNumber"
          label={labels.memberNumber}
          hint="Bent u lid van Vivium? Vul dan uw lidnummer in; het staat op uw ledenpas. Leden betalen de ledenprijs."
          autoComplete="off"
          defaultValue={form.text("memberNumber")}
          error={form.error("memberNumber")}
          className="input--short"
        />
        <TextField
          name="location"
          label={labels.location}
          hint="De postcode of de plaats waar de hulp nodig is, bijvoorbeeld 3447 GT of Woerden"
          defaultValue={form.text("location")}
          error={form.error("location")}
        />
        {outside ? (
          <p className="notice notice--warning contact-page__outside">
            <Link to={outside.href}>Bekijk dienstverleners die wel in {outside.place} komen</Link>
          </p>
        ) : null}
        <ChoiceGroup name="forWhom" type="radio" legend={labels.forWhom} options={FOR_WHOM_OPTIONS} selected={[form.text("forWhom")]} error={form.error("forWhom")} />
        <TextField
          name="otherPersonName"
          label={labels.otherPersonName}
          hint="Alleen invullen als u de dienst voor iemand anders zoekt."
          defaultValue={form.text("otherPersonName")}
          error={form.error("otherPersonName")}
        />
        <ChoiceGroup
          name="contactPreference"
          type="radio"
          legend={labels.contactPreference}
          options={CONTACT_PREFERENCE_OPTIONS}
          selected={[form.text("contactPreference")]}
          error={form.error("contactPreference")}
          inline
        />
        <ChoiceGroup
          name="contactMoments"
          type="checkbox"
          legend={labels.contactMoments}
          hint="Alleen nodig als u gebeld wilt worden. U kunt er meer dan één kiezen."
          options={CONTACT_MOMENT_OPTIONS}
          selected={form.list("contactMoments")}
          error={form.error("contactMoments")}
          inline
        />
        <TextArea
          name="message"
          label={labels.message}
          hint={`Bijvoorbeeld waarmee u geholpen wilt worden. Hoogstens ${MESSAGE_MAX} tekens.`}
          rows={6}
          maxCharacters={MESSAGE_MAX}
          defaultValue={form.text("message")}
          error={form.error("message")}
        />
        <div className="honeypot" aria-hidden="true">
          <label htmlFor="website">Laat dit veld leeg</label>
          <input type="text" id="website" name="website" tabIndex={-1} autoComplete="off" />
        </div>
        {/* The permission the law needs is given by the button itself, said in one sentence beside it (as the manual's form). */}
        <p className="contact-form__consent">
          Met de knop <strong>Contact opnemen</strong> geeft u Vivium Services toestemming om deze gegevens door te geven aan{" "}
          {provider.firstName}. In het <Link to="/privacy">privacy statement</Link> leest u wat wij met uw gegevens doen.
        </p>
        <div className="form-actions">
          <button type="submit">Contact opnemen</button>
          <Link to={profileHref} className="button button--secondary">
            Nee, annuleren
          </Link>
        </div>
      </Form>
    </section>
  );
}
