import { parseWithZod } from "~/domain/form-submission";
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { ChoiceGroup, ErrorSummary, formState } from "~/components/form";
import { formatMoment, invitesReview, OUTCOME_CHOICE_LABELS, OUTCOME_LABELS, OUTCOMES, STATUS_LABELS } from "~/domain/contact-request-status";
import { formatPhone } from "~/domain/phone";
import { config } from "~/server/config.server";
import { findRequestForProvider, finishHandling, startHandling } from "~/server/contact-request-handling.server";
import { database } from "~/server/db.server";
import { requireProvider } from "~/server/session.server";
import stylesHref from "~/styles/requests-and-reviews.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];
export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: `${loaded ? `Aanvraag van ${loaded.request.customerName}` : "Aanvraag"} — Mijn omgeving — Vivium Services` },
];

const labels = { outcome: "Heeft u de klant geholpen?" };

const finishSchema = z.object({
  outcome: z.enum(OUTCOMES, { error: "Kies of u de klant heeft geholpen of niet" }),
});

const notFound = () => new Response("Niet gevonden", { status: 404 });

/** The id from the address, or a 404: only plain positive numbers reach the database. */
function requestId(value: string | undefined): number {
  if (!/^[1-9]\d{0,15}$/.test(value ?? "")) throw notFound();
  return Number(value);
}

const CHANGED_BY = { customer: "de klant", provider: "u", staff: "Vivium Services", system: "het systeem" } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const providerId = await requireProvider(request);
  const found = await findRequestForProvider(database().db, providerId, requestId(params.id));
  if (!found) throw notFound();
  return {
    request: {
      id: found.id,
      customerName: found.customerName,
      customerEmail: found.customerEmail,
      customerPhone: found.customerPhone,
      phoneText: /^\+\d{8,15}$/.test(found.customerPhone) ? formatPhone(found.customerPhone) : found.customerPhone,
      isMember: found.isMember,
      memberNumber: found.memberNumber,
      location: found.locationLabel,
      locationInput: found.locationInput !== found.locationLabel ? found.locationInput : null,
      forWhom: found.forWhom === "self" ? "Voor zichzelf" : `Voor iemand anders: ${found.otherPersonName ?? ""}`,
      contactPreference: found.contactPreference === "phone" ? "Telefoon" : "E-mail",
      contactMoments: found.contactMoments.length > 0 ? found.contactMoments.join(", ") : "Geen voorkeur opgegeven",
      message: found.message,
      status: found.status,
      statusText: found.outcome ? `${STATUS_LABELS[found.status]}: ${OUTCOME_LABELS[found.outcome].toLowerCase()}` : STATUS_LABELS[found.status],
      overdue: found.overdue,
      received: formatMoment(found.createdAt),
      deadline: formatMoment(found.deadlineAt),
      handled: found.handledAt ? formatMoment(found.handledAt) : null,
      history: found.history.map((h, index) => ({
        key: index,
        when: formatMoment(h.recordedAt),
        what:
          index === 0 && h.changedBy === "customer"
            ? "Aanvraag ontvangen"
            : h.outcome
              ? `${STATUS_LABELS[h.status]}: ${OUTCOME_LABELS[h.outcome].toLowerCase()}`
              : h.changedBy === "system"
                ? "Herinnering gestuurd: de termijn is verstreken"
                : STATUS_LABELS[h.status],
        who: CHANGED_BY[h.changedBy],
      })),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const providerId = await requireProvider(request);
  const id = requestId(params.id);
  const { db } = database();
  // Someone else's request (or none) is not found, whatever was posted.
  if (!(await findRequestForProvider(db, providerId, id))) throw notFound();
  const form = await request.formData();
  const page = `/backoffice/aanvragen/${id}`;
  const baseUrl = config().baseUrl;

  if (form.get("intent") === "start") {
    const result = await startHandling(db, { providerId, requestId: id, baseUrl });
    if ("kind" in result) throw notFound();
    return redirect(result.ok ? `${page}?bijgewerkt=in-behandeling` : page, 303);
  }

  const submission = parseWithZod(form, { schema: finishSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await finishHandling(db, { providerId, requestId: id, outcome: submission.value.outcome, baseUrl });
  if ("kind" in result) throw notFound();
  // Already afgehandeld (a second click, another tab): the page shows how it was settled.
  const settled = invitesReview(submission.value.outcome) ? "afgehandeld" : "afgehandeld-niet-geholpen";
  return redirect(result.ok ? `${page}?bijgewerkt=${settled}` : page, 303);
}

const CONFIRMATIONS: Record<string, string> = {
  "in-behandeling": "De aanvraag staat nu op “In behandeling”. Heeft u een afspraak gemaakt? Handel de aanvraag dan af na uw bezoek.",
  afgehandeld: "De aanvraag is afgehandeld. De klant krijgt een e-mail met de vraag om u te beoordelen.",
  "afgehandeld-niet-geholpen": "De aanvraag is afgehandeld.",
};

export default function ContactRequestPage() {
  const { request: r } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const form = formState(lastResult, {});
  const confirmation = lastResult ? null : CONFIRMATIONS[searchParams.get("bijgewerkt") ?? ""];

  return (
    <>
      <p>
        <Link to="/backoffice/aanvragen">Alle aanvragen</Link>
      </p>
      <h1>Aanvraag van {r.customerName}</h1>
      {confirmation ? (
        <div className="notice notice--success" role="status">
          <p>{confirmation}</p>
        </div>
      ) : null}
      <ErrorSummary errors={form.errors} labels={labels} />

      <section aria-labelledby="status-title" className={r.overdue ? "request-status request-status--overdue" : "request-status"}>
        <h2 id="status-title">Status</h2>
        <dl className="facts">
          <dt>Status</dt>
          <dd>
            {r.statusText}
            {r.overdue ? <strong className="status status--overdue">Termijn verstreken</strong> : null}
          </dd>
          <dt>Ontvangen</dt>
          <dd>{r.received}</dd>
          {r.status === "new" ? (
            <>
              <dt>Reageren vóór</dt>
              <dd>{r.deadline}</dd>
            </>
          ) : null}
          {r.handled ? (
            <>
              <dt>Afgehandeld</dt>
              <dd>{r.handled}</dd>
            </>
          ) : null}
        </dl>
        {r.overdue ? (
          <p>
            <strong>De termijn van twee werkdagen is verstreken.</strong> Neem zo snel mogelijk contact op met {r.customerName}.
          </p>
        ) : null}
      </section>

      <section aria-labelledby="details-title">
        <h2 id="details-title">Gegevens van de klant</h2>
        <dl className="facts">
          <dt>Naam</dt>
          <dd>{r.customerName}</dd>
          <dt>Telefoon</dt>
          <dd>
            <a href={`tel:${r.customerPhone}`}>{r.phoneText}</a>
          </dd>
          <dt>E-mail</dt>
          <dd>
            <a href={`mailto:${r.customerEmail}`}>{r.customerEmail}</a>
          </dd>
          <dt>Lid van Vivium</dt>
          <dd>{r.isMember ? `Ja, ledenprijs geldt${r.memberNumber ? ` (lidnummer ${r.memberNumber})` : ""}` : "Nee"}</dd>
          <dt>Waar is de hulp nodig?</dt>
          <dd>
            {r.location}
            {r.locationInput ? ` (ingevuld: ${r.locationInput})` : null}
          </dd>
          <dt>Voor wie?</dt>
          <dd>{r.forWhom}</dd>
          <dt>Liefst contact via</dt>
          <dd>{r.contactPreference}</dd>
          <dt>Liefst op</dt>
          <dd>{r.contactMoments}</dd>
        </dl>
        <h3>Bericht</h3>
        {r.message ? <p className="request-message">{r.message}</p> : <p>De klant heeft geen bericht meegestuurd.</p>}
      </section>

      {r.status === "handled" ? null : (
        <section aria-labelledby="actions-title" className="request-actions">
          <h2 id="actions-title">Wat heeft u gedaan?</h2>
          {r.status === "new" ? (
            <Form method="post" className="request-actions__form">
              <p>Heeft u contact opgenomen of een afspraak gemaakt? Neem de aanvraag dan in behandeling. Na uw bezoek handelt u de aanvraag af.</p>
              <button type="submit" name="intent" value="start" className="button--secondary button" disabled={busy}>
                In behandeling nemen
              </button>
            </Form>
          ) : null}
          <Form method="post" noValidate className="request-actions__form">
            <ChoiceGroup
              name="outcome"
              legend={labels.outcome}
              hint="Kies “Geholpen” pas na uw bezoek. Dan vragen wij de klant om een beoordeling."
              type="radio"
              options={OUTCOMES.map((value) => ({ value, label: OUTCOME_CHOICE_LABELS[value] }))}
              selected={form.list("outcome")}
              error={form.error("outcome")}
            />
            <button type="submit" name="intent" value="finish" className="button" disabled={busy}>
              Afhandelen
            </button>
          </Form>
        </section>
      )}

      <section aria-labelledby="history-title">
        <h2 id="history-title">Geschiedenis</h2>
        {r.history.length === 0 ? (
          <p>Nog geen wijzigingen.</p>
        ) : (
          <ol className="request-history">
            {r.history.map((h) => (
              <li key={h.key}>
                <strong>{h.what}</strong> — {h.when}, door {h.who}
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
