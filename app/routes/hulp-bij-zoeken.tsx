import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, formState, TextArea, TextField } from "~/components/form";
import { CONTACT } from "~/domain/contact";
import { parseWithZod } from "~/domain/form-submission";
import { SEARCH_HELP_MAX, searchHelpLabels, searchHelpPrefill, searchHelpSchema } from "~/domain/search-help";
import { database } from "~/server/db.server";
import { submitSearchHelpRequest } from "~/server/search-help.server";

export const meta: MetaFunction = () => [
  { title: "Hulp bij het zoeken — Vivium Services" },
  { name: "description", content: "Vindt u niemand? Laat uw telefoonnummer achter. Een medewerker van Vivium belt u terug en zoekt met u mee." },
];

/** The search page links here with what was searched (`?wat=`) and where (`?waar=`). */
export async function loader({ request }: LoaderFunctionArgs) {
  const { what, place } = searchHelpPrefill(new URL(request.url).searchParams);
  const search = new URLSearchParams();
  if (what) search.set("wat", what);
  if (place) search.set("waar", place);
  return { prefill: { what, place }, searchHref: search.size > 0 ? `/zoeken?${search}` : null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: searchHelpSchema });
  if (submission.status !== "success") {
    if (submission.error?.website) {
      // Only a bot fills in the hidden field; it gets no request and no hint why.
      return data(
        { result: submission.reply({ formErrors: [`Uw vraag kon niet worden verstuurd. Bel ons op ${CONTACT.phone} als dit blijft gebeuren.`], hideFields: ["website"] }) },
        { status: 400 },
      );
    }
    return data({ result: submission.reply() }, { status: 400 });
  }
  const submitted = await submitSearchHelpRequest(database().db, context.clientIp, submission.value);
  if (!submitted.ok) {
    return data(
      {
        result: submission.reply({
          formErrors: [`Er zijn vanaf deze internetverbinding te veel vragen verstuurd. Probeer het over een uur opnieuw, of bel ons op ${CONTACT.phone}.`],
        }),
      },
      { status: 429, headers: { "Retry-After": String(submitted.retryAfterSeconds) } },
    );
  }
  return redirect("/hulp-bij-zoeken/verzonden", 303);
}

export default function SearchHelp() {
  const { prefill, searchHref } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const form = formState(actionData?.result, prefill);
  const labels = searchHelpLabels;

  return (
    <section aria-labelledby="search-help-title" className="search-help-page">
      <h1 id="search-help-title">Hulp bij het zoeken</h1>
      <p className="lead">Vindt u niet wat u zoekt? Wij helpen u graag.</p>
      <p>
        Een medewerker van Vivium zoekt dan met u mee. Laat hieronder uw naam en telefoonnummer achter. Wij bellen u terug, op werkdagen.
      </p>
      <p>
        Liever meteen iemand spreken? Bel ons op <a href={CONTACT.phoneHref}>{CONTACT.phone}</a>, {CONTACT.hours}.
      </p>

      <ErrorSummary errors={form.errors} labels={labels} />
      <Form method="post" noValidate>
        <TextField name="name" label={labels.name} hint="Bijvoorbeeld Truus de Boer" autoComplete="name" defaultValue={form.text("name")} error={form.error("name")} />
        <TextField
          name="phone"
          type="tel"
          label={labels.phone}
          hint="Op dit nummer bellen wij u terug. Vast of mobiel, bijvoorbeeld 0612345678"
          autoComplete="tel"
          defaultValue={form.text("phone")}
          error={form.error("phone")}
        />
        <TextArea
          name="what"
          label={labels.what}
          hint={`Bijvoorbeeld: iemand die mijn haar thuis knipt, of hulp in de tuin. Hoogstens ${SEARCH_HELP_MAX.what} tekens.`}
          rows={3}
          maxCharacters={SEARCH_HELP_MAX.what}
          defaultValue={form.text("what")}
          error={form.error("what")}
        />
        <TextField
          name="place"
          label={labels.place}
          hint="De plaats of de postcode waar u hulp zoekt, bijvoorbeeld Woerden of 3447 GT"
          autoComplete="address-level2"
          defaultValue={form.text("place")}
          error={form.error("place")}
        />
        <div className="honeypot" aria-hidden="true">
          <label htmlFor="website">Laat dit veld leeg</label>
          <input type="text" id="website" name="website" tabIndex={-1} autoComplete="off" />
        </div>
        <p>
          Wij gebruiken uw gegevens alleen om u terug te bellen. Lees in het <Link to="/privacy">privacy statement</Link> wat wij met uw gegevens
          doen.
        </p>
        <div className="form-actions">
          <button type="submit">Bel mij terug</button>
        </div>
      </Form>
      {searchHref ? (
        <p>
          <Link to={searchHref}>Terug naar de zoekresultaten</Link>
        </p>
      ) : null}
    </section>
  );
}
