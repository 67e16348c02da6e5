import { parseWithZod } from "~/domain/form-submission";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, formState, TextField } from "~/components/form";
import { formatDutchDate, formatDutchDateInput } from "~/domain/age";
import { pauseLabels, pauseSchema } from "~/domain/pause";
import { database } from "~/server/db.server";
import { pauseProvider, pauseState, resumeProvider } from "~/server/pause.server";
import { requireProvider } from "~/server/session.server";

export const meta: MetaFunction = () => [{ title: "Tijdelijk niet beschikbaar — Mijn omgeving — Vivium Services" }];

const PAGE = "/backoffice/pauze";

export async function loader({ request }: LoaderFunctionArgs) {
  const providerId = await requireProvider(request);
  const { db } = database();
  const [state, provider] = await Promise.all([
    pauseState(db, providerId),
    db.selectFrom("providers").select(["slug", "status"]).where("id", "=", providerId).executeTakeFirstOrThrow(),
  ]);
  return { state, profilePath: provider.slug && provider.status === "live" ? `/dienstverlener/${provider.slug}` : null };
}

export async function action({ request }: ActionFunctionArgs) {
  const providerId = await requireProvider(request);
  const formData = await request.formData();
  const { db } = database();
  if (formData.get("intent") === "resume") {
    await resumeProvider(db, providerId);
    return redirect(PAGE, 303);
  }
  const now = new Date();
  const submission = parseWithZod(formData, { schema: pauseSchema(now) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  await pauseProvider(db, providerId, submission.value.until, now);
  return redirect(PAGE, 303);
}

export default function PausePage() {
  const { state, profilePath } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const form = formState(lastResult, { until: state.paused && state.lastDay ? formatDutchDateInput(state.lastDay) : "" });

  return (
    <>
      <h1>Tijdelijk niet beschikbaar</h1>
      <p className="lead">
        Gaat u op vakantie, bent u ziek of heeft u het even te druk? Zet dan uw profiel op tijdelijk niet beschikbaar.
      </p>
      <ul>
        <li>Klanten vinden u dan niet meer bij het zoeken.</li>
        <li>Uw profielpagina blijft bereikbaar en vertelt dat u tijdelijk niet beschikbaar bent.</li>
        <li>Klanten kunnen u in die tijd geen nieuwe aanvragen sturen. Aanvragen die u al heeft, blijven staan.</li>
      </ul>

      {state.paused ? (
        <div className="notice notice--warning">
          <p>
            <strong>
              U staat op tijdelijk niet beschikbaar
              {state.lastDay ? ` tot en met ${formatDutchDate(state.lastDay)}` : ""}.
            </strong>{" "}
            {state.lastDay
              ? "De dag daarna vinden klanten u vanzelf weer."
              : "Klanten vinden u weer zodra u hieronder op Ik ben weer beschikbaar drukt."}
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="resume" />
            <button type="submit">Ik ben weer beschikbaar</button>
          </Form>
        </div>
      ) : (
        <div className="notice notice--success">
          <p>
            <strong>U bent beschikbaar.</strong> Klanten kunnen u vinden en een aanvraag sturen.
          </p>
        </div>
      )}

      <h2 id="pause-title">{state.paused ? "Einddatum aanpassen" : "Zet op tijdelijk niet beschikbaar"}</h2>
      <ErrorSummary errors={form.errors} labels={pauseLabels} />
      <Form method="post" noValidate aria-labelledby="pause-title">
        <input type="hidden" name="intent" value="pause" />
        <TextField
          name="until"
          label={pauseLabels.until}
          hint="Bijvoorbeeld 15-12-2026. Laat het leeg als u nog niet weet wanneer u terug bent; dan zet u het zelf weer aan."
          className="input--short"
          defaultValue={form.text("until")}
          error={form.error("until")}
        />
        <div className="form-actions">
          <button type="submit">{state.paused ? "Einddatum opslaan" : "Zet op tijdelijk niet beschikbaar"}</button>
        </div>
      </Form>
      {profilePath ? (
        <p>
          <Link to={profilePath}>Bekijk uw profielpagina</Link> zoals klanten die zien.
        </p>
      ) : null}
    </>
  );
}
