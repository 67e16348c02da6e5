import { parseWithZod } from "~/domain/form-submission";
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorSummary, formState, TextArea, TextField } from "~/components/form";
import { StarRatingInput } from "~/components/star-rating";
import { CONTACT } from "~/domain/contact";
import { DISPLAY_NAME_MAX, REVIEW_TEXT_MAX, REVIEW_TEXT_MIN, reviewSchema } from "~/domain/review";
import { database } from "~/server/db.server";
import { findReviewInvitation, submitReview } from "~/server/reviews.server";
import stylesHref from "~/styles/requests-and-reviews.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];
export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: loaded?.invitation ? `Beoordeel ${loaded.invitation.providerName} — Vivium Services` : "Deze link werkt niet meer — Vivium Services" },
  // A personal link: never in a search engine.
  { name: "robots", content: "noindex" },
];

const labels = {
  rating: "Hoeveel sterren geeft u?",
  body: "Hoe ging het?",
  displayName: "Welke naam mogen wij tonen?",
};

// The same answer for a link that never existed, was used or has expired: the page gives nothing away.
const GONE = { status: 410, headers: { "Cache-Control": "no-store" } };

export async function loader({ params }: LoaderFunctionArgs) {
  const invitation = await findReviewInvitation(database().db, params.token);
  if (!invitation) return data({ invitation: null }, GONE);
  return data({ invitation }, { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { db } = database();
  const form = await request.formData();
  const submission = parseWithZod(form, { schema: reviewSchema });
  if (submission.status !== "success") {
    if (!(await findReviewInvitation(db, params.token))) return data({ gone: true as const, reply: null }, GONE);
    return data({ gone: false as const, reply: submission.reply() }, { status: 400 });
  }
  const result = await submitReview(db, params.token, submission.value);
  if (result.kind === "invalid") return data({ gone: true as const, reply: null }, GONE);
  const query = result.providerSlug ? `?${new URLSearchParams({ dienstverlener: result.providerSlug })}` : "";
  return redirect(`/beoordeling/bedankt${query}`, 303);
}

export default function ReviewPage() {
  const { invitation } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  if (!invitation || actionData?.gone) return <LinkGone />;

  const form = formState(actionData?.reply, { displayName: invitation.suggestedName });
  const rating = Number(form.text("rating"));
  return (
    <>
      <h1>Hoe was uw ervaring met {invitation.providerName}?</h1>
      <p className="lead">
        U stuurde op {invitation.requestedOn} via Vivium Services een contactverzoek aan {invitation.providerName}. Vertel andere klanten hoe
        het ging. Het kost u maar een paar minuten.
      </p>
      <ErrorSummary errors={form.errors} labels={labels} />
      <Form method="post" noValidate className="review-form">
        <StarRatingInput
          name="rating"
          legend={labels.rating}
          hint="1 ster is slecht, 5 sterren is uitstekend."
          selected={Number.isInteger(rating) && rating >= 1 && rating <= 5 ? rating : null}
          error={form.error("rating")}
        />
        <TextArea
          name="body"
          label={labels.body}
          hint={`Schrijf in een paar zinnen wat u goed vond of wat beter kan. Minstens ${REVIEW_TEXT_MIN} en hoogstens ${REVIEW_TEXT_MAX} tekens.`}
          rows={6}
          maxCharacters={REVIEW_TEXT_MAX}
          defaultValue={form.text("body")}
          error={form.error("body")}
          required
        />
        <TextField
          name="displayName"
          label={labels.displayName}
          hint="Deze naam staat bij uw beoordeling op de website. Alleen uw voornaam of uw voorletters mag ook."
          autoComplete="given-name"
          maxLength={DISPLAY_NAME_MAX}
          defaultValue={form.text("displayName")}
          error={form.error("displayName")}
          required
        />
        <p>Uw e-mailadres en telefoonnummer tonen wij nooit.</p>
        <div className="form-actions">
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            Beoordeling plaatsen
          </button>
        </div>
      </Form>
    </>
  );
}

function LinkGone() {
  return (
    <section className="error-page" aria-labelledby="gone-title">
      <h1 id="gone-title">Deze link werkt niet meer</h1>
      <p>
        Met deze link kunt u geen beoordeling (meer) schrijven. Elke link werkt één keer en 60 dagen lang. Heeft u al een beoordeling
        geschreven? Dan staat die op het profiel van de dienstverlener.
      </p>
      <p>
        <Link to="/" className="button">
          Naar de startpagina
        </Link>
      </p>
      <p>
        Denkt u dat dit niet klopt? Bel ons op <a href={CONTACT.phoneHref}>{CONTACT.phone}</a>, {CONTACT.hours}.
      </p>
    </section>
  );
}
