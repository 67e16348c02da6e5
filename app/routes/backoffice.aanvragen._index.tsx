import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatMoment, isOpen, OUTCOME_LABELS, STATUS_LABELS } from "~/domain/contact-request-status";
import { listRequestsForProvider } from "~/server/contact-request-handling.server";
import { database } from "~/server/db.server";
import { requireProvider } from "~/server/session.server";
import stylesHref from "~/styles/requests-and-reviews.css?url";
import { openRequestsSentence } from "~/domain/count-messages";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];
export const meta: MetaFunction = () => [{ title: "Aanvragen — Mijn omgeving — Vivium Services" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const providerId = await requireProvider(request);
  const requests = await listRequestsForProvider(database().db, providerId);
  return {
    requests: requests.map((r) => ({
      id: r.id,
      customerName: r.customerName,
      locationLabel: r.locationLabel,
      isMember: r.isMember,
      open: isOpen(r.status),
      overdue: r.overdue,
      status: r.outcome ? `${STATUS_LABELS[r.status]}: ${OUTCOME_LABELS[r.outcome].toLowerCase()}` : STATUS_LABELS[r.status],
      waiting: r.status === "new",
      received: formatMoment(r.createdAt),
      deadline: formatMoment(r.deadlineAt),
    })),
  };
}

export default function ContactRequests() {
  const { requests } = useLoaderData<typeof loader>();
  const open = requests.filter((r) => r.open).length;
  return (
    <>
      <h1>Aanvragen</h1>
      <p className="lead">
        Hier staan de contactverzoeken van klanten, de nieuwste bovenaan. Neem binnen twee werkdagen contact op en zet de aanvraag dan
        op “In behandeling” of “Afgehandeld”.
      </p>
      {requests.length === 0 ? (
        <div className="notice">
          <p>U heeft nog geen aanvragen.</p>
          <p>Zodra een klant via uw profiel contact met u zoekt, ziet u de aanvraag hier. U krijgt er ook een e-mail over.</p>
        </div>
      ) : (
        <>
          <p>{openRequestsSentence(open)}</p>
          <ul className="request-list">
            {requests.map((r) => (
              <li
                key={r.id}
                className={["request-item", r.open ? "request-item--open" : null, r.overdue ? "request-item--overdue" : null].filter(Boolean).join(" ")}
              >
                <h2 className="request-item__title">
                  <Link to={`/backoffice/aanvragen/${r.id}`}>Aanvraag van {r.customerName}</Link>
                </h2>
                <dl className="facts">
                  <dt>Status</dt>
                  <dd>
                    <span className={r.open ? "status status--open" : "status"}>{r.status}</span>
                    {r.overdue ? <strong className="status status--overdue">Termijn verstreken</strong> : null}
                  </dd>
                  <dt>Ontvangen</dt>
                  <dd>{r.received}</dd>
                  {r.waiting ? (
                    <>
                      <dt>Reageren vóór</dt>
                      <dd>{r.deadline}</dd>
                    </>
                  ) : null}
                  <dt>Waar</dt>
                  <dd>{r.locationLabel}</dd>
                  {r.isMember ? (
                    <>
                      <dt>Lid van Vivium</dt>
                      <dd>Ja, ledenprijs geldt</dd>
                    </>
                  ) : null}
                </dl>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
