import { parseWithZod } from "~/domain/form-submission";
import {
  data,
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { Fragment } from "react";
import { ErrorSummary, FieldError, TextField } from "~/components/form";
import { Pagination } from "~/components/provider-card";
import { TableScroll } from "~/components/table-scroll";
import { formatMoment } from "~/domain/contact-request-status";
import { decodeCsvBytes, parseMemberCsv } from "~/domain/member-csv";
import { addMemberSchema, memberActiveSchema, memberLabels } from "~/domain/staff-forms";
import { database } from "~/server/db.server";
import { countMembers, findImportReport, importMembers, searchMembers, setMemberActive, staffAddMember } from "~/server/members.server";
import { requireStaff } from "~/server/staff-session.server";
import staffStyles from "~/styles/staff-modules.css?url";
import { parseMultipartForm } from "~/server/multipart.server";
import { membersFoundSentence } from "~/domain/count-messages";

// beheer.css comes with the /beheer layout.
export const links: LinksFunction = () => [{ rel: "stylesheet", href: staffStyles }];
export const meta: MetaFunction = () => [{ title: "Ledenregister — Beheer — Vivium Services" }];

const PAGE = "/beheer/leden";
const PER_PAGE = 25;
const FILE_MAX_BYTES = 2 * 1024 * 1024;

const DONE: Record<string, string> = {
  added: "Het lidnummer is toegevoegd.",
  reactivated: "Dit lidnummer bestond al en is weer actief gemaakt.",
  updated: "Dit lidnummer bestond al; de naam is bijgewerkt.",
  unchanged: "Dit lidnummer staat al in het register; er is niets veranderd.",
  deactivated: "Het lidnummer is niet meer actief. Wie het gebruikt, krijgt geen ledenprijs meer.",
  activated: "Het lidnummer is weer actief.",
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const { db } = database();
  const params = new URL(request.url).searchParams;
  const q = (params.get("q") ?? "").slice(0, 100);
  const total = await countMembers(db, q);
  const pageCount = Math.max(1, Math.ceil(total / PER_PAGE));
  const page = Math.min(pageCount, Math.max(1, Number.parseInt(params.get("pagina") ?? "1", 10) || 1));
  const members = await searchMembers(db, q, PER_PAGE, (page - 1) * PER_PAGE);
  const reportId = Number(params.get("import"));
  const report = Number.isSafeInteger(reportId) && reportId > 0 ? await findImportReport(db, reportId) : null;
  return {
    q,
    page,
    pageCount,
    total,
    members: members.map((m) => ({ id: m.id, number: m.number, name: m.name, active: m.active === 1 })),
    report: report ? { ...report, at: formatMoment(report.createdAt) } : null,
  };
}

type Failure = { form: "import" | "add"; errors: Record<string, string>; values: Record<string, string> };

async function readForm(request: Request): Promise<FormData | "too-large"> {
  if (!request.headers.get("Content-Type")?.startsWith("multipart/form-data")) return request.formData();
  try {
    return await parseMultipartForm(request, unstable_createMemoryUploadHandler({ maxPartSize: FILE_MAX_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return "too-large";
    throw error;
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const { db } = database();
  const form = await readForm(request);
  if (form === "too-large") {
    return data<Failure>({ form: "import", errors: { bestand: "Het bestand is groter dan 2 MB. Splits het in kleinere bestanden." }, values: {} }, { status: 400 });
  }
  const intent = String(form.get("intent") ?? "");

  if (intent === "import") {
    const file = form.get("bestand");
    if (!(file instanceof File) || file.size === 0) {
      return data<Failure>({ form: "import", errors: { bestand: "Kies een CSV-bestand met lidnummers" }, values: {} }, { status: 400 });
    }
    const parsed = parseMemberCsv(decodeCsvBytes(new Uint8Array(await file.arrayBuffer())));
    if (!parsed.ok) return data<Failure>({ form: "import", errors: { bestand: parsed.error }, values: {} }, { status: 400 });
    const result = await importMembers(db, staff, parsed, file.name.slice(0, 200) || "bestand.csv");
    return redirect(`${PAGE}?import=${result.reportId}#importverslag`, 303);
  }

  if (intent === "add") {
    const submission = parseWithZod(form, { schema: addMemberSchema });
    const values = { number: String(form.get("number") ?? ""), name: String(form.get("name") ?? "") };
    if (submission.status !== "success") {
      const errors: Record<string, string> = {};
      for (const [name, messages] of Object.entries(submission.reply().error ?? {})) if (messages?.[0]) errors[name] = messages[0];
      return data<Failure>({ form: "add", errors, values }, { status: 400 });
    }
    const result = await staffAddMember(db, staff, submission.value);
    return redirect(`${PAGE}?klaar=${result.kind}&q=${encodeURIComponent(result.member.number)}`, 303);
  }

  const submission = parseWithZod(form, { schema: memberActiveSchema });
  if (submission.status !== "success") throw new Response("Onbekende actie", { status: 400 });
  const active = submission.value.intent === "activate";
  const member = await setMemberActive(db, staff, submission.value.memberId, active);
  if (!member) throw new Response("Niet gevonden", { status: 404 });
  const q = String(form.get("q") ?? "");
  return redirect(`${PAGE}?klaar=${active ? "activated" : "deactivated"}${q ? `&q=${encodeURIComponent(q)}` : ""}`, 303);
}

export default function StaffMembers() {
  const { q, page, pageCount, total, members, report } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  // Each redirect after a form is a new page: the forms start again from what is saved.
  const location = useLocation();
  const done = failed ? null : DONE[searchParams.get("klaar") ?? ""];
  const importError = failed?.form === "import" ? failed.errors.bestand : undefined;
  const addErrors = failed?.form === "add" ? failed.errors : {};
  const addValues = failed?.form === "add" ? failed.values : { number: "", name: "" };
  const pageHref = (pagina: number) => `${PAGE}?${new URLSearchParams({ ...(q ? { q } : {}), ...(pagina > 1 ? { pagina: String(pagina) } : {}) })}`;

  return (
    <Fragment key={location.key}>
      <h1>Ledenregister</h1>
      <p className="lead">
        De lidnummers van Vivium-leden. Wie bij een contactverzoek een actief lidnummer invult, krijgt de ledenprijs. Een lid dat opzegt, maakt u
        niet-actief; het lidnummer blijft bewaard omdat oude aanvragen ernaar verwijzen.
      </p>
      {done ? (
        <div className="notice notice--success" role="status">
          <p>{done}</p>
        </div>
      ) : null}
      {importError ? <ErrorSummary errors={{ bestand: [importError] }} labels={{ bestand: "CSV-bestand met lidnummers" }} /> : null}
      {failed?.form === "add" ? (
        <ErrorSummary errors={Object.fromEntries(Object.entries(addErrors).map(([k, v]) => [k, [v]]))} labels={memberLabels} />
      ) : null}

      {report ? (
        <section
          id="importverslag"
          className={report.counts.invalid > 0 ? "staff-report staff-report--problems" : "staff-report"}
          aria-labelledby="report-title"
          tabIndex={-1}
        >
          <h2 id="report-title">Verslag van de import</h2>
          <p>
            {report.fileName}, ingelezen door {report.staffName} op {report.at}.
          </p>
          <ul>
            <li>Toegevoegd: {report.counts.added}</li>
            <li>Bijgewerkt: {report.counts.updated}</li>
            <li>Ongewijzigd: {report.counts.unchanged}</li>
            <li>Niet ingelezen (fout): {report.counts.invalid}</li>
          </ul>
          {report.invalid.length > 0 ? (
            <>
              <h3>Regels die niet zijn ingelezen</h3>
              <p>Verbeter deze regels in het bestand en lees het opnieuw in. Regels die al goed waren, veranderen dan niet nog eens.</p>
              <ul className="staff-problems">
                {report.invalid.map((problem) => (
                  <li key={problem.line}>
                    Regel {problem.line}: {problem.reason}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <ReportLines summary="Toegevoegde lidnummers" rows={report.added} />
          <ReportLines summary="Bijgewerkte lidnummers" rows={report.updated} />
        </section>
      ) : null}

      <section className="beheer-section" aria-labelledby="import-title">
        <h2 id="import-title">Lidnummers inlezen uit een CSV-bestand</h2>
        <p>
          Kolommen <code>lidnummer;naam;actief</code> met de kolomnamen op de eerste regel. Puntkomma of komma als scheiding. Bij actief: ja of nee
          (leeg is ja). Bekende lidnummers worden bijgewerkt; nogmaals hetzelfde bestand inlezen verandert niets.
        </p>
        <Form method="post" encType="multipart/form-data" noValidate className="staff-form">
          <input type="hidden" name="intent" value="import" />
          <div className={importError ? "field field--error" : "field"}>
            <label htmlFor="bestand">CSV-bestand met lidnummers</label>
            <FieldError id="bestand-error" message={importError} />
            <input
              id="bestand"
              name="bestand"
              type="file"
              accept=".csv,text/csv,text/plain"
              aria-invalid={importError ? true : undefined}
              aria-describedby={importError ? "bestand-error" : undefined}
            />
          </div>
          <button type="submit" className="button">
            Bestand inlezen
          </button>
        </Form>
      </section>

      <section className="beheer-section" aria-labelledby="add-title">
        <h2 id="add-title">Eén lidnummer toevoegen</h2>
        <Form method="post" noValidate className="staff-form">
          <input type="hidden" name="intent" value="add" />
          <TextField name="number" label={memberLabels.number} hint="Bijvoorbeeld VIV100001" defaultValue={addValues.number} error={addErrors.number} autoComplete="off" />
          <TextField name="name" label={memberLabels.name} defaultValue={addValues.name} error={addErrors.name} autoComplete="off" />
          <button type="submit" className="button">
            Lidnummer toevoegen
          </button>
        </Form>
      </section>

      <section className="beheer-section" aria-labelledby="list-title">
        <h2 id="list-title">Leden zoeken</h2>
        <form method="get" action={PAGE} className="beheer-filters" aria-label="Leden zoeken">
          <div className="field">
            <label htmlFor="q">Lidnummer of naam</label>
            <input id="q" name="q" type="search" defaultValue={q} maxLength={100} />
          </div>
          <button type="submit" className="button">
            Zoeken
          </button>
          {q ? (
            <Link to={PAGE} className="button button--secondary">
              Alle leden tonen
            </Link>
          ) : null}
        </form>
        <p role="status">
          {membersFoundSentence(total, q)}
        </p>
        {members.length > 0 ? (
          <TableScroll className="staff-table-scroll" label={`Leden, pagina ${page} van ${pageCount}`}>
            <table className="beheer-table">
              <caption className="visually-hidden">Leden, pagina {page} van {pageCount}</caption>
              <thead>
                <tr>
                  <th scope="col">Lidnummer</th>
                  <th scope="col">Naam</th>
                  <th scope="col">Status</th>
                  <th scope="col">Actie</th>
                </tr>
              </thead>
              <tbody>
                {members.map((member) => (
                  <tr key={member.id}>
                    <td>{member.number}</td>
                    <td>{member.name ?? "—"}</td>
                    <td>{member.active ? "Actief" : "Niet actief"}</td>
                    <td>
                      <Form method="post" className="staff-actions__group">
                        <input type="hidden" name="memberId" value={member.id} />
                        <input type="hidden" name="q" value={q} />
                        <button type="submit" name="intent" value={member.active ? "deactivate" : "activate"} className="button button--secondary">
                          {member.active ? "Niet meer actief" : "Weer actief maken"}
                          <span className="visually-hidden"> ({member.number})</span>
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ) : null}
        <Pagination page={page} pageCount={pageCount} hrefFor={pageHref} />
      </section>
    </Fragment>
  );
}

/** A folded list of the import's lines of one kind (added or updated), left out when there are none. */
function ReportLines({ summary, rows }: { summary: string; rows: { line: number; number: string }[] }) {
  if (rows.length === 0) return null;
  return (
    <details>
      <summary>{summary}</summary>
      <ul>
        {rows.map((row) => (
          <li key={row.line}>
            Regel {row.line}: {row.number}
          </li>
        ))}
      </ul>
    </details>
  );
}
