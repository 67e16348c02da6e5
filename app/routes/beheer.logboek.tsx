import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { AuditTable } from "~/components/beheer";
import { actionLabel } from "~/domain/audit-format";
import { listAuditEntries } from "~/server/audit.server";
import { database } from "~/server/db.server";
import { displayName } from "~/server/providers.server";
import { requireStaff } from "~/server/staff-session.server";

export const meta: MetaFunction = () => [{ title: "Logboek — Beheer — Vivium Services" }];

const PAGE_SIZE = 50;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const url = new URL(request.url);
  const providerParam = url.searchParams.get("dienstverlener") ?? "";
  const providerId = /^\d{1,9}$/.test(providerParam) ? Number(providerParam) : undefined;
  const actionParam = url.searchParams.get("actie") ?? "";
  const page = Math.max(1, Number.parseInt(url.searchParams.get("pagina") ?? "1", 10) || 1);
  const { db } = database();
  const [actions, rows, provider] = await Promise.all([
    db.selectFrom("audit_log").select("action").distinct().orderBy("action").execute(),
    listAuditEntries(db, { providerId, action: actionParam || undefined, limit: PAGE_SIZE + 1, offset: (page - 1) * PAGE_SIZE }),
    providerId === undefined
      ? undefined
      : db.selectFrom("providers").select(["id", "first_name", "infix", "last_name"]).where("id", "=", providerId).executeTakeFirst(),
  ]);
  const entries = rows.slice(0, PAGE_SIZE);
  const providerIds = [...new Set(entries.map((e) => e.provider_id).filter((id): id is number => id !== null))];
  const names = new Map(
    providerIds.length === 0
      ? []
      : (await db.selectFrom("providers").select(["id", "first_name", "infix", "last_name"]).where("id", "in", providerIds).execute()).map(
          (p) => [p.id, displayName(p)] as const,
        ),
  );
  return {
    entries: entries.map((e) => ({ ...e, provider_name: e.provider_id === null ? null : (names.get(e.provider_id) ?? null) })),
    actions: actions.map((a) => a.action),
    filter: { providerId: providerId ?? null, providerName: provider ? displayName(provider) : null, action: actionParam },
    page,
    hasNext: rows.length > PAGE_SIZE,
  };
}

export default function AuditLogPage() {
  const { entries, actions, filter, page, hasNext } = useLoaderData<typeof loader>();
  const link = (to: number) => {
    const params = new URLSearchParams();
    if (filter.providerId !== null) params.set("dienstverlener", String(filter.providerId));
    if (filter.action) params.set("actie", filter.action);
    params.set("pagina", String(to));
    return `?${params}`;
  };
  return (
    <>
      <h1>Logboek</h1>
      <p>Elke actie van een medewerker in het beheer: wie, wanneer, wat, waarop, en de oude en nieuwe waarden.</p>
      <Form method="get" className="beheer-filters" aria-label="Logboek filteren">
        <div className="field">
          <label htmlFor="actie">Actie</label>
          <select id="actie" name="actie" defaultValue={filter.action}>
            <option value="">Alle acties</option>
            {actions.map((action) => (
              <option key={action} value={action}>
                {actionLabel(action)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="dienstverlener">Nummer van de dienstverlener</label>
          <input id="dienstverlener" name="dienstverlener" inputMode="numeric" defaultValue={filter.providerId ?? ""} />
        </div>
        <div className="form-actions">
          <button type="submit">Filteren</button> <Link to="/beheer/logboek">Alles tonen</Link>
        </div>
      </Form>
      {filter.providerId !== null ? (
        <p>
          Alleen acties voor{" "}
          <Link to={`/beheer/dienstverleners/${filter.providerId}`}>{filter.providerName ?? `dienstverlener ${filter.providerId}`}</Link>.
        </p>
      ) : null}
      <AuditTable entries={entries} caption="Logboek" />
      {page > 1 || hasNext ? (
        <nav aria-label="Pagina's">
          <ul className="beheer-pagination">
            {page > 1 ? (
              <li>
                <Link to={link(page - 1)}>Nieuwere acties</Link>
              </li>
            ) : null}
            {hasNext ? (
              <li>
                <Link to={link(page + 1)}>Oudere acties</Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </>
  );
}
