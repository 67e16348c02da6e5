import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { formatMoment } from "~/domain/contact-request-status";
import { parseWithZod } from "~/domain/form-submission";
import { formatPhone } from "~/domain/phone";
import { searchHelpHandledSchema } from "~/domain/search-help";
import { database } from "~/server/db.server";
import { findHandledSearchHelpRequest, listOpenSearchHelpRequests, markSearchHelpRequestHandled } from "~/server/search-help.server";
import { requireStaff } from "~/server/staff-session.server";
import staffStyles from "~/styles/staff-modules.css?url";
import { openSearchHelpSentence } from "~/domain/count-messages";

// beheer.css comes with the /beheer layout.
export const links: LinksFunction = () => [{ rel: "stylesheet", href: staffStyles }];
export const meta: MetaFunction = () => [{ title: "Hulpvragen — Beheer — Vivium Services" }];

const PAGE = "/beheer/hulpvragen";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const { db } = database();
  const handledParam = new URL(request.url).searchParams.get("afgehandeld") ?? "";
  const handled = /^\d{1,9}$/.test(handledParam) ? await findHandledSearchHelpRequest(db, Number(handledParam)) : null;
  const open = await listOpenSearchHelpRequests(db);
  return {
    handled: handled ? { name: handled.name, by: handled.handledBy, when: formatMoment(handled.handledAt) } : null,
    requests: open.map((r) => ({
      id: r.id,
      name: r.name,
      phone: { label: formatPhone(r.phone), href: `tel:${r.phone}` },
      what: r.what,
      place: r.place,
      received: formatMoment(r.createdAt),
      receivedIso: r.createdAt,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const submission = parseWithZod(await request.formData(), { schema: searchHelpHandledSchema });
  if (submission.status !== "success") throw new Response("Onbekende hulpvraag", { status: 400 });
  const { requestId } = submission.value;
  if ((await markSearchHelpRequestHandled(database().db, staff, requestId)) === "not-found") throw new Response("Niet gevonden", { status: 404 });
  // Also when a colleague was just ahead: the message says who handled it.
  return redirect(`${PAGE}?afgehandeld=${requestId}`, 303);
}

export default function SearchHelpRequests() {
  const { handled, requests } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Hulpvragen</h1>
      <p className="lead">
        Klanten die via de site niemand vonden, vragen hier om hulp bij het zoeken. Bel ze terug en zoek samen een dienstverlener. Zet de vraag
        daarna op afgehandeld.
      </p>
      {handled ? (
        <div className="notice notice--success" role="status">
          <p>
            De hulpvraag van {handled.name} is afgehandeld{handled.by ? ` door ${handled.by}` : ""}, {handled.when}.
          </p>
        </div>
      ) : null}
      <p role="status">
        {openSearchHelpSentence(requests.length)}
      </p>
      <ul className="staff-list">
        {requests.map((r) => (
          <li key={r.id} id={`hulpvraag-${r.id}`} className="staff-item">
            <h2 className="staff-item__title">{r.name}</h2>
            <dl className="staff-details">
              <dt>Telefoonnummer</dt>
              <dd>
                <a href={r.phone.href}>{r.phone.label}</a>
              </dd>
              <dt>Zoekt hulp bij</dt>
              <dd className="staff-pre">{r.what}</dd>
              <dt>Plaats</dt>
              <dd>{r.place}</dd>
              <dt>Ontvangen</dt>
              <dd>
                <time dateTime={r.receivedIso}>{r.received}</time>
              </dd>
            </dl>
            <Form method="post" className="staff-actions__group">
              <input type="hidden" name="requestId" value={r.id} />
              <button type="submit">
                Afgehandeld
                <span className="visually-hidden"> (hulpvraag van {r.name})</span>
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </>
  );
}
