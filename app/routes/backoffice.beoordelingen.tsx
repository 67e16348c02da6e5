import { parseWithZod } from "~/domain/form-submission";
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary, TextArea } from "~/components/form";
import { ratingSentence, REPLY_MAX, replySchema, starsWord } from "~/domain/review";
import { database } from "~/server/db.server";
import { publicReviews, replyToReview, reviewsForProvider } from "~/server/reviews.server";
import { requireProvider } from "~/server/session.server";
import stylesHref from "~/styles/requests-and-reviews.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];
export const meta: MetaFunction = () => [{ title: "Beoordelingen — Mijn omgeving — Vivium Services" }];

const PAGE = "/backoffice/beoordelingen";

export async function loader({ request }: LoaderFunctionArgs) {
  const providerId = await requireProvider(request);
  const { db } = database();
  const [reviews, summary] = await Promise.all([reviewsForProvider(db, providerId), publicReviews(db, providerId, 0)]);
  return {
    reviews,
    summary: summary.average === null ? null : ratingSentence(summary.average, summary.count),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const providerId = await requireProvider(request);
  const submission = parseWithZod(await request.formData(), { schema: replySchema });
  const reviewId = submission.payload.reviewId;
  if (submission.status !== "success") {
    return data({ reviewId: String(reviewId ?? ""), reply: String(submission.payload.reply ?? ""), error: submission.reply().error?.reply?.[0] ?? "Schrijf uw reactie" }, { status: 400 });
  }
  const result = await replyToReview(database().db, { providerId, reviewId: submission.value.reviewId, reply: submission.value.reply });
  // Someone else's review, or one that does not exist: nothing to say about it.
  if (result === "not-found") throw new Response("Niet gevonden", { status: 404 });
  return redirect(result === "saved" ? `${PAGE}?geplaatst=${submission.value.reviewId}` : PAGE, 303);
}

export default function ProviderReviews() {
  const { reviews, summary } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const placed = failed ? null : searchParams.get("geplaatst");
  const failedField = failed ? `reply-${failed.reviewId}` : null;
  const failedReview = failed ? reviews.find((r) => String(r.id) === failed.reviewId) : undefined;

  return (
    <>
      <h1>Beoordelingen</h1>
      <p className="lead">
        Klanten die u heeft geholpen, krijgen na uw bezoek een e-mail met de vraag om u te beoordelen: zodra u hun aanvraag afhandelt met “Geholpen”. Op elke beoordeling kunt u één keer openbaar
        reageren. Uw reactie staat onder de beoordeling op uw profiel en kan daarna niet meer worden gewijzigd.
      </p>
      {placed ? (
        <div className="notice notice--success" role="status">
          <p>Uw reactie staat nu op uw profiel.</p>
        </div>
      ) : null}
      {failed && failedField ? (
        <ErrorSummary
          errors={{ [failedField]: [failed.error] }}
          labels={{ [failedField]: `Uw reactie op de beoordeling van ${failedReview?.author ?? "de klant"}` }}
        />
      ) : null}
      {summary ? <p className="rating-summary">Gemiddeld: {summary}.</p> : null}
      {reviews.length === 0 ? (
        <div className="notice">
          <p>U heeft nog geen beoordelingen.</p>
          <p>Handel uw aanvragen af in Aanvragen; de klant krijgt dan een e-mail met de vraag om u te beoordelen.</p>
        </div>
      ) : (
        <ul className="review-list">
          {reviews.map((review) => {
            const fieldId = `reply-${review.id}`;
            const error = failed && failed.reviewId === String(review.id) ? failed.error : undefined;
            return (
              <li key={review.id} className="review-item">
                <h2 className="review-item__title">
                  {review.author}, {review.date}
                </h2>
                <p className="review-item__stars">
                  <span aria-hidden="true">{"★".repeat(review.stars) + "☆".repeat(5 - review.stars)}</span>{" "}
                  <span>{starsWord(review.stars)}</span>
                </p>
                <p className="review-item__text">{review.text}</p>
                {review.hidden ? (
                  <p className="notice notice--warning">Vivium Services heeft deze beoordeling verborgen; hij staat niet op uw profiel.</p>
                ) : null}
                {review.reply ? (
                  <div className="review-reply">
                    <h3>Uw reactie van {review.reply.date}</h3>
                    <p>{review.reply.text}</p>
                  </div>
                ) : (
                  <Form method="post" noValidate className="review-reply-form">
                    <input type="hidden" name="reviewId" value={review.id} />
                    <TextArea
                      id={fieldId}
                      name="reply"
                      label={`Uw reactie op de beoordeling van ${review.author}`}
                      hint="Openbaar, onder de beoordeling op uw profiel. U kunt één keer reageren."
                      rows={4}
                      maxCharacters={REPLY_MAX}
                      defaultValue={error ? failed?.reply : undefined}
                      error={error}
                    />
                    <button type="submit" className="button">
                      Reactie plaatsen<span className="visually-hidden"> bij de beoordeling van {review.author}</span>
                    </button>
                  </Form>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
