import { parseWithZod } from "~/domain/form-submission";
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { Fragment } from "react";
import { ChoiceGroup, describedBy, ErrorSummary, FieldShell, TextField } from "~/components/form";
import { PaymentsTable, type PaymentsColumn } from "~/components/payments-table";
import { formatDutchDate } from "~/domain/age";
import { formatDay } from "~/domain/contact-request-status";
import { formatEuro } from "~/domain/money";
import { PACKAGES } from "~/domain/packages";
import { formatPhone, normalisePhone } from "~/domain/phone";
import { PAYMENT_STATUS_LABEL } from "~/domain/payment-status";
import { assignPackageSchema, packageLabels, packageReminderSchema, paymentAttentionSchema } from "~/domain/staff-forms";
import { config } from "~/server/config.server";
import { database } from "~/server/db.server";
import { PackageAssignmentError, packagesDueForRenewal } from "~/server/packages.server";
import {
  findAssignedPackage,
  packagePayments,
  type PackagePaymentLine,
  paymentsNeedingAttention,
  providersForPackages,
  resolvePaymentAttention,
  sendPackagePaymentReminder,
  staffAssignPackage,
} from "~/server/staff-packages.server";
import { requireStaff } from "~/server/staff-session.server";
import staffStyles from "~/styles/staff-modules.css?url";
import { log } from "~/server/log.server";

// beheer.css comes with the /beheer layout.
export const links: LinksFunction = () => [{ rel: "stylesheet", href: staffStyles }];
export const meta: MetaFunction = () => [{ title: "Pakketten — Beheer — Vivium Services" }];

const PAGE = "/beheer/pakketten";

const STATUS_LABEL = { draft: "in aanmelding", awaiting_payment: "wacht op betaling", live: "online", paused: "gepauzeerd", suspended: "geschorst" } as const;

/** A package payment with its amount, status and days as the tables show them. */
const paymentLine = (p: PackagePaymentLine) => ({
  ...p,
  amount: formatEuro(p.grossCents),
  statusLabel: PAYMENT_STATUS_LABEL[p.status],
  created: formatDay(p.createdAt),
  paid: p.paidAt ? formatDay(p.paidAt) : null,
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const { db } = database();
  const params = new URL(request.url).searchParams;
  const assignedId = Number(params.get("toegewezen"));
  const [providers, open, paid, renewals, assigned, attention] = await Promise.all([
    providersForPackages(db),
    packagePayments(db, "open"),
    packagePayments(db, "paid", 50),
    packagesDueForRenewal(db, 30),
    Number.isSafeInteger(assignedId) && assignedId > 0 ? findAssignedPackage(db, assignedId) : null,
    paymentsNeedingAttention(db),
  ]);
  return {
    providers: providers.map((p) => ({ id: p.id, label: `${p.name} (${p.email}, ${STATUS_LABEL[p.status]})` })),
    open: open.map(paymentLine),
    paid: paid.map(paymentLine),
    renewals: renewals.map((r) => ({ ...r, ends: formatDutchDate(r.endsOn) })),
    assigned: assigned
      ? {
          ...assigned,
          price: formatEuro(assigned.priceCents),
          credit: assigned.creditCents > 0 ? formatEuro(assigned.creditCents) : null,
          amount: formatEuro(assigned.amountCents),
          period: `${formatDutchDate(assigned.startsOn)} t/m ${formatDutchDate(assigned.endsOn)}`,
        }
      : null,
    reminded: params.get("herinnerd") === "1",
    resolved: params.get("afgehandeld") === "1",
    attention: attention.map((a) => ({ ...a, amount: formatEuro(a.grossCents), paid: a.paidAt ? formatDay(a.paidAt) : null })),
  };
}

type PaymentLine = ReturnType<typeof paymentLine>;

/** Both tables start with who pays for which package. */
const WHO_AND_WHAT: PaymentsColumn<PaymentLine>[] = [
  { heading: "Dienstverlener", cell: (p) => p.providerName },
  { heading: "Pakket", cell: (p) => p.packageName ?? "—" },
];

const OPEN_COLUMNS: PaymentsColumn<PaymentLine>[] = [
  ...WHO_AND_WHAT,
  { heading: "Bedrag", cell: (p) => p.amount },
  {
    heading: "Status",
    cell: (p) => (
      <>
        {p.statusLabel}
        {p.packageCancelled ? " (pakket vervangen; niet meer te betalen via onze site)" : ""}
      </>
    ),
  },
  { heading: "Aangemaakt", cell: (p) => p.created },
  {
    heading: "Herinnering",
    cell: (p) =>
      p.canRemind && p.providerPackageId !== null ? (
        <Form method="post">
          <input type="hidden" name="intent" value="remind" />
          <input type="hidden" name="providerPackageId" value={p.providerPackageId} />
          <button type="submit" className="button button--secondary">
            Herinnering sturen<span className="visually-hidden"> aan {p.providerName}</span>
          </button>
        </Form>
      ) : (
        "—"
      ),
  },
];

const PAID_COLUMNS: PaymentsColumn<PaymentLine>[] = [
  ...WHO_AND_WHAT,
  {
    heading: "Bedrag",
    cell: (p) => (
      <>
        {p.amount}
        {p.needsAttention ? <strong> — let op: geen pakket geactiveerd</strong> : null}
      </>
    ),
  },
  { heading: "Betaald op", cell: (p) => p.paid ?? p.created },
];

type Failure = { errors: Record<string, string>; values: Record<string, string> };

const ASSIGN_ERRORS: Record<string, [field: string, message: string]> = {
  "unknown-provider": ["providerId", "Kies een dienstverlener uit de lijst"],
  "price-required": ["price", "Vul de afgesproken prijs per jaar in"],
  "price-too-low": ["price", "Het Fee-pakket kost minstens € 500,00 per jaar"],
  "price-not-whole-cents": ["price", "Vul een bedrag in euro's en centen in"],
  "price-is-fixed": ["price", "Alleen bij het Fee-pakket vult u een prijs in; laat dit veld leeg"],
  "invalid-start-date": ["startsOn", "Vul een datum in zoals 1-3-2026"],
};

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const { db } = database();
  const form = await request.formData();
  if (form.get("intent") === "remind") {
    const submission = parseWithZod(form, { schema: packageReminderSchema });
    if (submission.status !== "success") throw new Response("Onbekend pakket", { status: 400 });
    if (!(await sendPackagePaymentReminder(db, staff, submission.value.providerPackageId, config().baseUrl))) {
      throw new Response("Dit pakket wacht niet op betaling", { status: 409 });
    }
    return redirect(`${PAGE}?herinnerd=1#open-title`, 303);
  }
  if (form.get("intent") === "resolve-payment") {
    const submission = parseWithZod(form, { schema: paymentAttentionSchema });
    const paymentId = String(form.get("paymentId") ?? "");
    if (submission.status !== "success") {
      const message = submission.reply().error?.note?.[0];
      if (!message) throw new Response("Onbekende betaling", { status: 400 });
      return data<Failure>({ errors: { form: message, [`note-${paymentId}`]: message }, values: { [`note-${paymentId}`]: String(form.get("note") ?? "") } }, { status: 400 });
    }
    await resolvePaymentAttention(db, staff, submission.value.paymentId, submission.value.note);
    return redirect(`${PAGE}?afgehandeld=1#attention-title`, 303);
  }

  const values = Object.fromEntries(["providerId", "package", "price", "startsOn"].map((name) => [name, String(form.get(name) ?? "")]));
  const submission = parseWithZod(form, { schema: assignPackageSchema });
  if (submission.status !== "success") {
    const errors: Record<string, string> = {};
    for (const [name, messages] of Object.entries(submission.reply().error ?? {})) if (messages?.[0] && name !== "intent") errors[name] = messages[0];
    return data<Failure>({ errors, values }, { status: 400 });
  }
  try {
    const assigned = await staffAssignPackage(db, staff, submission.value);
    return redirect(`${PAGE}?toegewezen=${assigned.providerPackageId}`, 303);
  } catch (error) {
    if (error instanceof PackageAssignmentError) {
      const [field, message] = ASSIGN_ERRORS[error.reason] ?? ["", "Dit pakket kan niet worden toegewezen"];
      return data<Failure>({ errors: { [field]: message }, values }, { status: 400 });
    }
    log.error("package assignment failed", error);
    return data<Failure>(
      { errors: { form: "De betaling kon niet worden aangemaakt (de betaaldienst antwoordt niet). Probeer het over een paar minuten opnieuw." }, values },
      { status: 503 },
    );
  }
}

export default function StaffPackages() {
  const { providers, open, paid, renewals, assigned, reminded, resolved, attention } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  // Each redirect after a form is a new page: the forms start again from what is saved.
  const location = useLocation();
  const errors = failed?.errors ?? {};
  const values = failed?.values ?? { providerId: searchParams.get("dienstverlener") ?? "", package: "", price: "", startsOn: "" };
  const providerError = errors.providerId;

  return (
    <Fragment key={location.key}>
      <h1>Pakketten</h1>
      <p className="lead">
        Wijs na het kennismakingsgesprek een promotiepakket toe. De dienstverlener krijgt een betaling voor de jaarprijs; bij het eerste pakket gaat
        de € 10,00 administratiekosten van de aanmelding eraf. Een pakket dat nog op betaling wacht, wordt vervangen door het nieuwe.
      </p>
      {!failed && assigned ? (
        <div className="notice notice--success" role="status">
          <p>
            {assigned.packageName} toegewezen aan {assigned.providerName}, {assigned.period}.
          </p>
          <p>
            Te betalen: <strong>{assigned.amount}</strong>
            {assigned.credit ? ` (${assigned.price} min ${assigned.credit} administratiekosten, al betaald bij de aanmelding)` : ` (${assigned.price} per jaar)`}. De
            dienstverlener betaalt op de pagina Pakket en facturen in de eigen omgeving.
          </p>
        </div>
      ) : null}
      {!failed && reminded ? (
        <div className="notice notice--success" role="status">
          <p>De betalingsherinnering staat klaar om te worden verstuurd.</p>
        </div>
      ) : null}
      {!failed && resolved ? (
        <div className="notice notice--success" role="status">
          <p>De betaling staat op afgehandeld.</p>
        </div>
      ) : null}
      {failed ? <ErrorSummary errors={Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, [v]]))} labels={packageLabels} /> : null}

      {attention.length > 0 ? (
        <section className="beheer-section" aria-labelledby="attention-title">
          <h2 id="attention-title">Betaald, maar geen pakket geactiveerd ({attention.length})</h2>
          <p>
            Deze betalingen kwamen binnen voor een pakket dat niet meer kon worden geactiveerd, meestal omdat het al was vervangen. Betaal het bedrag terug
            via het Mollie-dashboard of spreek met de dienstverlener af hoe het wordt verrekend, en zet de betaling dan op afgehandeld.
          </p>
          <ul className="staff-list">
            {attention.map((a) => (
              <li key={a.paymentId} className="staff-item">
                <h3 className="staff-item__title">
                  <a href={`/beheer/dienstverleners/${a.providerId}`}>{a.providerName}</a>: {a.amount} betaald{a.paid ? ` op ${a.paid}` : ""}
                </h3>
                <p>
                  {a.description}. Niets geactiveerd: {a.reason}.
                </p>
                <Form method="post" noValidate className="staff-form">
                  <input type="hidden" name="intent" value="resolve-payment" />
                  <input type="hidden" name="paymentId" value={a.paymentId} />
                  <TextField
                    name="note"
                    id={`note-${a.paymentId}`}
                    label="Wat is er met het geld gedaan?"
                    hint="Bijvoorbeeld: terugbetaald via Mollie op 3-3-2026."
                    defaultValue={failed?.values?.[`note-${a.paymentId}`] ?? ""}
                    error={errors[`note-${a.paymentId}`]}
                  />
                  <button type="submit" className="button button--secondary">
                    Afgehandeld<span className="visually-hidden"> ({a.providerName}, {a.amount})</span>
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section className="beheer-section" aria-labelledby="assign-title">
        <h2 id="assign-title">Pakket toewijzen of wijzigen</h2>
        <Form method="post" noValidate className="staff-form">
          <input type="hidden" name="intent" value="assign" />
          <FieldShell id="providerId" label={packageLabels.providerId} error={providerError}>
            <select
              id="providerId"
              name="providerId"
              defaultValue={values.providerId}
              aria-invalid={providerError ? true : undefined}
              aria-describedby={describedBy("providerId", null, providerError)}
            >
              <option value="">Kies een dienstverlener</option>
              {providers.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
          </FieldShell>
          <ChoiceGroup
            name="package"
            type="radio"
            legend={packageLabels.package}
            error={errors.package}
            selected={values.package ? [values.package] : []}
            options={PACKAGES.map((p) => ({
              value: p.key,
              label: `${p.name}: ${p.priceIsMinimum ? `vanaf ${formatEuro(p.priceCents)}` : formatEuro(p.priceCents)} per jaar`,
            }))}
          />
          <TextField
            name="price"
            label={packageLabels.price}
            hint="De afgesproken prijs per jaar inclusief btw, minstens € 500,00. Laat leeg bij de andere pakketten."
            inputMode="decimal"
            className="input--short"
            defaultValue={values.price}
            error={errors.price}
          />
          <TextField
            name="startsOn"
            label={packageLabels.startsOn}
            hint="Bijvoorbeeld 1-3-2026. Leeg: vandaag. Het pakket loopt een jaar."
            className="input--short"
            defaultValue={values.startsOn}
            error={errors.startsOn}
          />
          <button type="submit" className="button">
            Pakket toewijzen
          </button>
        </Form>
      </section>

      <section className="beheer-section" aria-labelledby="open-title">
        <h2 id="open-title">Openstaande pakketbetalingen ({open.length})</h2>
        <PaymentsTable
          rows={open}
          rowKey={(p) => p.paymentId}
          columns={OPEN_COLUMNS}
          empty="Er staan geen pakketbetalingen open."
          tableClassName="beheer-table"
          scrollClassName="staff-table-scroll"
          regionLabelledBy="open-title"
        />
      </section>

      <section className="beheer-section" aria-labelledby="renewal-title">
        <h2 id="renewal-title">Verlengen binnen 30 dagen ({renewals.length})</h2>
        {renewals.length === 0 ? (
          <p>Er lopen de komende 30 dagen geen pakketten af.</p>
        ) : (
          <ul className="staff-list">
            {renewals.map((r) => (
              <li key={r.providerPackageId} className="staff-item">
                <h3 className="staff-item__title">
                  {r.providerName}: {r.name} loopt af op {r.ends}
                </h3>
                <p>
                  <a href={`mailto:${r.email}`}>{r.email}</a>
                  {r.phone ? (
                    <>
                      {" · "}
                      <a href={`tel:${normalisePhone(r.phone) ?? r.phone}`}>{formatPhone(r.phone)}</a>
                    </>
                  ) : null}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="beheer-section" aria-labelledby="paid-title">
        <h2 id="paid-title">Betaalde pakketten (laatste {paid.length})</h2>
        <PaymentsTable
          rows={paid}
          rowKey={(p) => p.paymentId}
          columns={PAID_COLUMNS}
          empty="Er zijn nog geen pakketten betaald."
          tableClassName="beheer-table"
          scrollClassName="staff-table-scroll"
          regionLabelledBy="paid-title"
        />
      </section>
    </Fragment>
  );
}
