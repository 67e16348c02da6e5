import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import {
  CALL_FILTER,
  OVERDUE_FILTER,
  PACKAGE_FILTER,
  parseStaffProviderFilters,
  PAYMENT_FILTER,
  STATUS_FILTER,
  statusValue,
  VERIFICATION_FILTER,
  VIDEO_FILTER,
  type FilterKey,
} from "~/domain/staff-filters";
import { VERIFICATION_CHECKS } from "~/domain/verification";
import { TableScroll } from "~/components/table-scroll";
import { database } from "~/server/db.server";
import { requireStaff } from "~/server/staff-session.server";
import { listProvidersForStaff } from "~/server/staff-providers.server";
import { providersFoundText } from "~/domain/count-messages";

export const meta: MetaFunction = () => [{ title: "Dienstverleners — Beheer — Vivium Services" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const url = new URL(request.url);
  const filters = parseStaffProviderFilters(url.searchParams);
  const page = Number.parseInt(url.searchParams.get("pagina") ?? "1", 10) || 1;
  const { db } = database();
  const [list, categories] = await Promise.all([
    listProvidersForStaff(db, filters, page),
    db.selectFrom("categories").select(["id", "name"]).orderBy("position").execute(),
  ]);
  return { filters, list, categories };
}

const STATUS_LABEL = Object.fromEntries(STATUS_FILTER.map((o) => [o.value, o.label]));
const PACKAGE_LABEL = Object.fromEntries(PACKAGE_FILTER.map((o) => [o.value, o.label]));

export default function StaffProviderList() {
  const { filters, list, categories } = useLoaderData<typeof loader>();
  const filterSets: { key: FilterKey; label: string; options: readonly { value: string; label: string }[] }[] = [
    { key: "status", label: "Status", options: STATUS_FILTER },
    { key: "payment", label: "Betaling", options: PAYMENT_FILTER },
    { key: "verification", label: "Controles", options: VERIFICATION_FILTER },
    { key: "package", label: "Pakket", options: PACKAGE_FILTER },
    { key: "category", label: "Categorie", options: categories.map((c) => ({ value: String(c.id), label: c.name })) },
    { key: "overdue", label: "Te late aanvragen", options: OVERDUE_FILTER },
    { key: "call", label: "Kennismaking", options: CALL_FILTER },
    { key: "video", label: "Voorstelvideo", options: VIDEO_FILTER },
  ];
  const pageLink = (page: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value);
    params.set("pagina", String(page));
    return `?${params}`;
  };
  return (
    <>
      <h1>Dienstverleners</h1>
      <Form method="get" className="beheer-filters" aria-label="Zoeken en filteren">
        <div className="field">
          <label htmlFor="q">Zoek op naam, e-mailadres, plaats of webadres</label>
          <input id="q" name="q" type="search" defaultValue={filters.q} />
        </div>
        {filterSets.map((set) => (
          <div className="field" key={set.key}>
            <label htmlFor={`filter-${set.key}`}>{set.label}</label>
            <select id={`filter-${set.key}`} name={set.key} defaultValue={filters[set.key] ?? ""}>
              <option value="">Alle</option>
              {set.options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label} ({list.counts[set.key][option.value] ?? 0})
                </option>
              ))}
            </select>
          </div>
        ))}
        <div className="form-actions">
          <button type="submit">Zoeken</button> <Link to="/beheer/dienstverleners">Alles wissen</Link>
        </div>
      </Form>
      <p role="status">
        {providersFoundText(list.total)}
        {list.pageCount > 1 ? `, pagina ${list.page} van ${list.pageCount}` : ""}.
      </p>
      {list.rows.length > 0 ? (
        <TableScroll label="Gevonden dienstverleners">
          <table className="beheer-table">
            <caption className="visually-hidden">Gevonden dienstverleners</caption>
            <thead>
              <tr>
                <th scope="col">Naam</th>
                <th scope="col">E-mailadres</th>
                <th scope="col">Plaats</th>
                <th scope="col">Status</th>
                <th scope="col">Betaling</th>
                <th scope="col">Controles</th>
                <th scope="col">Pakket</th>
                <th scope="col">Te laat</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    <Link to={`/beheer/dienstverleners/${row.id}`}>{row.name}</Link>
                  </td>
                  <td>{row.email}</td>
                  <td>{row.place ?? "—"}</td>
                  <td>{STATUS_LABEL[statusValue(row.facts)] ?? row.facts.status}</td>
                  <td>{row.facts.paidPayments > 0 ? "Betaald" : row.facts.openPayments > 0 ? "Openstaand" : "Geen"}</td>
                  <td>
                    {row.facts.checks} van {VERIFICATION_CHECKS.length}
                  </td>
                  <td>{PACKAGE_LABEL[row.facts.packageKey ?? "none"] ?? row.facts.packageKey}</td>
                  <td>{row.facts.overdueRequests > 0 ? row.facts.overdueRequests : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}
      {list.pageCount > 1 ? (
        <nav aria-label="Pagina's">
          <ul className="beheer-pagination">
            {list.page > 1 ? (
              <li>
                <Link to={pageLink(list.page - 1)}>Vorige pagina</Link>
              </li>
            ) : null}
            {list.page < list.pageCount ? (
              <li>
                <Link to={pageLink(list.page + 1)}>Volgende pagina</Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </>
  );
}
