import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import type { PaymentStatus, ProviderPackageStatus } from "#db/schema";
import { PackageDueNotice } from "~/components/package-due-notice";
import { PaymentsTable, type PaymentsColumn } from "~/components/payments-table";
import { CONTACT } from "~/domain/contact";
import { formatDutchDate } from "~/domain/age";
import { formatEuro } from "~/domain/money";
import { PAYMENT_STATUS_LABEL } from "~/domain/payment-status";
import { paymentOutcome } from "~/domain/payments";
import { starsLabel, waitsForProviderPayment } from "~/domain/packages";
import { database } from "~/server/db.server";
import { listInvoices } from "~/server/invoices.server";
import { listProviderPayments, type PaymentListItem } from "~/server/payment-history.server";
import { packageOverview, payPackage, type PackageAwaitingPayment, type ProviderPackage } from "~/server/packages.server";
import { findProviderPayment, PaymentGatewayError, paymentPath, refreshPayment } from "~/server/payments.server";
import { requireProvider } from "~/server/session.server";

export const meta: MetaFunction = () => [{ title: "Pakket en facturen — Mijn omgeving — Vivium Services" }];

const PAGE = "/backoffice/pakket";

export async function loader({ request }: LoaderFunctionArgs) {
  const providerId = await requireProvider(request);
  const { db } = database();
  const overview = await packageOverview(db, providerId);
  // Mollie is asked about payments still under way, so a payment whose webhook is late shows as paid.
  let changed = false;
  for (const pkg of overview.awaitingPayment) {
    if (!pkg.payment || paymentOutcome(pkg.payment.status) !== "waiting") continue;
    const stored = await findProviderPayment(db, providerId, pkg.payment.publicId);
    if (stored) changed = (await refreshPayment(db, stored, "poll")).status !== stored.status || changed;
  }
  const packages = changed ? await packageOverview(db, providerId) : overview;
  return {
    packages: {
      ...packages,
      awaitingPayment: packages.awaitingPayment.map((pkg) => ({ ...pkg, statusPath: pkg.payment ? paymentPath(pkg.payment.publicId) : null })),
    },
    invoices: await listInvoices(db, providerId),
    payments: await listProviderPayments(db, providerId),
  };
}

/** "Betalen": on to Mollie's checkout for a package of the signed-in provider that awaits payment. */
export async function action({ request }: ActionFunctionArgs) {
  const providerId = await requireProvider(request);
  const form = await request.formData();
  const id = Number(form.get("pakket"));
  if (!Number.isSafeInteger(id) || id <= 0) return redirect(PAGE, 303);
  try {
    // Null for a package that is not this provider's or no longer awaits payment: back to the page, which shows what is true now.
    return redirect((await payPackage(database().db, providerId, id)) ?? PAGE, 303);
  } catch (error) {
    if (!(error instanceof PaymentGatewayError)) throw error;
    return data(
      { error: "Het lukt op dit moment niet om de betaling te starten. Er is niets afgeschreven. Probeer het over een paar minuten opnieuw." },
      { status: 503 },
    );
  }
}

const STATUS_LABEL: Record<ProviderPackageStatus, string> = {
  active: "Actief",
  awaiting_payment: "Wacht op betaling",
  expired: "Verlopen",
  cancelled: "Geannuleerd",
};

// Staff's assignment already starts a payment, so an open one is the normal state and needs no note.
const PAYMENT_NOTE: Partial<Record<PaymentStatus, string>> = {
  pending: "Uw bank verwerkt uw betaling nog. U hoeft niet opnieuw te betalen.",
  authorized: "Uw bank verwerkt uw betaling nog. U hoeft niet opnieuw te betalen.",
  failed: "Uw vorige betaling is niet gelukt. Er is niets afgeschreven. U kunt opnieuw betalen.",
  canceled: "U heeft uw vorige betaling geannuleerd. Er is niets afgeschreven. U kunt opnieuw betalen.",
  expired: "Uw vorige betaling is verlopen, omdat die niet op tijd werd afgerond. Er is niets afgeschreven. U kunt opnieuw betalen.",
  paid: "Uw betaling is ontvangen. Het pakket wordt zo actief.",
};

const PAYMENT_COLUMNS: PaymentsColumn<PaymentListItem>[] = [
  { heading: "Datum", cell: (payment) => formatDutchDate(payment.date) },
  { heading: "Omschrijving", cell: (payment) => payment.description },
  { heading: "Bedrag", cell: (payment) => <Euro cents={payment.grossCents} /> },
  { heading: "Status", cell: (payment) => PAYMENT_STATUS_LABEL[payment.status] },
  {
    heading: "Factuur",
    cell: (payment) =>
      payment.invoiceNumber ? (
        <a href={`/backoffice/facturen/${payment.invoiceNumber}`}>
          Factuur {payment.invoiceNumber}
          <span className="visually-hidden"> (PDF)</span>
        </a>
      ) : payment.status === "paid" ? (
        "Volgt binnenkort"
      ) : (
        "Geen factuur"
      ),
  },
];

const period = (pkg: ProviderPackage) => `${formatDutchDate(pkg.startsOn)} tot en met ${formatDutchDate(pkg.endsOn)}`;

export default function PackageAndInvoices() {
  const { packages, invoices, payments } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { current, upcoming, awaitingPayment } = packages;
  const nothing = !current && upcoming.length === 0 && awaitingPayment.length === 0;
  return (
    <>
      <h1>Pakket en facturen</h1>
      {actionData?.error ? (
        <div className="error-summary" role="alert">
          <h2>De betaling is niet gestart</h2>
          <p>{actionData.error}</p>
        </div>
      ) : null}

      <PackageDueNotice
        packages={awaitingPayment.filter((pkg) => waitsForProviderPayment(pkg.payment?.status ?? null))}
        payPath={(pkg) => `#te-betalen-${pkg.id}`}
      />

      <section aria-labelledby="pakket-titel">
        <h2 id="pakket-titel">Uw promotiepakket</h2>
        {nothing ? (
          <>
            <p>U heeft nog geen pakket; wij bellen u om te bespreken welk pakket bij u past.</p>
            <p>
              <Link to="/pakketten">Bekijk alvast welke pakketten er zijn</Link>
            </p>
          </>
        ) : null}
        {current ? (
          <PackageBox pkg={current} heading="Huidig pakket">
            <Fact label="Looptijd" value={period(current)} />
            <Fact label="Status" value={STATUS_LABEL[current.status]} />
          </PackageBox>
        ) : null}
        {upcoming.map((pkg) => (
          <PackageBox key={pkg.id} pkg={pkg} heading="Volgende periode">
            <Fact label="Looptijd" value={period(pkg)} />
            <Fact label="Status" value={`Betaald; gaat in op ${formatDutchDate(pkg.startsOn)}`} />
          </PackageBox>
        ))}
        {awaitingPayment.map((pkg) => (
          <DuePackage key={pkg.id} pkg={pkg} />
        ))}
      </section>

      <section aria-labelledby="betalingen-titel">
        <h2 id="betalingen-titel">Betalingen</h2>
        <PaymentsTable
          rows={payments}
          rowKey={(payment) => payment.publicId}
          columns={PAYMENT_COLUMNS}
          empty="U heeft nog geen betalingen."
          tableClassName="payments-table"
          regionLabelledBy="betalingen-titel"
        />
      </section>

      <section aria-labelledby="facturen-titel">
        <h2 id="facturen-titel">Facturen</h2>
        {invoices.length === 0 ? (
          <p>U heeft nog geen facturen. Van elke betaling krijgt u hier een factuur.</p>
        ) : (
          <ul className="invoice-list">
            {invoices.map((invoice) => (
              <li key={invoice.number}>
                <p>
                  <strong>Factuur {invoice.number}</strong> van {formatDutchDate(invoice.issuedOn)}
                  <br />
                  {invoice.description}: <Euro cents={invoice.grossCents} />
                </p>
                {/* A plain link: the PDF is a download, not a page of this app. */}
                <a href={`/backoffice/facturen/${invoice.number}`}>
                  Download PDF<span className="visually-hidden"> van factuur {invoice.number}</span>
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>

      <p>
        Vragen over uw pakket of een factuur? Bel ons op <a href={CONTACT.phoneHref}>{CONTACT.phone}</a>, {CONTACT.hours}.
      </p>
    </>
  );
}

type PackageBoxProps = { pkg: ProviderPackage; heading: string; due?: boolean; children: ReactNode; footer?: ReactNode };

function PackageBox({ pkg, heading, due = false, children, footer }: PackageBoxProps) {
  return (
    // A package to pay has an address of its own: the notices about it link here.
    <div className={due ? "package-box package-box--due" : "package-box"} id={due ? `te-betalen-${pkg.id}` : undefined}>
      <h3>
        {heading}: {pkg.name}
      </h3>
      <p className="stars">
        <span aria-hidden="true">{"★".repeat(pkg.stars)}</span>
        <span className="visually-hidden">{starsLabel(pkg.stars)}</span>
      </p>
      <dl className="facts">{children}</dl>
      {footer}
    </div>
  );
}

/** An amount that never breaks between "€" and the number. */
function Euro({ cents }: { cents: number }) {
  return <span className="amount">{formatEuro(cents)}</span>;
}

function Fact({ label, value }: { label: string; value: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}

function DuePackage({ pkg }: { pkg: PackageAwaitingPayment & { statusPath: string | null } }) {
  const busy = useNavigation().state !== "idle";
  const status = pkg.payment?.status;
  const note = status ? PAYMENT_NOTE[status] : undefined;
  // While the bank is busy a second payment could be paid twice: only the payment's own status page is offered.
  const atBank = status === "pending" || status === "authorized";
  const footer = (
    <>
      {note ? <p>{note}</p> : null}
      {atBank && pkg.statusPath ? (
        <p>
          <Link to={pkg.statusPath}>Bekijk de status van uw betaling</Link>
        </p>
      ) : null}
      {atBank || status === "paid" ? null : (
        <Form method="post">
          <input type="hidden" name="pakket" value={pkg.id} />
          <button type="submit" disabled={busy}>
            {/* One text node: the button is a flex box, which would space out an element inside it. */}
            {`Betalen met iDEAL (${formatEuro(pkg.amountCents).replace(" ", "\u00a0")})`}<span className="visually-hidden"> voor het {pkg.name}</span>
          </button>
        </Form>
      )}
    </>
  );
  return (
    <PackageBox pkg={pkg} heading="Nog te betalen" due footer={footer}>
      <Fact label="Looptijd" value={period(pkg)} />
      <Fact label="Status" value={STATUS_LABEL[pkg.status]} />
      <Fact
        label="Prijs per jaar"
        value={
          <>
            <Euro cents={pkg.priceCents} /> (inclusief btw)
          </>
        }
      />
      {pkg.creditCents > 0 ? (
        <Fact
          label="Al betaald"
          value={
            <>
              <Euro cents={pkg.creditCents} /> administratiekosten bij uw aanmelding
            </>
          }
        />
      ) : null}
      <Fact label="Te betalen" value={<Euro cents={pkg.amountCents} />} />
    </PackageBox>
  );
}
