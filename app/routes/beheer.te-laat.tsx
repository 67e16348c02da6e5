import { parseWithZod } from "~/domain/form-submission";
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { Fragment } from "react";
import { ErrorSummary, TextArea } from "~/components/form";
import { formatMoment } from "~/domain/contact-request-status";
import { formatPhone, normalisePhone } from "~/domain/phone";
import { STAFF_NOTE_MAX, staffCallSchema } from "~/domain/staff-forms";
import { database } from "~/server/db.server";
import { listOverdueRequests, recordStaffCall } from "~/server/staff-overdue.server";
import { requireStaff } from "~/server/staff-session.server";
import staffStyles from "~/styles/staff-modules.css?url";
import { overdueListSentence } from "~/domain/count-messages";

// beheer.css comes with the /beheer layout.
export const links: LinksFunction = () => [{ rel: "stylesheet", href: staffStyles }];
export const meta: MetaFunction = () => [{ title: "Te late aanvragen — Beheer — Vivium Services" }];

const PAGE = "/beheer/te-laat";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const requests = await listOverdueRequests(database().db);
  const phone = (value: string | null) => (value ? { label: formatPhone(value), href: `tel:${normalisePhone(value) ?? value}` } : null);
  return {
    requests: requests.map((r) => ({
      ...r,
      created: formatMoment(r.createdAt),
      deadline: formatMoment(r.deadlineAt),
      called: r.staffCalledAt ? formatMoment(r.staffCalledAt) : null,
      customerPhoneLink: phone(r.customerPhone),
      providerPhoneLink: phone(r.providerPhone),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const form = await request.formData();
  const submission = parseWithZod(form, { schema: staffCallSchema });
  const requestId = String(form.get("requestId") ?? "");
  if (submission.status !== "success") {
    if (submission.reply().error?.requestId) throw new Response("Onbekende aanvraag", { status: 400 });
    return data({ requestId, note: String(form.get("note") ?? ""), error: submission.reply().error?.note?.[0] ?? "Schrijf kort op wat er is besproken" }, { status: 400 });
  }
  if (!(await recordStaffCall(database().db, staff, submission.value.requestId, submission.value.note))) {
    throw new Response("Niet gevonden", { status: 404 });
  }
  return redirect(`${PAGE}?gebeld=${submission.value.requestId}#aanvraag-${submission.value.requestId}`, 303);
}

export default function OverdueRequests() {
  const { requests } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  // Each redirect after a form is a new page: the forms start again from what is saved.
  const location = useLocation();
  const called = failed ? null : searchParams.get("gebeld");
  const failedField = failed ? `note-${failed.requestId}` : null;

  return (
    <Fragment key={location.key}>
      <h1>Te late aanvragen</h1>
      <p className="lead">
        Contactverzoeken waarop de dienstverlener na twee werkdagen nog niet heeft gereageerd, de oudste eerst. Bel de dienstverlener (en zo nodig
        de klant) en noteer wat er is afgesproken.
      </p>
      {called ? (
        <div className="notice notice--success" role="status">
          <p>Uw notitie is opgeslagen.</p>
        </div>
      ) : null}
      {failed && failedField ? <ErrorSummary errors={{ [failedField]: [failed.error] }} labels={{ [failedField]: `Notitie bij aanvraag ${failed.requestId}` }} /> : null}
      <p role="status">{overdueListSentence(requests.length)}</p>
      {requests.length === 0 ? null : (
        <ol className="staff-list">
          {requests.map((r) => {
            const field = `note-${r.id}`;
            const error = failed && failed.requestId === String(r.id) ? failed.error : undefined;
            return (
              <li key={r.id} id={`aanvraag-${r.id}`} className={r.called ? "staff-item" : "staff-item staff-item--attention"}>
                <h2 className="staff-item__title">
                  Aanvraag {r.id} voor {r.providerName}
                </h2>
                <dl className="staff-details">
                  <dt>Verstuurd</dt>
                  <dd>{r.created}</dd>
                  <dt>Uiterlijk</dt>
                  <dd>{r.deadline}</dd>
                  <dt>Dienstverlener</dt>
                  <dd>
                    {r.providerName} · <a href={`mailto:${r.providerEmail}`}>{r.providerEmail}</a>
                    {r.providerPhoneLink ? (
                      <>
                        {" · "}
                        <a href={r.providerPhoneLink.href}>{r.providerPhoneLink.label}</a>
                      </>
                    ) : null}
                  </dd>
                  <dt>Klant</dt>
                  <dd>
                    {r.customerName} · <a href={`mailto:${r.customerEmail}`}>{r.customerEmail}</a>
                    {r.customerPhoneLink ? (
                      <>
                        {" · "}
                        <a href={r.customerPhoneLink.href}>{r.customerPhoneLink.label}</a>
                      </>
                    ) : null}
                  </dd>
                  <dt>Plaats</dt>
                  <dd>{r.locationLabel}</dd>
                  {r.called ? (
                    <>
                      <dt>Gebeld</dt>
                      <dd>
                        {r.called}: {r.staffNote}
                      </dd>
                    </>
                  ) : null}
                </dl>
                <Form method="post" noValidate className="staff-form">
                  <input type="hidden" name="requestId" value={r.id} />
                  <TextArea
                    id={field}
                    name="note"
                    label={r.called ? `Nieuwe notitie bij aanvraag ${r.id}` : `Gebeld: notitie bij aanvraag ${r.id}`}
                    hint="Met wie u sprak en wat er is afgesproken."
                    rows={3}
                    maxCharacters={STAFF_NOTE_MAX}
                    defaultValue={error ? failed?.note : undefined}
                    error={error}
                  />
                  <button type="submit" className="button">
                    Gebeld, notitie opslaan<span className="visually-hidden"> bij aanvraag {r.id}</span>
                  </button>
                </Form>
              </li>
            );
          })}
        </ol>
      )}
    </Fragment>
  );
}
