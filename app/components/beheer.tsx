import { Link } from "@remix-run/react";
import { actionLabel, auditChanges, entityLabel } from "~/domain/audit-format";
import { TableScroll } from "./table-scroll";

const DATE_TIME = new Intl.DateTimeFormat("nl-NL", {
  timeZone: "Europe/Amsterdam",
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

/** A stored UTC instant as Amsterdam time, e.g. "29 november 2026 om 14:05". */
export function formatDateTime(iso: string): string {
  return DATE_TIME.format(new Date(iso));
}

export function DateTime({ iso }: { iso: string }) {
  return <time dateTime={iso}>{formatDateTime(iso)}</time>;
}

export type AuditRow = {
  id: number;
  staff_name: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  provider_id: number | null;
  provider_name?: string | null;
  old_values: string | null;
  new_values: string | null;
  created_at: string;
};

/** The audit log as a table: who, when, what, on which record, before and after. */
export function AuditTable({ entries, caption, showProvider = true }: { entries: AuditRow[]; caption: string; showProvider?: boolean }) {
  if (entries.length === 0) return <p>Er staan nog geen acties in het logboek.</p>;
  return (
    <TableScroll label={caption}>
      <table className="beheer-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Wanneer</th>
            <th scope="col">Wie</th>
            <th scope="col">Wat</th>
            <th scope="col">Waarop</th>
            <th scope="col">Oud</th>
            <th scope="col">Nieuw</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const changes = auditChanges(entry.old_values, entry.new_values, entry.entity_type);
            return (
              <tr key={entry.id}>
                <td>
                  <DateTime iso={entry.created_at} />
                </td>
                <td>{entry.staff_name}</td>
                <td>{actionLabel(entry.action)}</td>
                <td>
                  {entityLabel(entry.entity_type)}
                  {entry.entity_id ? ` ${entry.entity_id}` : ""}
                  {showProvider && entry.provider_id !== null ? (
                    <>
                      {" — "}
                      <Link to={`/beheer/dienstverleners/${entry.provider_id}`}>{entry.provider_name ?? `dienstverlener ${entry.provider_id}`}</Link>
                    </>
                  ) : null}
                </td>
                <td>
                  <ChangeList changes={changes.flatMap((c) => (c.before === null ? [] : [{ field: c.field, label: c.label, value: c.before }]))} />
                </td>
                <td>
                  <ChangeList changes={changes.flatMap((c) => (c.after === null ? [] : [{ field: c.field, label: c.label, value: c.after }]))} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** One side (old or new) of an entry's changes; keyed by the field, as two fields may share a label. */
function ChangeList({ changes }: { changes: { field: string; label: string; value: string }[] }) {
  if (changes.length === 0) {
    return (
      <>
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">niets</span>
      </>
    );
  }
  return (
    <ul className="beheer-values">
      {changes.map(({ field, label, value }) => (
        <li key={field}>
          {label}: {value}
        </li>
      ))}
    </ul>
  );
}
