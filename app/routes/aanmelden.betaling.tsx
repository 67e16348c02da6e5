import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { StepPage } from "~/components/wizard";
import { formatEuro, vatBreakdown } from "~/domain/money";
import { CONTACT } from "~/components/site-layout";
import { requireWizardStep } from "~/server/wizard.server";
import type { WizardHandle } from "./aanmelden";

export const handle: WizardHandle = { step: "betaling" };
export const meta: MetaFunction = () => [{ title: "Stap 7: Betaling — Aanmelden — Vivium Services" }];

/** The one-off administration fee, gross, in cents. */
const ADMINISTRATION_FEE_CENTS = 1000;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireWizardStep(request, "betaling");
  return { fee: vatBreakdown(ADMINISTRATION_FEE_CENTS) };
}

// Online payment through Mollie arrives with the payments work; until then this
// step explains the fee and that it follows, so the provider knows where they are.
export default function BetalingStep() {
  const { fee } = useLoaderData<typeof loader>();
  return (
    <StepPage
      title="Stap 7: Betaling"
      intro={
        <p>
          Bijna klaar! U heeft alle gegevens ingevuld. Om uw profiel online te zetten, vragen wij een eenmalige
          administratieve bijdrage.
        </p>
      }
    >
      <table className="fee-table">
        <caption className="visually-hidden">Administratiekosten</caption>
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
            <th scope="row">Totaal inclusief btw</th>
            <td>
              <strong>{formatEuro(fee.grossCents)}</strong>
            </td>
          </tr>
        </tbody>
      </table>
      <div className="notice">
        <p>
          <strong>De betaalstap volgt binnenkort.</strong> Online betalen met iDEAL is nog niet beschikbaar. Uw gegevens
          zijn bewaard; u krijgt bericht zodra u kunt betalen. Vragen? Bel ons op{" "}
          <a href={CONTACT.phoneHref}>{CONTACT.phone}</a>.
        </p>
      </div>
    </StepPage>
  );
}
