import { parseWithZod } from "~/domain/form-submission";
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { Fragment } from "react";
import { ErrorSummary, TextArea } from "~/components/form";
import { Pagination } from "~/components/provider-card";
import { formatDay } from "~/domain/contact-request-status";
import { starsWord } from "~/domain/review";
import { HIDDEN_REASON_MAX, reviewModerationSchema } from "~/domain/staff-forms";
import { database } from "~/server/db.server";
import { listReviewsForStaff, setReviewHidden, type ReviewFilter } from "~/server/staff-reviews.server";
import { requireStaff } from "~/server/staff-session.server";
import staffStyles from "~/styles/staff-modules.css?url";
import { staffReviewsCount } from "~/domain/count-messages";

// beheer.css comes with the /beheer layout.
export const links: LinksFunction = () => [{ rel: "stylesheet", href: staffStyles }];
export const meta: MetaFunction = () => [{ title: "Beoordelingen — Beheer — Vivium Services" }];

const PAGE = "/beheer/beoordelingen";
const PER_PAGE = 25;
const FILTERS: Record<string, ReviewFilter> = { alle: "all", zichtbaar: "visible", verborgen: "hidden" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const params = new URL(request.url).searchParams;
  const filterKey = FILTERS[params.get("toon") ?? ""] ? (params.get("toon") as string) : "alle";
  const requested = Math.max(1, Number.parseInt(params.get("pagina") ?? "1", 10) || 1);
  const { reviews, total } = await listReviewsForStaff(database().db, FILTERS[filterKey]!, PER_PAGE, (requested - 1) * PER_PAGE);
  return {
    filterKey,
    page: requested,
    pageCount: Math.max(1, Math.ceil(total / PER_PAGE)),
    total,
    reviews: reviews.map((r) => ({ ...r, date: formatDay(r.createdAt), hiddenOn: r.hiddenAt ? formatDay(r.hiddenAt) : null })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const staff = await requireStaff(request);
  const form = await request.formData();
  const submission = parseWithZod(form, { schema: reviewModerationSchema });
  const reviewId = String(form.get("reviewId") ?? "");
  if (submission.status !== "success") {
    const errors = submission.reply().error ?? {};
    if (errors.reviewId || errors.intent) throw new Response("Onbekende beoordeling", { status: 400 });
    return data({ reviewId, reason: String(form.get("reason") ?? ""), error: errors.reason?.[0] ?? "Schrijf de reden op" }, { status: 400 });
  }
  const { intent, reason } = submission.value;
  if (!(await setReviewHidden(database().db, staff, submission.value.reviewId, intent === "hide", reason))) {
    throw new Response("Niet gevonden", { status: 404 });
  }
  const back = String(form.get("toon") ?? "");
  const query = new URLSearchParams({ klaar: intent === "hide" ? "verborgen" : "zichtbaar", ...(FILTERS[back] ? { toon: back } : {}) });
  return redirect(`${PAGE}?${query}`, 303);
}

export default function StaffReviews() {
  const { filterKey, page, pageCount, total, reviews } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  // Each redirect after a form is a new page: the forms start again from what is saved.
  const location = useLocation();
  const done = failed ? null : searchParams.get("klaar");
  const failedField = failed ? `reason-${failed.reviewId}` : null;

  return (
    <Fragment key={location.key}>
      <h1>Beoordelingen</h1>
      <p className="lead">
        Een verborgen beoordeling staat niet meer op het profiel en telt niet mee in het gemiddelde. De dienstverlener ziet in de eigen omgeving dat
        hij verborgen is. Schrijf altijd de reden op.
      </p>
      {done === "verborgen" || done === "zichtbaar" ? (
        <div className="notice notice--success" role="status">
          <p>{done === "verborgen" ? "De beoordeling is verborgen." : "De beoordeling staat weer op het profiel."}</p>
        </div>
      ) : null}
      {failed && failedField ? (
        <ErrorSummary errors={{ [failedField]: [failed.error] }} labels={{ [failedField]: `Reden bij beoordeling ${failed.reviewId}` }} />
      ) : null}

      <nav aria-label="Welke beoordelingen" className="staff-actions">
        {Object.keys(FILTERS).map((key) => (
          <Link
            key={key}
            to={key === "alle" ? PAGE : `${PAGE}?toon=${key}`}
            className={key === filterKey ? "button" : "button button--secondary"}
            aria-current={key === filterKey ? "page" : undefined}
          >
            {key === "alle" ? "Alle" : key === "zichtbaar" ? "Zichtbaar" : "Verborgen"}
          </Link>
        ))}
      </nav>
      <p role="status">{staffReviewsCount(total)}</p>

      <ul className="staff-list">
        {reviews.map((review) => {
          const field = `reason-${review.id}`;
          const error = failed && failed.reviewId === String(review.id) ? failed.error : undefined;
          const hidden = review.hiddenAt !== null;
          return (
            <li key={review.id} id={`beoordeling-${review.id}`} className={hidden ? "staff-item staff-item--muted" : "staff-item"}>
              <h2 className="staff-item__title">
                {review.displayName} over{" "}
                {review.providerSlug ? <Link to={`/dienstverlener/${review.providerSlug}`}>{review.providerName}</Link> : review.providerName}
                {hidden ? <span className="staff-tag">Verborgen</span> : null}
              </h2>
              <p>
                <span aria-hidden="true">{"★".repeat(review.rating) + "☆".repeat(5 - review.rating)}</span> <span>{starsWord(review.rating)}</span> ·{" "}
                {review.date}
              </p>
              <p className="staff-pre">{review.body}</p>
              {hidden ? (
                <p>
                  Verborgen op {review.hiddenOn}. Reden: {review.hiddenReason}
                </p>
              ) : null}
              <Form method="post" noValidate className="staff-form">
                <input type="hidden" name="reviewId" value={review.id} />
                <input type="hidden" name="intent" value={hidden ? "unhide" : "hide"} />
                <input type="hidden" name="toon" value={filterKey} />
                <TextArea
                  id={field}
                  name="reason"
                  label={hidden ? `Waarom weer tonen? (beoordeling ${review.id})` : `Waarom verbergen? (beoordeling ${review.id})`}
                  rows={2}
                  maxCharacters={HIDDEN_REASON_MAX}
                  defaultValue={error ? failed?.reason : undefined}
                  error={error}
                />
                <button type="submit" className="button button--secondary">
                  {hidden ? "Weer tonen" : "Verbergen"}
                  <span className="visually-hidden"> (beoordeling {review.id} van {review.displayName})</span>
                </button>
              </Form>
            </li>
          );
        })}
      </ul>
      <Pagination
        page={page}
        pageCount={pageCount}
        hrefFor={(pagina) => `${PAGE}?${new URLSearchParams({ ...(filterKey !== "alle" ? { toon: filterKey } : {}), ...(pagina > 1 ? { pagina: String(pagina) } : {}) })}`}
      />
    </Fragment>
  );
}
