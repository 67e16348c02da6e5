import { parseWithZod } from "~/domain/form-submission";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { AuditTable, DateTime } from "~/components/beheer";
import { ErrorSummary, formState, TextArea } from "~/components/form";
import { PaymentsTable, type PaymentsColumn } from "~/components/payments-table";
import { TableScroll } from "~/components/table-scroll";
import { STATUS_LABELS as REQUEST_STATUS_LABELS } from "~/domain/contact-request-status";
import { formatDutchDate } from "~/domain/age";
import { formatEuro } from "~/domain/money";
import { PACKAGES } from "~/domain/packages";
import { PAYMENT_STATUS_LABEL } from "~/domain/payment-status";
import { formatPhone } from "~/domain/phone";
import { MAX_NOTE_LENGTH, VERIFICATION_CHECKS } from "~/domain/verification";
import { config } from "~/server/config.server";
import { database } from "~/server/db.server";
import {
  addIntakeNote,
  approveProviderVideo,
  rejectProviderVideo,
  republishProvider,
  setVerification,
  suspendProvider,
} from "~/server/staff-actions.server";
import { providerDetailForStaff } from "~/server/staff-providers.server";
import { requireStaff } from "~/server/staff-session.server";

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: `${loaded?.detail.name ?? "Dienstverlener"} — Beheer — Vivium Services` },
];

const notFound = () => new Response("Niet gevonden", { status: 404 });

function providerIdOf(params: { id?: string }): number {
  const id = Number(params.id);
  if (!/^\d{1,9}$/.test(params.id ?? "") || !Number.isSafeInteger(id)) throw notFound();
  return id;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const detail = await providerDetailForStaff(database().db, providerIdOf(params));
  if (!detail) throw notFound();
  return { detail };
}

const checkKeys = VERIFICATION_CHECKS.map((check) => check.key) as [string, ...string[]];

const labels = {
  note: "Nieuwe intakenotitie",
  suspendReason: "Waarom gaat het profiel offline?",
  rejectReason: "Waarom wordt de video afgewezen?",
};

const schema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("check"), check: z.enum(checkKeys) }),
  z.object({ intent: z.literal("uncheck"), check: z.enum(checkKeys) }),
  z.object({
    intent: z.literal("note"),
    note: z
      .string({ error: "Schrijf eerst de notitie" })
      .trim()
      .min(1, { error: "Schrijf eerst de notitie" })
      .max(MAX_NOTE_LENGTH, { error: `Een notitie mag hoogstens ${MAX_NOTE_LENGTH} tekens lang zijn` }),
  }),
  z.object({
    intent: z.literal("suspend"),
    suspendReason: z
      .string({ error: "Schrijf de reden op; de dienstverlener krijgt die per e-mail" })
      .trim()
      .min(5, { error: "Schrijf de reden in een hele zin; de dienstverlener krijgt die per e-mail" })
      .max(1000, { error: "De reden mag hoogstens 1000 tekens lang zijn" }),
  }),
  z.object({ intent: z.literal("republish") }),
  z.object({ intent: z.literal("approve-video") }),
  z.object({
    intent: z.literal("reject-video"),
    rejectReason: z
      .string({ error: "Schrijf de reden op; de dienstverlener ziet die bij de video" })
      .trim()
      .min(5, { error: "Schrijf de reden in een hele zin; de dienstverlener ziet die bij de video" })
      .max(500, { error: "De reden mag hoogstens 500 tekens lang zijn" }),
  }),
]);

/** What the page says after an action, keyed by the `gedaan` query parameter. */
const DONE: Record<string, string> = {
  aangevinkt: "De controle is aangevinkt.",
  uitgevinkt: "De controle is uitgevinkt.",
  notitie: "De intakenotitie is opgeslagen.",
  offline: "Het profiel staat offline. De dienstverlener krijgt een e-mail met de reden.",
  online: "Het profiel staat weer online. De dienstverlener krijgt daarover een e-mail.",
  "video-goedgekeurd": "De voorstelvideo is goedgekeurd en staat op het profiel.",
  "video-afgewezen": "De voorstelvideo is afgewezen. De dienstverlener ziet de reden in de eigen omgeving.",
  ongewijzigd: "Er is niets veranderd: de gegevens waren al zo, of de actie kan nu niet.",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const providerId = providerIdOf(params);
  const { db } = database();
  const exists = await db.selectFrom("providers").select("id").where("id", "=", providerId).executeTakeFirst();
  if (!exists) throw notFound();
  const submission = parseWithZod(await request.formData(), { schema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const value = submission.value;
  let done: string;
  let changed: boolean;
  switch (value.intent) {
    case "check":
    case "uncheck": {
      const checked = value.intent === "check";
      changed = await setVerification(db, staff, providerId, value.check as (typeof VERIFICATION_CHECKS)[number]["key"], checked);
      done = checked ? "aangevinkt" : "uitgevinkt";
      break;
    }
    case "note":
      await addIntakeNote(db, staff, providerId, value.note);
      changed = true;
      done = "notitie";
      break;
    case "suspend":
      changed = await suspendProvider(db, staff, providerId, value.suspendReason);
      done = "offline";
      break;
    case "republish":
      changed = await republishProvider(db, staff, providerId, config().baseUrl);
      done = "online";
      break;
    case "approve-video":
      changed = await approveProviderVideo(db, staff, providerId, config().uploadsDir);
      done = "video-goedgekeurd";
      break;
    case "reject-video":
      changed = await rejectProviderVideo(db, staff, providerId, value.rejectReason);
      done = "video-afgewezen";
      break;
  }
  return redirect(`/beheer/dienstverleners/${providerId}?gedaan=${changed ? done : "ongewijzigd"}`, 303);
}

const PROVIDER_STATUS: Record<string, string> = {
  draft: "In de aanmelding",
  awaiting_payment: "Wacht op betaling",
  live: "Online",
  paused: "Gepauzeerd",
  suspended: "Offline gezet door Vivium",
};
const PACKAGE_NAME = Object.fromEntries(PACKAGES.map((p) => [p.key, p.name]));
const yesNo = (value: number | null) => (value === null ? "niet ingevuld" : value ? "ja" : "nee");

type Detail = NonNullable<Awaited<ReturnType<typeof providerDetailForStaff>>>;

/** The provider's payments for staff: a note where a payment activated no package, and a link to each invoice. */
function paymentColumns(providerId: number, invoices: Detail["invoices"]): PaymentsColumn<Detail["payments"][number]>[] {
  return [
    { heading: "Omschrijving", cell: (payment) => payment.description },
    { heading: "Bedrag", className: "amount", cell: (payment) => formatEuro(payment.gross_cents) },
    {
      heading: "Status",
      cell: (payment) => (
        <>
          {PAYMENT_STATUS_LABEL[payment.status]}
          {payment.attention && !payment.attention_resolved_at ? (
            <strong>
              {" "}
              — let op: geen pakket geactiveerd. Terugbetalen of verrekenen, dan afhandelen bij <a href="/beheer/pakketten#attention-title">Pakketten</a>.
            </strong>
          ) : null}
          {payment.attention && payment.attention_resolved_at ? ` — geen pakket geactiveerd; afgehandeld: ${payment.attention_note ?? ""}` : null}
        </>
      ),
    },
    { heading: "Aangemaakt", cell: (payment) => <DateTime iso={payment.created_at} /> },
    {
      heading: "Factuur",
      cell: (payment) => {
        const invoice = invoices.find((i) => i.payment_id === payment.id);
        return invoice ? (
          <a href={`/beheer/dienstverleners/${providerId}/facturen/${invoice.number}`} download>
            Factuur {invoice.number} (PDF)
          </a>
        ) : (
          "—"
        );
      },
    },
  ];
}

export default function StaffProviderDetail() {
  const { detail } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const doneMessage = DONE[searchParams.get("gedaan") ?? ""];
  const form = formState(lastResult, {});
  const submittedIntent = form.text("intent");
  const errorsFor = (intent: string) => (submittedIntent === intent ? form.errors : undefined);
  const { provider: p } = detail;
  const live = p.status === "live" || p.status === "paused";
  const waitingVideo = detail.video.candidate?.status === "pending" ? detail.video.candidate : null;
  const address = (street: string | null, number: string | null, addition: string | null, postcode: string | null, city: string | null) =>
    [street, [number, addition].filter(Boolean).join(""), postcode, city].filter(Boolean).join(" ") || "niet ingevuld";

  return (
    <>
      <p>
        <Link to="/beheer/dienstverleners">← Alle dienstverleners</Link>
      </p>
      <h1>{detail.name}</h1>
      {doneMessage ? (
        <div className="notice notice--success" role="status">
          <p>
            <strong>{doneMessage}</strong>
          </p>
        </div>
      ) : null}
      <dl className="facts">
        <dt>Status</dt>
        <dd>
          {PROVIDER_STATUS[p.status] ?? p.status}
          {p.paused_at ? " (pauzeert zelf)" : ""}
        </dd>
        {p.slug && live ? (
          <>
            <dt>Profiel</dt>
            <dd>
              <Link to={`/dienstverlener/${p.slug}`}>/dienstverlener/{p.slug}</Link>
            </dd>
          </>
        ) : null}
        {p.status === "suspended" ? (
          <>
            <dt>Reden offline</dt>
            <dd>
              {p.suspended_reason}
              {p.suspended_at ? (
                <>
                  {" "}
                  (sinds <DateTime iso={p.suspended_at} />)
                </>
              ) : null}
            </dd>
          </>
        ) : null}
        <dt>Aangemeld</dt>
        <dd>
          <DateTime iso={p.created_at} />
        </dd>
      </dl>

      <section className="beheer-section" aria-labelledby="checks-title">
        <h2 id="checks-title">Controles</h2>
        <p>Aangevinkte controles staan op het openbare profiel onder &ldquo;Gezien door Vivium Services&rdquo;.</p>
        <ul className="beheer-checks">
          {detail.checks.map((check) => (
            <li key={check.key}>
              <span>
                <strong>{check.label}</strong>:{" "}
                {check.checkedAt ? (
                  <>
                    ja, door {check.checkedBy} op <DateTime iso={check.checkedAt} />
                  </>
                ) : (
                  "nog niet"
                )}
              </span>
              <Form method="post" className="beheer-inline-form">
                <input type="hidden" name="check" value={check.key} />
                <button type="submit" name="intent" value={check.checkedAt ? "uncheck" : "check"} className={check.checkedAt ? "button--secondary" : undefined}>
                  {check.checkedAt ? `Uitvinken: ${check.label}` : `Aanvinken: ${check.label}`}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      </section>

      <section className="beheer-section" aria-labelledby="video-title">
        <h2 id="video-title">Voorstelvideo</h2>
        {detail.video.approved ? (
          <p>
            Goedgekeurde video op het profiel sinds {detail.video.approved.reviewedAt ? <DateTime iso={detail.video.approved.reviewedAt} /> : "onbekend"}.
          </p>
        ) : (
          <p>Er staat geen goedgekeurde video op het profiel.</p>
        )}
        {waitingVideo ? (
          <>
            <p>
              Er wacht een nieuwe video op goedkeuring (opgenomen op <DateTime iso={waitingVideo.createdAt} />
              ).
            </p>
            <video controls preload="metadata" src={`/video/${waitingVideo.id}`} className="beheer-video">
              <track kind="captions" src={`/video/${waitingVideo.id}/ondertiteling`} srcLang="nl" label="Nederlands" />
            </video>
            <Form method="post">
              <button type="submit" name="intent" value="approve-video">
                Video goedkeuren
              </button>
            </Form>
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="reject-video" />
              <ErrorSummary errors={errorsFor("reject-video")} labels={{ rejectReason: labels.rejectReason }} />
              <TextArea
                name="rejectReason"
                label={labels.rejectReason}
                hint="De dienstverlener ziet deze reden bij de video en kan een nieuwe opnemen."
                error={submittedIntent === "reject-video" ? form.error("rejectReason") : undefined}
                defaultValue={submittedIntent === "reject-video" ? form.text("rejectReason") : ""}
                rows={3}
              />
              <button type="submit" className="button--secondary">
                Video afwijzen
              </button>
            </Form>
          </>
        ) : detail.video.candidate?.status === "rejected" ? (
          <p>De laatste video is afgewezen: {detail.video.candidate.rejectionReason}</p>
        ) : (
          <p>Er wacht geen video op goedkeuring.</p>
        )}
      </section>

      <section className="beheer-section" aria-labelledby="publish-title">
        <h2 id="publish-title">Online of offline</h2>
        {live ? (
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="suspend" />
            <ErrorSummary errors={errorsFor("suspend")} labels={{ suspendReason: labels.suspendReason }} />
            <TextArea
              name="suspendReason"
              label={labels.suspendReason}
              hint="De dienstverlener krijgt deze reden per e-mail. Het profiel verdwijnt meteen uit de zoekresultaten."
              error={submittedIntent === "suspend" ? form.error("suspendReason") : undefined}
              defaultValue={submittedIntent === "suspend" ? form.text("suspendReason") : ""}
              rows={3}
            />
            <button type="submit">Offline zetten</button>
          </Form>
        ) : p.status === "suspended" ? (
          <Form method="post">
            <p>Het profiel staat offline. Weer online zetten maakt het meteen weer vindbaar.</p>
            <button type="submit" name="intent" value="republish">
              Weer online zetten
            </button>
          </Form>
        ) : (
          <p>Deze dienstverlener staat nog niet online: dat gebeurt zodra de aanmelding is betaald.</p>
        )}
      </section>

      <section className="beheer-section" aria-labelledby="notes-title">
        <h2 id="notes-title">Intakenotities</h2>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="note" />
          <ErrorSummary errors={errorsFor("note")} labels={{ note: labels.note }} />
          <TextArea
            name="note"
            label={labels.note}
            hint="Bijvoorbeeld wat er in het kennismakingsgesprek is besproken."
            error={submittedIntent === "note" ? form.error("note") : undefined}
            defaultValue={submittedIntent === "note" ? form.text("note") : ""}
            rows={4}
            maxCharacters={MAX_NOTE_LENGTH}
          />
          <button type="submit">Notitie opslaan</button>
        </Form>
        {detail.notes.length === 0 ? (
          <p>Nog geen notities.</p>
        ) : (
          <ul className="beheer-notes">
            {detail.notes.map((note) => (
              <li key={note.id}>
                <p>
                  <strong>{note.staff_name}</strong>, <DateTime iso={note.created_at} />
                </p>
                <p className="beheer-note-body">{note.body}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="beheer-section" aria-labelledby="details-title">
        <h2 id="details-title">Gegevens</h2>
        <dl className="facts">
          <dt>E-mailadres</dt>
          <dd>
            <a href={`mailto:${p.email}`}>{p.email}</a>
          </dd>
          <dt>Telefoon</dt>
          <dd>{p.phone ? <a href={`tel:${p.phone}`}>{formatPhone(p.phone)}</a> : "niet ingevuld"}</dd>
          <dt>Geslacht</dt>
          <dd>{p.gender ?? "niet ingevuld"}</dd>
          <dt>Geboortedatum</dt>
          <dd>{p.birth_date ? formatDutchDate(p.birth_date) : "niet ingevuld"}</dd>
          <dt>Woonadres</dt>
          <dd>{address(p.home_street, p.home_house_number, p.home_addition, p.home_postcode, p.home_city)}</dd>
          <dt>Ingeschreven bij KvK</dt>
          <dd>{yesNo(p.has_kvk)}</dd>
          <dt>Bedrijfsnaam</dt>
          <dd>{p.company_name ?? "niet ingevuld"}</dd>
          <dt>KvK-nummer</dt>
          <dd>{p.kvk_number ?? "niet ingevuld"}</dd>
          <dt>Werkadres</dt>
          <dd>{p.has_work_address ? address(p.work_street, p.work_house_number, p.work_addition, p.work_postcode, p.work_city) : "geen apart werkadres"}</dd>
          <dt>Categorieën</dt>
          <dd>{detail.categories.map((c) => c.name + (c.retired_at ? " (uitgefaseerd)" : "")).join(", ") || "geen"}</dd>
          <dt>Diensten</dt>
          <dd>{detail.services.map((s) => `${s.name} (${formatEuro(s.price_cents)} per ${s.unit === "hour" ? "uur" : "keer"})`).join(", ") || "geen"}</dd>
          <dt>Werkgebied</dt>
          <dd>
            {detail.coverage
              ? detail.coverage.mode === "nationwide"
                ? "heel Nederland"
                : detail.coverage.mode === "radius"
                  ? `straal van ${detail.coverage.radius_km} km`
                  : "gekozen plaatsen"
              : "niet ingevuld"}
          </dd>
        </dl>
      </section>

      <section className="beheer-section" aria-labelledby="steps-title">
        <h2 id="steps-title">Voortgang van de aanmelding</h2>
        <ol>
          {detail.steps.map((step) => (
            <li key={step.key}>
              {step.label}: {step.done ? "klaar" : "nog niet"}
            </li>
          ))}
        </ol>
      </section>

      <section className="beheer-section" aria-labelledby="payments-title">
        <h2 id="payments-title">Betalingen, pakketten en facturen</h2>
        <PaymentsTable
          rows={detail.payments}
          rowKey={(payment) => payment.id}
          columns={paymentColumns(p.id, detail.invoices)}
          empty="Nog geen betalingen."
          tableClassName="beheer-table"
          caption="Betalingen"
        />
        {detail.packages.length > 0 ? (
          <ul>
            {detail.packages.map((pkg) => (
              <li key={pkg.id}>
                {PACKAGE_NAME[pkg.package] ?? pkg.package}, {formatEuro(pkg.price_cents)}, {pkg.starts_on} tot {pkg.ends_on} ({pkg.status})
              </li>
            ))}
          </ul>
        ) : (
          <p>Geen promotiepakket.</p>
        )}
      </section>

      <section className="beheer-section" aria-labelledby="requests-title">
        <h2 id="requests-title">Aanvragen van klanten</h2>
        {detail.requests.length === 0 ? (
          <p>Nog geen aanvragen.</p>
        ) : (
          <TableScroll label="Aanvragen">
            <table className="beheer-table">
              <caption className="visually-hidden">Aanvragen</caption>
              <thead>
                <tr>
                  <th scope="col">Klant</th>
                  <th scope="col">Ontvangen</th>
                  <th scope="col">Status</th>
                  <th scope="col">Te laat</th>
                </tr>
              </thead>
              <tbody>
                {detail.requests.map((r) => (
                  <tr key={r.id}>
                    <td>{r.customer_name}</td>
                    <td>
                      <DateTime iso={r.created_at} />
                    </td>
                    <td>{REQUEST_STATUS_LABELS[r.status]}</td>
                    <td>{r.overdue_at && r.status === "new" ? "ja" : "nee"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>

      <section className="beheer-section" aria-labelledby="reviews-title">
        <h2 id="reviews-title">Beoordelingen</h2>
        {detail.reviews.length === 0 ? (
          <p>Nog geen beoordelingen.</p>
        ) : (
          <ul>
            {detail.reviews.map((review) => (
              <li key={review.id}>
                {review.rating} van 5 door {review.display_name} (<DateTime iso={review.created_at} />)
                {review.hidden_at ? `, verborgen: ${review.hidden_reason ?? ""}` : ""}: {review.body}
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to="/beheer/beoordelingen">Beoordelingen beheren</Link>
        </p>
      </section>

      <section className="beheer-section" aria-labelledby="log-title">
        <h2 id="log-title">Logboek van deze dienstverlener</h2>
        <AuditTable entries={detail.audit} caption={`Logboek van ${detail.name}`} showProvider={false} />
        <p>
          <Link to={`/beheer/logboek?dienstverlener=${p.id}`}>Open in het logboek</Link>
        </p>
      </section>
    </>
  );
}
