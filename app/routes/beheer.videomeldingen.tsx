import { parseWithZod } from "~/domain/form-submission";
import { redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useSearchParams } from "@remix-run/react";
import { formatMoment } from "~/domain/contact-request-status";
import { formatPhone, normalisePhone } from "~/domain/phone";
import { VIDEO_REPORT_STATUS_LABEL, videoReportStatusSchema } from "~/domain/staff-forms";
import { VIDEO_REPORT_STATUSES } from "~/domain/video-report";
import { database } from "~/server/db.server";
import { requireStaff } from "~/server/staff-session.server";
import { listVideoReports, setVideoReportStatus } from "~/server/staff-video-reports.server";
import staffStyles from "~/styles/staff-modules.css?url";
import { videoReportsSentence } from "~/domain/count-messages";

// beheer.css comes with the /beheer layout.
export const links: LinksFunction = () => [{ rel: "stylesheet", href: staffStyles }];
export const meta: MetaFunction = () => [{ title: "Meldingen video tool — Beheer — Vivium Services" }];

const PAGE = "/beheer/videomeldingen";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const reports = await listVideoReports(database().db);
  return {
    reports: reports.map((r) => ({
      ...r,
      created: formatMoment(r.createdAt),
      phone: r.providerPhone ? { label: formatPhone(r.providerPhone), href: `tel:${normalisePhone(r.providerPhone) ?? r.providerPhone}` } : null,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const submission = parseWithZod(await request.formData(), { schema: videoReportStatusSchema });
  if (submission.status !== "success") throw new Response("Onbekende melding of status", { status: 400 });
  if (!(await setVideoReportStatus(database().db, staff, submission.value.reportId, submission.value.status))) {
    throw new Response("Niet gevonden", { status: 404 });
  }
  return redirect(`${PAGE}?bijgewerkt=${submission.value.reportId}#melding-${submission.value.reportId}`, 303);
}

export default function VideoToolReports() {
  const { reports } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const updated = searchParams.get("bijgewerkt");
  const open = reports.filter((r) => r.status !== "opgelost").length;

  return (
    <>
      <h1>Meldingen: de video tool werkt niet</h1>
      <p className="lead">
        Dienstverleners melden hier dat het opnemen van een voorstelvideo niet lukt. Neem contact op, zet de melding op opgepakt, en op opgelost
        als de video er is.
      </p>
      {updated ? (
        <div className="notice notice--success" role="status">
          <p>De status van melding {updated} is bijgewerkt.</p>
        </div>
      ) : null}
      <p role="status">
        {videoReportsSentence(reports.length, open)}
      </p>
      <ul className="staff-list">
        {reports.map((r) => (
          <li key={r.id} id={`melding-${r.id}`} className={r.status === "nieuw" ? "staff-item staff-item--attention" : r.status === "opgelost" ? "staff-item staff-item--muted" : "staff-item"}>
            <h2 className="staff-item__title">
              Melding {r.id} van {r.providerName} <span className="staff-tag">{VIDEO_REPORT_STATUS_LABEL[r.status]}</span>
            </h2>
            <dl className="staff-details">
              <dt>Gemeld op</dt>
              <dd>{r.created}</dd>
              <dt>Contact</dt>
              <dd>
                <a href={`mailto:${r.providerEmail}`}>{r.providerEmail}</a>
                {r.phone ? (
                  <>
                    {" · "}
                    <a href={r.phone.href}>{r.phone.label}</a>
                  </>
                ) : null}
              </dd>
              <dt>Wat ging er mis</dt>
              <dd className="staff-pre">{r.description}</dd>
              <dt>Browser (server)</dt>
              <dd>{r.userAgent ?? "onbekend"}</dd>
              <dt>Browser (pagina)</dt>
              <dd className="staff-pre">{r.clientDetails ?? "niet meegestuurd (JavaScript stond uit of werkte niet)"}</dd>
            </dl>
            <Form method="post" className="staff-actions__group">
              <input type="hidden" name="reportId" value={r.id} />
              {VIDEO_REPORT_STATUSES.filter((status) => status !== r.status).map((status) => (
                <button key={status} type="submit" name="status" value={status} className="button button--secondary">
                  Zet op {VIDEO_REPORT_STATUS_LABEL[status].toLowerCase()}
                  <span className="visually-hidden"> (melding {r.id})</span>
                </button>
              ))}
            </Form>
          </li>
        ))}
      </ul>
    </>
  );
}
