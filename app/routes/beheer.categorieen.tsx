import { parseWithZod } from "~/domain/form-submission";
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { Fragment } from "react";
import { ErrorSummary, TextArea, TextField } from "~/components/form";
import { addCategorySchema, CATEGORY_NAME_MAX, categoryKeywordsSchema, categoryLabels, keywordsText, renameCategorySchema } from "~/domain/category-admin";
import { formatDay } from "~/domain/contact-request-status";
import { database } from "~/server/db.server";
import { addCategory, listCategoriesForStaff, moveCategory, renameCategory, setCategoryKeywords, setCategoryRetired } from "~/server/staff-categories.server";
import { requireStaff } from "~/server/staff-session.server";
import staffStyles from "~/styles/staff-modules.css?url";
import { categoryProvidersText } from "~/domain/count-messages";

// beheer.css comes with the /beheer layout.
export const links: LinksFunction = () => [{ rel: "stylesheet", href: staffStyles }];
export const meta: MetaFunction = () => [{ title: "Categorieën — Beheer — Vivium Services" }];

const PAGE = "/beheer/categorieen";

const DONE: Record<string, string> = {
  toegevoegd: "De categorie is toegevoegd. Nieuwe dienstverleners kunnen hem nu kiezen.",
  hernoemd: "De naam is gewijzigd. Het oude adres van de categoriepagina stuurt door naar het nieuwe.",
  verplaatst: "De volgorde is gewijzigd.",
  gestopt: "De categorie wordt niet meer aangeboden. Dienstverleners die hem al hebben, houden hem.",
  terug: "De categorie wordt weer aangeboden.",
  zoekwoorden: "De zoekwoorden zijn opgeslagen. Wie een van deze woorden zoekt, vindt de dienstverleners van deze categorie nu meteen.",
};

const KEYWORDS_HINT = "Woorden die mensen typen als ze deze hulp zoeken, gescheiden door komma's. Bijvoorbeeld: kapper, knippen, haar.";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const categories = await listCategoriesForStaff(database().db);
  return {
    categories: categories.map((c) => ({ ...c, retiredOn: c.retiredAt ? formatDay(c.retiredAt) : null })),
  };
}

type Failure = { field: string; label: string; message: string; value: string };

const DUPLICATE = "Er is al een categorie met deze naam";

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const { db } = database();
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const id = Number(form.get("id"));

  if (intent === "add") {
    const submission = parseWithZod(form, { schema: addCategorySchema });
    const value = String(form.get("name") ?? "");
    if (submission.status !== "success") {
      const message = submission.reply().error?.name?.[0] ?? "Vul de naam van de categorie in";
      return data<Failure>({ field: "name", label: categoryLabels.name, message, value }, { status: 400 });
    }
    const result = await addCategory(db, staff, submission.value.name);
    if (!result.ok) return data<Failure>({ field: "name", label: categoryLabels.name, message: DUPLICATE, value }, { status: 400 });
    return redirect(`${PAGE}?klaar=toegevoegd#categorie-${result.id}`, 303);
  }

  if (intent === "rename") {
    const submission = parseWithZod(form, { schema: renameCategorySchema });
    const value = String(form.get("name") ?? "");
    const field = `name-${Number.isSafeInteger(id) ? id : 0}`;
    const label = `Nieuwe naam voor ${String(form.get("currentName") ?? "deze categorie")}`;
    if (submission.status !== "success") {
      const message = submission.reply().error?.name?.[0] ?? "Vul de nieuwe naam in";
      return data<Failure>({ field, label, message, value }, { status: 400 });
    }
    const result = await renameCategory(db, staff, submission.value.id, submission.value.name);
    if (!result.ok) {
      if (result.reason === "not-found") throw new Response("Niet gevonden", { status: 404 });
      return data<Failure>({ field, label, message: DUPLICATE, value }, { status: 400 });
    }
    return redirect(`${PAGE}?klaar=hernoemd#categorie-${result.id}`, 303);
  }

  if (intent === "keywords") {
    const submission = parseWithZod(form, { schema: categoryKeywordsSchema });
    const value = String(form.get("keywords") ?? "");
    const field = `keywords-${Number.isSafeInteger(id) ? id : 0}`;
    const label = `Zoekwoorden voor ${String(form.get("currentName") ?? "deze categorie")}`;
    if (submission.status !== "success") {
      const errors = submission.reply().error;
      const message = errors?.keywords?.[0];
      if (errors?.id || !message) throw new Response("Onbekende categorie", { status: 400 });
      return data<Failure>({ field, label, message, value }, { status: 400 });
    }
    const result = await setCategoryKeywords(db, staff, submission.value.id, submission.value.keywords);
    if (!result.ok) throw new Response("Niet gevonden", { status: 404 });
    return redirect(`${PAGE}?klaar=zoekwoorden#categorie-${result.id}`, 303);
  }

  if (!Number.isSafeInteger(id) || id <= 0) throw new Response("Onbekende categorie", { status: 400 });
  if (intent === "up" || intent === "down") {
    await moveCategory(db, staff, id, intent);
    return redirect(`${PAGE}?klaar=verplaatst#categorie-${id}`, 303);
  }
  if (intent === "retire" || intent === "unretire") {
    if (!(await setCategoryRetired(db, staff, id, intent === "retire"))) throw new Response("Niet gevonden", { status: 404 });
    return redirect(`${PAGE}?klaar=${intent === "retire" ? "gestopt" : "terug"}#categorie-${id}`, 303);
  }
  throw new Response("Onbekende actie", { status: 400 });
}

export default function StaffCategories() {
  const { categories } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  // Each redirect after a form is a new page: the forms start again from what is saved.
  const location = useLocation();
  const done = failed ? null : DONE[searchParams.get("klaar") ?? ""];
  const errorFor = (field: string) => (failed?.field === field ? failed.message : undefined);
  const valueFor = (field: string, fallback: string) => (failed?.field === field ? failed.value : fallback);

  return (
    <Fragment key={location.key}>
      <h1>Categorieën</h1>
      <p className="lead">
        De categorieën waaruit dienstverleners kiezen, in de volgorde van de startpagina. Een categorie die u stopt, blijft bij de dienstverleners
        die hem al hebben, maar wordt aan nieuwe dienstverleners niet meer aangeboden.
      </p>
      {done ? (
        <div className="notice notice--success" role="status">
          <p>{done}</p>
        </div>
      ) : null}
      {failed ? <ErrorSummary errors={{ [failed.field]: [failed.message] }} labels={{ [failed.field]: failed.label }} /> : null}

      <section className="beheer-section" aria-labelledby="add-title">
        <h2 id="add-title">Categorie toevoegen</h2>
        <Form method="post" noValidate className="staff-form">
          <input type="hidden" name="intent" value="add" />
          <TextField
            name="name"
            label={categoryLabels.name}
            hint="Zoals klanten hem zoeken, bijvoorbeeld Tuinman"
            maxLength={CATEGORY_NAME_MAX + 20}
            defaultValue={valueFor("name", "")}
            error={errorFor("name")}
          />
          <button type="submit" className="button">
            Categorie toevoegen
          </button>
        </Form>
      </section>

      <section className="beheer-section" aria-labelledby="list-title">
        <h2 id="list-title">Alle categorieën ({categories.length})</h2>
        <ol className="staff-list">
          {categories.map((category, index) => {
            const field = `name-${category.id}`;
            const keywordsField = `keywords-${category.id}`;
            return (
              <li key={category.id} id={`categorie-${category.id}`} className={category.retiredAt ? "staff-item staff-item--muted" : "staff-item"}>
                <h3 className="staff-item__title">
                  {index + 1}. {category.name}
                  {category.retiredOn ? <span className="staff-tag">Gestopt op {category.retiredOn}</span> : null}
                </h3>
                <p>
                  Pagina: <Link to={`/categorie/${category.slug}`}>/categorie/{category.slug}</Link> ·{" "}
                  {categoryProvidersText(category.providerCount)}
                </p>
                <CategoryKeywords id={category.id} name={category.name} keywords={category.keywords} />
                <div className="staff-actions">
                  <Form method="post" className="staff-actions__group">
                    <input type="hidden" name="id" value={category.id} />
                    <button type="submit" name="intent" value="up" className="button button--secondary" disabled={index === 0}>
                      Omhoog<span className="visually-hidden"> ({category.name})</span>
                    </button>
                    <button type="submit" name="intent" value="down" className="button button--secondary" disabled={index === categories.length - 1}>
                      Omlaag<span className="visually-hidden"> ({category.name})</span>
                    </button>
                  </Form>
                  <Form method="post" className="staff-actions__group">
                    <input type="hidden" name="id" value={category.id} />
                    {category.retiredAt ? (
                      <button type="submit" name="intent" value="unretire" className="button button--secondary">
                        Weer aanbieden<span className="visually-hidden"> ({category.name})</span>
                      </button>
                    ) : (
                      <button type="submit" name="intent" value="retire" className="button button--secondary">
                        Stoppen met aanbieden<span className="visually-hidden"> ({category.name})</span>
                      </button>
                    )}
                  </Form>
                </div>
                <Form method="post" noValidate className="staff-form staff-form--inline">
                  <input type="hidden" name="intent" value="rename" />
                  <input type="hidden" name="id" value={category.id} />
                  <input type="hidden" name="currentName" value={category.name} />
                  <TextField
                    id={field}
                    name="name"
                    label={`Nieuwe naam voor ${category.name}`}
                    maxLength={CATEGORY_NAME_MAX + 20}
                    defaultValue={valueFor(field, category.name)}
                    error={errorFor(field)}
                  />
                  <button type="submit" className="button">
                    Naam wijzigen<span className="visually-hidden"> ({category.name})</span>
                  </button>
                </Form>
                <details className="staff-disclosure" open={failed?.field === keywordsField ? true : undefined}>
                  <summary>
                    Zoekwoorden wijzigen<span className="visually-hidden"> ({category.name})</span>
                  </summary>
                  <Form method="post" noValidate className="staff-form">
                    <input type="hidden" name="intent" value="keywords" />
                    <input type="hidden" name="id" value={category.id} />
                    <input type="hidden" name="currentName" value={category.name} />
                    <TextArea
                      id={keywordsField}
                      name="keywords"
                      label={`Zoekwoorden voor ${category.name}`}
                      hint={KEYWORDS_HINT}
                      rows={4}
                      defaultValue={valueFor(keywordsField, keywordsText(category.keywords))}
                      error={errorFor(keywordsField)}
                    />
                    <button type="submit" className="button">
                      Zoekwoorden opslaan<span className="visually-hidden"> ({category.name})</span>
                    </button>
                  </Form>
                </details>
              </li>
            );
          })}
        </ol>
      </section>
    </Fragment>
  );
}

/** The zoekwoorden as a list that wraps; search finds the category's providers by each of them. */
function CategoryKeywords({ id, name, keywords }: { id: number; name: string; keywords: string[] }) {
  const titleId = `keywords-title-${id}`;
  if (keywords.length === 0) {
    return <p className="staff-keywords__none">Zoekwoorden: nog geen. Zoeken vindt {name} alleen op de naam.</p>;
  }
  return (
    <div className="staff-keywords">
      <p id={titleId} className="staff-keywords__title">
        Zoekwoorden ({keywords.length}):
      </p>
      <ul className="staff-keywords__list" aria-labelledby={titleId}>
        {keywords.map((keyword) => (
          <li key={keyword}>{keyword}</li>
        ))}
      </ul>
    </div>
  );
}
