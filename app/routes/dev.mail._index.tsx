import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatAmsterdamDateTime, OUTBOX_STATUS_LABELS } from "~/domain/mail/mailbox";
import { config } from "~/server/config.server";
import { database } from "~/server/db.server";
import { requireOutboxViewer } from "~/server/mail-viewer.server";
import { listOutboxMessages } from "~/server/outbox.server";
import { countOf, NOUNS } from "~/domain/plural";

const SHOWN = 200;

export const meta: MetaFunction = () => [
  { title: "E-mails (ontwikkeling) — Vivium Services" },
  { name: "robots", content: "noindex" },
];

/** Development and tests only, from this machine, while mail goes to files: every e-mail in the outbox. Elsewhere 404. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  requireOutboxViewer(request, context);
  const rows = await listOutboxMessages(database().db, SHOWN);
  return {
    folder: config().mailDir,
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
  const { folder, messages } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>E-mails (ontwikkeling)</h1>
      <p>
        Alle e-mails die de website heeft klaargezet, de nieuwste bovenaan. Deze pagina bestaat alleen buiten productie,
        op deze computer, zolang er geen SMTP_URL is ingesteld: elk bericht wordt als .eml-bestand bewaard in{" "}
        <code>{folder}</code>.
      </p>
      {messages.length === 0 ? (
        <p>Er zijn nog geen e-mails.</p>
      ) : (
        <table>
          <caption>
            {messages.length === SHOWN ? `De ${SHOWN} nieuwste e-mails` : countOf(messages.length, NOUNS.email)}
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
