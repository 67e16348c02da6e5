import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { DateTime } from "~/components/beheer";
import { backupWarning, formatBytes, nextBackupAt } from "~/domain/backup-schedule";
import { BACKUP_BUSY, backupOverview, makeBackupForStaff } from "~/server/backup-runs.server";
import { config } from "~/server/config.server";
import { database } from "~/server/db.server";
import { requireStaff } from "~/server/staff-session.server";
import staffStyles from "~/styles/staff-modules.css?url";

// beheer.css comes with the /beheer layout.
export const links: LinksFunction = () => [{ rel: "stylesheet", href: staffStyles }];
export const meta: MetaFunction = () => [{ title: "Back-ups — Beheer — Vivium Services" }];

const PAGE = "/beheer/back-ups";

const RESULT = { ok: "Geslaagd", failed: "Mislukt", running: "Bezig" } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const { backup } = config();
  const now = new Date();
  const { runs, lastGood } = await backupOverview(database().db);
  return {
    backupDir: backup.dir,
    schedule: backup.schedule.kind === "off" ? null : { time: `${String(backup.schedule.hour).padStart(2, "0")}:${String(backup.schedule.minute).padStart(2, "0")}`, next: nextBackupAt(backup.schedule, now).toISOString() },
    keep: backup.keep,
    warning: backupWarning(lastGood ? new Date(lastGood.startedAt) : null, now),
    lastGoodAt: lastGood?.startedAt ?? null,
    runs: runs.map((run) => ({
      ...run,
      size: run.bytes === null ? null : formatBytes(run.bytes),
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const { uploadsDir, backup } = config();
  // The file this process has open: the one to copy.
  const { db, file } = database();
  const run = await makeBackupForStaff(db, staff, { databaseFile: file, uploadsDir, backupDir: backup.dir, keep: backup.keep });
  if (run === BACKUP_BUSY) return data({ busy: true }, { status: 409 });
  return redirect(`${PAGE}?gemaakt=${run.id}`, 303);
}

export default function Backups() {
  const { backupDir, schedule, keep, warning, lastGoodAt, runs } = useLoaderData<typeof loader>();
  const busy = useActionData<typeof action>()?.busy === true;
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const working = navigation.state === "submitting" && navigation.formMethod?.toLowerCase() === "post";
  const made = runs.find((r) => String(r.id) === searchParams.get("gemaakt"));
  const last = runs[0];

  return (
    <>
      <h1>Back-ups</h1>
      <p className="lead">
        De server maakt zelf een kopie van de database en de geüploade bestanden, en controleert elke kopie. Zet de back-ups ook op een andere
        computer; hoe dat gaat, staat in de README.
      </p>
      {made ? (
        <div className={made.status === "ok" ? "notice notice--success" : "notice notice--error"} role="status">
          <p>{made.status === "ok" ? `De back-up is gemaakt: ${made.folderName} (${made.size}).` : `De back-up is mislukt: ${made.error}`}</p>
        </div>
      ) : null}
      {busy ? (
        <div className="notice notice--warning" role="status">
          <p>Er wordt al een back-up gemaakt. Probeer het over een minuut opnieuw.</p>
        </div>
      ) : null}
      {warning ? (
        <div className="notice notice--warning" role="alert">
          <p>
            {warning === "none-yet" ? (
              "Er is nog geen geslaagde back-up."
            ) : (
              <>
                Let op: de laatste geslaagde back-up is ouder dan 2 dagen (<DateTime iso={lastGoodAt!} />
                ).
              </>
            )}
          </p>
        </div>
      ) : null}

      <h2>Laatste back-up</h2>
      {last ? (
        <dl className="staff-details">
          <dt>Gestart</dt>
          <dd>
            <DateTime iso={last.startedAt} />
          </dd>
          <dt>Resultaat</dt>
          <dd>{last.status === "failed" && last.error ? `${RESULT.failed}: ${last.error}` : RESULT[last.status]}</dd>
          <dt>Grootte</dt>
          <dd>{last.size ?? "—"}</dd>
          <dt>Map</dt>
          <dd className="staff-pre">{last.folder ?? "—"}</dd>
        </dl>
      ) : (
        <p>Er is nog geen back-up gemaakt.</p>
      )}

      <h2>Schema</h2>
      <p>
        {schedule ? (
          <>
            Elke dag om {schedule.time} (Nederlandse tijd); de volgende: <DateTime iso={schedule.next} />.
          </>
        ) : (
          "Automatische back-ups staan uit (BACKUP_SCHEDULE=off)."
        )}{" "}
        Bewaard: de nieuwste van elk van de laatste {keep.days} dagen en van elk van de laatste {keep.weeks} weken, in{" "}
        <span className="staff-pre">{backupDir}</span>.
      </p>
      <Form method="post">
        <button type="submit" className="button" disabled={working}>
          {working ? "Back-up wordt gemaakt…" : "Nu een back-up maken"}
        </button>
      </Form>

      <h2 id="recente-back-ups">Recente back-ups</h2>
      {runs.length === 0 ? (
        <p>Nog geen back-ups.</p>
      ) : (
        // A list rather than a table: on a phone a five-column table would hide columns or scroll sideways.
        <ol className="backup-runs" aria-labelledby="recente-back-ups">
          {runs.map((run) => (
            <li key={run.id}>
              <p className="backup-runs__when">
                <DateTime iso={run.startedAt} />
              </p>
              <p>
                {run.status === "failed" && run.error ? `${RESULT.failed}: ${run.error}` : RESULT[run.status]}
                {run.size ? `, ${run.size}` : ""} — {run.trigger === "schedule" ? "volgens schema" : `door ${run.staffName ?? "een medewerker"}`}
              </p>
              {run.folderName ? <p className="backup-runs__folder">Map: {run.folderName}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
