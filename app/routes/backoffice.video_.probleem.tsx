import { parseWithZod } from "~/domain/form-submission";
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useEffect, useState } from "react";
import { ErrorSummary, formState, TextArea } from "~/components/form";
import { VIDEO_REPORT_DESCRIPTION_MAX, videoReportLabels, videoReportSchema } from "~/domain/video-report";
import { config } from "~/server/config.server";
import { database } from "~/server/db.server";
import { requireProvider } from "~/server/session.server";
import { recordVideoToolReport } from "~/server/videos.server";
import stylesHref from "~/styles/video.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];
export const meta: MetaFunction = () => [{ title: "De video tool werkt niet — Mijn omgeving — Vivium Services" }];

const PAGE = "/backoffice/video/probleem";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireProvider(request);
  return { userAgent: request.headers.get("User-Agent") ?? "onbekend" };
}

export async function action({ request }: ActionFunctionArgs) {
  const providerId = await requireProvider(request);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: videoReportSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  await recordVideoToolReport(database().db, {
    providerId,
    description: submission.value.description,
    userAgent: request.headers.get("User-Agent"),
    clientDetails: submission.value.clientDetails,
    staffAddress: config().mail.staffAddress,
  });
  return redirect(`${PAGE}?verzonden=1`, 303);
}

/** What the page's script can tell staff beyond the User-Agent: the things the recorder depends on. */
function browserDetails(): string {
  const media = navigator.mediaDevices;
  const recorder = typeof window.MediaRecorder !== "undefined";
  const types = recorder ? ["video/webm", "video/mp4"].filter((type) => MediaRecorder.isTypeSupported(type)).join(", ") || "geen" : "n.v.t.";
  return [
    `Browser: ${navigator.userAgent}`,
    `Taal: ${navigator.language}`,
    `Scherm: ${window.screen.width}×${window.screen.height}, venster ${window.innerWidth}×${window.innerHeight}`,
    `Camera-toegang mogelijk: ${typeof media?.getUserMedia === "function" ? "ja" : "nee"}`,
    `Opnemen mogelijk (MediaRecorder): ${recorder ? "ja" : "nee"}; formaten: ${types}`,
    `Beveiligde verbinding: ${window.isSecureContext ? "ja" : "nee"}`,
  ].join("\n");
}

export default function VideoProblemReport() {
  const { userAgent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const form = formState(actionData, { description: "" });
  const [details, setDetails] = useState<string | null>(null);
  useEffect(() => setDetails(browserDetails()), []);

  if (params.get("verzonden") === "1" && !actionData) {
    return (
      <div className="video-report">
        <h1>Bedankt voor uw melding</h1>
        <p className="notice notice--success" role="status">
          Uw melding is verstuurd naar Vivium Services. Een medewerker bekijkt het probleem en neemt zo nodig contact met u op.
        </p>
        <p>
          <Link to="/backoffice/video" reloadDocument>
            Terug naar uw voorstelvideo
          </Link>
        </p>
      </div>
    );
  }

  return (
    <div className="video-report">
      <h1>De video tool werkt niet</h1>
      <p className="video-page__lead">
        Vervelend dat het opnemen of versturen van uw video niet lukt. Vertel ons wat er gebeurde; wij sturen uw melding
        door naar een medewerker, die u verder helpt.
      </p>
      <ErrorSummary errors={form.errors} labels={videoReportLabels} />
      <Form method="post" noValidate>
        <TextArea
          name="description"
          label={videoReportLabels.description}
          hint="Bijvoorbeeld: wat u deed, welke melding u zag en op welk apparaat (computer, tablet of telefoon)."
          rows={6}
          maxCharacters={VIDEO_REPORT_DESCRIPTION_MAX}
          defaultValue={form.text("description")}
          error={form.error("description")}
        />
        <h2>Gegevens over uw browser</h2>
        <p>Deze gegevens sturen wij mee, zodat wij het probleem kunnen nazoeken:</p>
        <pre className="video-report__details">{details ?? userAgent}</pre>
        {details ? <input type="hidden" name="clientDetails" value={details} /> : null}
        <p>
          <button type="submit" className="button" disabled={navigation.state === "submitting"}>
            Melding versturen
          </button>
        </p>
      </Form>
      <p>
        <Link to="/backoffice/video" reloadDocument>
          Terug naar uw voorstelvideo
        </Link>
      </p>
    </div>
  );
}
