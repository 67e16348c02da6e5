import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { formatAmsterdamDateTime, linksInText, moveInlineStyles, OUTBOX_STATUS_LABELS } from "~/domain/mail/mailbox";
import { config } from "~/server/config.server";
import { database } from "~/server/db.server";
import { requireOutboxViewer } from "~/server/mail-viewer.server";
import { emlFileName, findOutboxMessage, readStoredHeaders } from "~/server/outbox.server";
import { countOf, NOUNS } from "~/domain/plural";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.subject ?? "E-mail"} (ontwikkeling) — Vivium Services` },
  { name: "robots", content: "noindex" },
];

/** Development only: one e-mail from the outbox as its receiver would see it, plus what was sent. */
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  requireOutboxViewer(request, context);
  const { mail, mailDir } = config();
  if (!/^[1-9]\d{0,15}$/.test(params.id ?? "")) throw new Response("Niet gevonden", { status: 404 });
  const id = Number(params.id);
  const row = await findOutboxMessage(database().db, id);
  if (!row) throw new Response("Niet gevonden", { status: 404 });

  const stored = { id, date: new Date(row.created_at) };
  const storedHeaders = await readStoredHeaders(mailDir, stored);
  return {
    id,
    from: mail.from,
    to: row.to_address,
    subject: row.subject,
    template: row.template,
    status: OUTBOX_STATUS_LABELS[row.status],
    attempts: row.attempts,
    createdAt: formatAmsterdamDateTime(row.created_at),
    sentAt: row.sent_at ? formatAmsterdamDateTime(row.sent_at) : null,
    nextAttemptAt: row.status === "pending" && row.attempts > 0 ? formatAmsterdamDateTime(row.next_attempt_at) : null,
    lastError: row.last_error,
    messageId: row.message_id,
    file: storedHeaders === null ? null : { name: emlFileName(stored), headers: storedHeaders },
    text: row.text_body,
    links: linksInText(row.text_body),
    // Our CSP forbids inline styles, also inside a srcdoc frame; the styles come from a stylesheet next to this page.
    previewHtml: moveInlineStyles(row.html_body, `/dev/mail/${id}/styles.css`).html,
  };
}

export default function DevMailMessage() {
  const message = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/dev/mail">Alle e-mails</Link>
      </p>
      <h1>{message.subject}</h1>
      <dl>
        <dt>Van</dt>
        <dd>{message.from}</dd>
        <dt>Aan</dt>
        <dd>{message.to}</dd>
        <dt>Sjabloon</dt>
        <dd>{message.template}</dd>
        <dt>Status</dt>
        <dd>
          {message.status}, {countOf(message.attempts, NOUNS.poging)}
        </dd>
        <dt>Klaargezet</dt>
        <dd>{message.createdAt}</dd>
        {message.sentAt ? (
          <>
            <dt>Verstuurd</dt>
            <dd>{message.sentAt}</dd>
          </>
        ) : null}
        {message.nextAttemptAt ? (
          <>
            <dt>Volgende poging</dt>
            <dd>{message.nextAttemptAt}</dd>
          </>
        ) : null}
        {message.lastError ? (
          <>
            <dt>Laatste fout</dt>
            <dd>{message.lastError}</dd>
          </>
        ) : null}
        {message.messageId ? (
          <>
            <dt>Message-ID</dt>
            <dd>
              <code>{message.messageId}</code>
            </dd>
          </>
        ) : null}
      </dl>

      {message.file ? (
        <section aria-labelledby="kopregels">
          <h2 id="kopregels">Kopregels</h2>
          <p>
            Uit het bestand <code>{message.file.name}</code>:
          </p>
          <pre>{message.file.headers}</pre>
        </section>
      ) : null}

      {message.links.length > 0 ? (
        <section aria-labelledby="links">
          <h2 id="links">Links in dit bericht</h2>
          <ul>
            {message.links.map((url) => (
              <li key={url}>
                <a href={url}>{url}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="tekstversie">
        <h2 id="tekstversie">Tekstversie</h2>
        <textarea
          readOnly
          aria-labelledby="tekstversie"
          value={message.text}
          rows={Math.min(40, message.text.split("\n").length + 2)}
        />
      </section>

      <section aria-labelledby="html-versie">
        <h2 id="html-versie">HTML-versie</h2>
        {/* No scripts, forms or pop-ups. Same-origin only so the stylesheet is allowed past our Cross-Origin-Resource-Policy. */}
        <iframe
          sandbox="allow-same-origin"
          srcDoc={message.previewHtml}
          title={`HTML-versie van de e-mail “${message.subject}”`}
          width="100%"
          height="1300"
        />
      </section>
    </>
  );
}
