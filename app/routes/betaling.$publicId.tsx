import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { CONTACT } from "~/domain/contact";
import { formatEuro } from "~/domain/money";
import { paymentOutcome } from "~/domain/payments";
import { database } from "~/server/db.server";
import {
  afterPaidPath,
  findProviderPayment,
  PaymentGatewayError,
  paymentPath,
  refreshPayment,
  retryPayment,
  type PaymentRow,
} from "~/server/payments.server";
import { requireProvider } from "~/server/session.server";

/**
 * Mollie sends the provider back here (the payment's redirectUrl). The page
 * asks Mollie itself, so it tells the truth also when the webhook has not
 * arrived yet. With `?start=1` it is the step between our form and iDEAL:
 * a form post may not be redirected to another site (CSP form-action), so
 * this page sends the browser on with an instant refresh and a link.
 */

type PageState = "start" | "waiting" | "failed" | "canceled" | "expired" | "not-started";

const TITLES: Record<PageState, string> = {
  start: "U gaat naar iDEAL",
  waiting: "We wachten op de bevestiging van uw bank",
  failed: "De betaling is niet gelukt",
  canceled: "De betaling is geannuleerd",
  expired: "De betaling is verlopen",
  "not-started": "De betaling is niet gestart",
};

const EXPLANATIONS: Record<Exclude<PageState, "start" | "waiting">, string> = {
  failed: "Uw bank heeft de betaling niet uitgevoerd. Er is niets van uw rekening afgeschreven.",
  canceled: "U heeft de betaling afgebroken. Er is niets van uw rekening afgeschreven.",
  expired: "De betaling is niet op tijd afgerond en daarom vervallen. Er is niets van uw rekening afgeschreven.",
  "not-started": "Er ging iets mis bij het starten van de betaling. Er is niets van uw rekening afgeschreven.",
};

/** Only Mollie's own web addresses are ever put in a link or refresh. */
function safeCheckoutUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}

function pageState(payment: PaymentRow, starting: boolean): PageState {
  if (!payment.mollie_id) return "not-started";
  const outcome = paymentOutcome(payment.status);
  if (outcome === "paid") throw redirect(afterPaidPath(payment));
  if (outcome === "waiting") return starting && payment.status === "open" && payment.checkout_url ? "start" : "waiting";
  return outcome;
}

/** The signed-in provider's own payment; anyone else's is not found. */
async function ownPayment(request: Request, publicId: string | undefined) {
  const providerId = await requireProvider(request);
  const { db } = database();
  const payment = publicId ? await findProviderPayment(db, providerId, publicId) : null;
  if (!payment) throw new Response("Deze betaling bestaat niet.", { status: 404 });
  return { db, payment };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, payment: stored } = await ownPayment(request, params.publicId);
  const payment = await refreshPayment(db, stored, "return");
  const starting = new URL(request.url).searchParams.has("start");
  const state = pageState(payment, starting);
  return {
    state,
    amount: formatEuro(payment.gross_cents),
    isAdminFee: payment.purpose === "admin_fee",
    checkoutUrl: payment.status === "open" ? safeCheckoutUrl(payment.checkout_url) : null,
    selfPath: paymentPath(payment.public_id),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => {
  if (!page) return [{ title: "Betaling — Vivium Services" }];
  const title = { title: `${TITLES[page.state]} — Vivium Services` };
  // An instant redirect (no delay) is no time limit; the link on the page does the same.
  return page.state === "start" && page.checkoutUrl ? [title, { httpEquiv: "refresh", content: `0;url=${page.checkoutUrl}` }] : [title];
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, payment: stored } = await ownPayment(request, params.publicId);
  const payment = await refreshPayment(db, stored, "return");
  if (payment.status === "paid") throw redirect(afterPaidPath(payment), 303);
  // Still open or with the bank: there is nothing to try again; the page says so.
  if (payment.mollie_id && paymentOutcome(payment.status) === "waiting") throw redirect(paymentPath(payment.public_id), 303);
  try {
    return redirect(await retryPayment(db, payment), 303);
  } catch (error) {
    if (!(error instanceof PaymentGatewayError)) throw error;
    return data(
      { error: "Het lukt op dit moment niet om een nieuwe betaling te starten. Probeer het over een paar minuten opnieuw." },
      { status: 503 },
    );
  }
}

/** With JavaScript the waiting page asks again every few seconds; without it, "Vernieuwen" does. */
function useRecheckWhileWaiting(waiting: boolean) {
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!waiting) return;
    const timer = window.setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, 5000);
    return () => window.clearInterval(timer);
  }, [waiting, revalidator]);
}

export default function PaymentReturnPage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  useRecheckWhileWaiting(page.state === "waiting");
  useEffect(() => {
    // The refresh in the head does this without JavaScript; after a client-side navigation it may not run.
    if (page.state === "start" && page.checkoutUrl) window.location.assign(page.checkoutUrl);
  }, [page.state, page.checkoutUrl]);

  const backLink = page.isAdminFee ? (
    <Link to="/aanmelden/betaling">Terug naar stap 7: Betaling</Link>
  ) : (
    <Link to="/backoffice/pakket">Terug naar uw pakket</Link>
  );

  return (
    <section aria-labelledby="payment-title" className="payment-page">
      <h1 id="payment-title">{TITLES[page.state]}</h1>

      {page.state === "start" ? (
        <>
          <p>
            U wordt doorgestuurd naar iDEAL om {page.amount} te betalen. Gebeurt er niets? Gebruik dan de knop hieronder.
          </p>
          {page.checkoutUrl ? (
            <p>
              <a href={page.checkoutUrl} className="button">
                Ga verder naar iDEAL →
              </a>
            </p>
          ) : null}
        </>
      ) : null}

      {page.state === "waiting" ? (
        <>
          <div className="notice" role="status">
            <p>
              Uw betaling van {page.amount} is nog niet bevestigd. Heeft u de betaling afgerond? Dan geeft uw bank dat
              meestal binnen een paar seconden aan ons door.
            </p>
          </div>
          <p>Deze pagina kijkt zelf opnieuw als JavaScript aan staat. U kunt ook op &ldquo;Vernieuwen&rdquo; klikken.</p>
          <div className="form-actions">
            <a href={page.selfPath} className="button">
              Vernieuwen
            </a>
            {page.checkoutUrl ? (
              <a href={page.checkoutUrl} className="button button--secondary">
                Nog niet betaald? Ga terug naar iDEAL
              </a>
            ) : null}
          </div>
        </>
      ) : null}

      {page.state === "failed" || page.state === "canceled" || page.state === "expired" || page.state === "not-started" ? (
        <>
          {actionData?.error ? (
            <div className="error-summary" role="alert">
              <h2>Er is geen nieuwe betaling gestart</h2>
              <p>{actionData.error}</p>
            </div>
          ) : null}
          <div className="notice">
            <p>{EXPLANATIONS[page.state]}</p>
          </div>
          <p>
            {page.isAdminFee
              ? `Uw gegevens zijn bewaard. Betaal de ${page.amount} opnieuw om uw profiel online te zetten.`
              : `Probeer het opnieuw om uw pakket te betalen (${page.amount}).`}
          </p>
          <Form method="post">
            <div className="form-actions">
              <button type="submit" disabled={busy}>
                Probeer opnieuw
              </button>
            </div>
          </Form>
        </>
      ) : null}

      <p>
        Vragen over uw betaling? Bel ons op <a href={CONTACT.phoneHref}>{CONTACT.phone}</a> ({CONTACT.hours}).
      </p>
      {page.state !== "start" ? <p>{backLink}</p> : null}
    </section>
  );
}
