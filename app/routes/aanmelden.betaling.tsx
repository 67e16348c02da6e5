import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CONTACT } from "~/domain/contact";
import { StepPage } from "~/components/wizard";
import { formatEuro, vatBreakdown } from "~/domain/money";
import { ADMINISTRATION_FEE_CENTS, paymentOutcome, type PaymentOutcome } from "~/domain/payments";
import {
  hasPaidAdminFee,
  latestAdminFeePayment,
  PaymentGatewayError,
  paymentPath,
  refreshPayment,
  startAdminFeePayment,
} from "~/server/payments.server";
import { requireWizardStep } from "~/server/wizard.server";
import type { WizardHandle } from "./aanmelden";

export const handle: WizardHandle = { step: "betaling" };
export const meta: MetaFunction = () => [{ title: "Stap 7: Betaling — Aanmelden — Vivium Services" }];

const VOLTOOIING = "/aanmelden/voltooiing";

export async function loader({ request }: LoaderFunctionArgs) {
  const { db, providerId } = await requireWizardStep(request, "betaling");
  const latest = await latestAdminFeePayment(db, providerId);
  // Mollie is asked, so a payment whose webhook has not arrived yet is not offered a second time.
  const current = latest ? await refreshPayment(db, latest, "poll") : null;
  if (await hasPaidAdminFee(db, providerId)) throw redirect(VOLTOOIING);
  return {
    fee: vatBreakdown(ADMINISTRATION_FEE_CENTS),
    previous: current ? { outcome: paymentOutcome(current.status), statusPath: paymentPath(current.public_id) } : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { db, providerId } = await requireWizardStep(request, "betaling");
  try {
    // Our own page first: it sends the browser on to iDEAL (see startPayment).
    return redirect(await startAdminFeePayment(db, providerId), 303);
  } catch (error) {
    if (!(error instanceof PaymentGatewayError)) throw error;
    return data(
      {
        error:
          "Het lukt op dit moment niet om de betaling te starten. Er is niets afgeschreven. Probeer het over een paar minuten opnieuw.",
      },
      { status: 503 },
    );
  }
}

const ENDED: Partial<Record<PaymentOutcome, string>> = {
  failed: "Uw vorige betaling is niet gelukt. Er is niets afgeschreven. U kunt hieronder opnieuw betalen.",
  canceled: "U heeft uw vorige betaling geannuleerd. Er is niets afgeschreven. U kunt hieronder opnieuw betalen.",
  expired: "Uw vorige betaling is verlopen, omdat die niet op tijd werd afgerond. Er is niets afgeschreven. U kunt hieronder opnieuw betalen.",
};

export default function BetalingStep() {
  const { fee, previous } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const ended = previous ? ENDED[previous.outcome] : undefined;
  return (
    <StepPage
      title="Stap 7: Betaling"
      intro={
        <p>
          Bijna klaar! U heeft alle gegevens ingevuld. Om uw profiel online te zetten, vragen wij een eenmalige
          administratieve bijdrage. Zodra u heeft betaald, staat uw profiel direct online.
        </p>
      }
    >
      {actionData?.error ? (
        <div className="error-summary" role="alert">
          <h2>De betaling is niet gestart</h2>
          <p>{actionData.error}</p>
        </div>
      ) : null}
      {ended ? (
        <div className="notice">
          <p>{ended}</p>
        </div>
      ) : null}
      {previous?.outcome === "waiting" ? (
        <div className="notice">
          <p>
            U bent al begonnen met betalen. Met de knop hieronder gaat u verder met die betaling; u betaalt niet twee keer.{" "}
            <Link to={previous.statusPath}>Bekijk de status van uw betaling</Link>
          </p>
        </div>
      ) : null}
      <table className="fee-table">
        <caption className="visually-hidden">Eenmalige administratiekosten</caption>
        <tbody>
          <tr>
            <th scope="row">Administratiekosten</th>
            <td>{formatEuro(fee.netCents)}</td>
          </tr>
          <tr>
            <th scope="row">Btw 21%</th>
            <td>{formatEuro(fee.vatCents)}</td>
          </tr>
          <tr>
            <th scope="row">Totaal</th>
            <td>
              <strong>{formatEuro(fee.grossCents)}</strong>
            </td>
          </tr>
        </tbody>
      </table>
      <p>
        U betaalt veilig met iDEAL, via uw eigen bank. Na het betalen komt u vanzelf terug op deze website. U ontvangt
        een factuur per e-mail. Vragen? Bel ons op <a href={CONTACT.phoneHref}>{CONTACT.phone}</a>.
      </p>
      <Form method="post">
        <div className="form-actions form-actions--wizard">
          <Link to="/aanmelden/diensten" className="button button--secondary">
            ← Vorige stap
          </Link>
          <button type="submit" disabled={busy}>
            Betalen met iDEAL ({formatEuro(fee.grossCents)}) →
          </button>
        </div>
      </Form>
    </StepPage>
  );
}
