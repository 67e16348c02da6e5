import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatAmsterdamDateTime, OUTBOX_STATUS_LABELS } from "~/domain/mail/mailbox";
import { config } from "~/server/config.server";
import { database } from "~/server/db.server";
import { listOutboxMessages } from "~/server/outbox.server";

const SHOWN = 200;

export const meta: MetaFunction = () => [
  { title: "E-mails (ontwikkeling) — Vivium Services" },
  { name: "robots", content: "noindex" },
];

/** Development only: every e-mail in the outbox, whatever its status. Production answers 404. */
export async function loader() {
  const { isProduction, mail, mailDir } = config();
  if (isProduction) throw new Response("Niet gevonden", { status: 404 });
  const rows = await listOutboxMessages(database().db, SHOWN);
  return {
    // Never the SMTP password: only where the messages go.
    deliversTo: mail.smtpUrl ? { kind: "smtp" as const, server: new URL(mail.smtpUrl).host } : { kind: "files" as const, folder: mailDir },
    messages: rows.map((row) => ({
      id: row.id,
      to: row.to_address,
      subject: row.subject,
      template: row.template,
      status: OUTBOX_STATUS_LABELS[row.status],
      attempts: row.attempts,
      createdAt: formatAmsterdamDateTime(row.created_at),
      sentAt: row.sent_at ? formatAmsterdamDateTime(row.sent_at) : null,
    })),
  };
}

export default function DevMailbox() {
  const { deliversTo, messages } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>E-mails (ontwikkeling)</h1>
      <p>
        Alle e-mails die de website heeft klaargezet, de nieuwste bovenaan. Deze pagina bestaat alleen buiten productie.{" "}
        {deliversTo.kind === "smtp" ? (
          <>
            Berichten gaan via de SMTP-server <code>{deliversTo.server}</code>.
          </>
        ) : (
          <>
            Er is geen SMTP_URL ingesteld: elk bericht wordt als .eml-bestand bewaard in <code>{deliversTo.folder}</code>.
          </>
        )}
      </p>
      {messages.length === 0 ? (
        <p>Er zijn nog geen e-mails.</p>
      ) : (
        <table>
          <caption>
            {messages.length === SHOWN ? `De ${SHOWN} nieuwste e-mails` : `${messages.length} e-mail${messages.length === 1 ? "" : "s"}`}
          </caption>
          <thead>
            <tr>
              <th scope="col">Onderwerp</th>
              <th scope="col">Aan</th>
              <th scope="col">Status</th>
              <th scope="col">Pogingen</th>
              <th scope="col">Klaargezet</th>
              <th scope="col">Verstuurd</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((message) => (
              <tr key={message.id}>
                <th scope="row">
                  <Link to={`/dev/mail/${message.id}`}>{message.subject}</Link>
                </th>
                <td>{message.to}</td>
                <td>{message.status}</td>
                <td>{message.attempts}</td>
                <td>{message.createdAt}</td>
                <td>{message.sentAt ?? "nog niet"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
