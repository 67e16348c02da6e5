import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { EMAIL_CHANGE_PROBLEM, type EmailChangeLinkState } from "~/domain/account";
import { CONTACT } from "~/domain/contact";
import { checkEmailChangeLink, confirmEmailChange } from "~/server/account.server";
import { database } from "~/server/db.server";
import { destroyProviderSession } from "~/server/session.server";

export const meta: MetaFunction = () => [{ title: "Nieuw e-mailadres bevestigen — Vivium Services" }];

// The token is in the address: it must not leave for another site in a Referer header, or stay in a cache.
// Not "no-referrer": that makes browsers send `Origin: null` with the form, which the CSRF check refuses.
export const headers: HeadersFunction = () => ({ "Referrer-Policy": "same-origin", "Cache-Control": "no-store" });

type Outcome = EmailChangeLinkState | "taken";
const STATUS: Record<Outcome, number> = { valid: 200, expired: 410, used: 410, ended: 410, taken: 409, unknown: 404 };

// Opening the link changes nothing: mail programs and virus scanners open links by themselves. The button does it.
export async function loader({ params }: LoaderFunctionArgs) {
  const { state, newEmail } = await checkEmailChangeLink(database().db, params.token ?? "");
  return data({ state: state as Outcome, newEmail }, { status: STATUS[state] });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const outcome = await confirmEmailChange(database().db, params.token ?? "");
  if (outcome !== "valid") return data({ state: outcome }, { status: STATUS[outcome] });
  // Every session of this provider has ended; this browser's cookie goes too.
  return destroyProviderSession(request, "/inloggen?e-mailadres=gewijzigd");
}

export default function ConfirmEmailChange() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const state: Outcome = actionData?.state ?? loaderData.state;

  if (state !== "valid") {
    return (
      <>
        <h1>Deze link werkt niet meer</h1>
        <p>{EMAIL_CHANGE_PROBLEM[state]}</p>
        <p>
          U logt in met het e-mailadres dat u tot nu toe gebruikte. Wilt u uw e-mailadres nog steeds wijzigen? Log dan in en
          vraag bij E-mailadres en wachtwoord een nieuwe link aan.
        </p>
        <p>
          <Link to="/inloggen" className="button">
            Inloggen
          </Link>
        </p>
        <p>
          Lukt het niet? Bel ons op <a href={CONTACT.phoneHref}>{CONTACT.phone}</a>, {CONTACT.hours}.
        </p>
      </>
    );
  }

  return (
    <>
      <h1>Nieuw e-mailadres bevestigen</h1>
      <p>
        Wordt <strong>{loaderData.newEmail}</strong> uw nieuwe e-mailadres? Daarna logt u in met dit e-mailadres en uw
        wachtwoord. Voor uw veiligheid wordt u dan op alle apparaten uitgelogd.
      </p>
      <Form method="post">
        <div className="form-actions">
          <button type="submit">Ja, dit is mijn nieuwe e-mailadres</button>
        </div>
      </Form>
      <p>
        Is dit niet uw e-mailadres, of heeft u dit niet zelf gevraagd? Dan hoeft u niets te doen: er verandert niets.
      </p>
    </>
  );
}
