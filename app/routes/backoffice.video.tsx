import {
  data,
  MaxPartSizeExceededError,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { ErrorSummary, FieldError } from "~/components/form";
import { useHydrated } from "~/components/photo-cropper";
import { VideoRecorder } from "~/components/video-recorder";
import { formatDutchDay } from "~/domain/age";
import { videoMessage, videoUrl } from "~/domain/video-file";
import { config } from "~/server/config.server";
import { database } from "~/server/db.server";
import { requireProvider } from "~/server/session.server";
import { discardReceivedVideo, findVideoOverview, readVideoForm, saveVideo } from "~/server/videos.server";
import type { VideoSummary } from "~/server/videos.server";
import stylesHref from "~/styles/video.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];
export const meta: MetaFunction = () => [{ title: "Voorstelvideo — Mijn omgeving — Vivium Services" }];

const PAGE = "/backoffice/video";
const UPLOAD_LABELS = { video: "Videobestand (WebM of MP4)" };

export async function loader({ request }: LoaderFunctionArgs) {
  const providerId = await requireProvider(request);
  const overview = await findVideoOverview(database().db, providerId);
  return { ...overview, maxBytes: config().videoMaxBytes };
}

/** The upload form and the recorder post here; a saved video leads back to the page (no second upload on reload). */
export async function action({ request }: ActionFunctionArgs) {
  const providerId = await requireProvider(request);
  const { uploadsDir, videoMaxBytes } = config();
  let form: Awaited<ReturnType<typeof readVideoForm>>;
  try {
    form = await readVideoForm(request, { uploadsDir, maxBytes: videoMaxBytes });
  } catch (error) {
    if (!(error instanceof MaxPartSizeExceededError)) throw error;
    return data({ error: videoMessage("too-large", videoMaxBytes) }, { status: 413 });
  }
  const { formData, video } = form;
  if (video.kind === "none") return data({ error: videoMessage("missing", videoMaxBytes) }, { status: 400 });
  if (video.kind === "refused") return data({ error: videoMessage(video.problem, videoMaxBytes) }, { status: 400 });
  const source = formData.get("source") === "recorded" ? "recorded" : "uploaded";
  try {
    await saveVideo(database().db, uploadsDir, providerId, video.video, source);
  } catch (error) {
    await discardReceivedVideo(video.video);
    throw error;
  }
  return redirect(`${PAGE}?opgeslagen=1`, 303);
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toLocaleString("nl-NL", { maximumFractionDigits: 1 })} MB`;
}

export default function VideoPage() {
  const { approved, candidate, maxBytes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const hydrated = useHydrated();
  const navigation = useNavigation();
  const uploading = navigation.state === "submitting" && navigation.formAction === PAGE;
  const justSaved = params.get("opgeslagen") === "1" && !actionData;
  const error = actionData?.error;
  return (
    <div className="video-page">
      <h1>Uw voorstelvideo</h1>
      <p className="video-page__lead">
        Met een korte video laat u klanten zien en horen wie er bij hen op bezoek komt. Dat geeft vertrouwen. Een
        minuut is genoeg; de video mag hoogstens twee minuten duren.
      </p>

      {justSaved ? (
        <p className="notice notice--success" role="status">
          Uw video is opgeslagen. Een medewerker van Vivium Services bekijkt hem; na goedkeuring staat hij op uw profiel.
        </p>
      ) : null}

      <section aria-labelledby="video-status-title" className="video-status">
        <h2 id="video-status-title">Uw video nu</h2>
        <VideoStatus approved={approved} candidate={candidate} />
      </section>

      <div className="video-guidance">
        <section aria-labelledby="video-points-title">
          <h2 id="video-points-title">Wat vertelt u in uw video?</h2>
          <p>Deze vier onderdelen helpen u op weg:</p>
          <ol className="video-points">
            <li>Zeg wie u bent: uw naam, en iets over uzelf en waar u woont.</li>
            <li>Vertel welke diensten u aanbiedt en voor wie.</li>
            <li>Laat horen wat u anders maakt: hoe u werkt, waar u goed in bent, waarom klanten graag met u werken.</li>
            <li>Sluit af met een uitnodiging, bijvoorbeeld: &quot;Wilt u kennismaken? Neem gerust contact met mij op.&quot;</li>
          </ol>
        </section>
        <section aria-labelledby="video-tips-title">
          <h2 id="video-tips-title">Tips voor een goede opname</h2>
          <ul className="video-tips">
            <li>Zorg voor genoeg licht, het liefst daglicht van voren (niet met een raam achter u).</li>
            <li>Kies een rustige, effen achtergrond, zoals een lichte muur.</li>
            <li>Zet de camera recht voor u, op de hoogte van uw ogen.</li>
            <li>Zorg dat uw gezicht en schouders in het midden van het beeld staan.</li>
            <li>Praat rustig en duidelijk, in een stille ruimte.</li>
            <li>
              Noem in de video geen telefoonnummer, e-mailadres of website: klanten nemen contact op via Vivium Services.
            </li>
          </ul>
        </section>
      </div>

      <section aria-labelledby="video-record-title" className="video-record">
        <h2 id="video-record-title">Video opnemen</h2>
        {hydrated ? (
          <>
            <p>
              Klik op &quot;Start opname&quot;. Uw browser vraagt dan of deze website uw camera en microfoon mag gebruiken:
              kies &quot;Toestaan&quot;. Weigert u, dan neemt de website niets op en wordt er niets verstuurd; u kunt dan
              hieronder ook een videobestand kiezen. Na het toestaan telt de website vijf seconden af en begint de opname.
              Klaar? Druk op de spatiebalk of op &quot;Stop opname&quot;. Daarna kunt u uw opname bekijken, opnieuw opnemen
              of opslaan.
            </p>
            <VideoRecorder action={PAGE} maxBytes={maxBytes} />
          </>
        ) : (
          <p>
            Opnemen in de browser kan alleen als JavaScript aanstaat. Neem anders een video op met uw telefoon, tablet of
            computer en kies het bestand hieronder.
          </p>
        )}
      </section>

      <section aria-labelledby="video-upload-title" className="video-upload">
        <h2 id="video-upload-title">{hydrated ? "Of kies een videobestand" : "Kies een videobestand"}</h2>
        <ErrorSummary errors={error ? { video: [error] } : undefined} labels={UPLOAD_LABELS} />
        <Form method="post" action={PAGE} encType="multipart/form-data" className={error ? "field field--error" : "field"}>
          <input type="hidden" name="source" value="uploaded" />
          <label htmlFor="video">{UPLOAD_LABELS.video}</label>
          <span className="field__hint" id="video-hint">
            Een WebM- of MP4-bestand van hoogstens {megabytes(maxBytes)}, bijvoorbeeld een video die u met uw telefoon heeft
            opgenomen. Hoogstens twee minuten.
          </span>
          <FieldError id="video-error" message={error} />
          <input
            type="file"
            id="video"
            name="video"
            accept="video/webm,video/mp4,.webm,.mp4"
            aria-describedby={error ? "video-hint video-error" : "video-hint"}
            aria-invalid={error ? true : undefined}
          />
          <p>
            <button type="submit" className="button" disabled={uploading}>
              {uploading ? "Bezig met versturen…" : "Video versturen"}
            </button>
          </p>
        </Form>
      </section>

      <section aria-labelledby="video-help-title">
        <h2 id="video-help-title">Lukt het niet?</h2>
        <p>
          Onze video tool is nieuw. Werkt het opnemen of versturen niet, laat het ons weten; wij helpen u verder.{" "}
          <Link to="/backoffice/video/probleem">De video tool werkt niet</Link>
        </p>
      </section>
    </div>
  );
}

function VideoStatus({ approved, candidate }: { approved: VideoSummary | null; candidate: VideoSummary | null }) {
  if (!approved && !candidate) {
    return <p>U heeft nog geen voorstelvideo. Neem er hieronder een op, of kies een videobestand.</p>;
  }
  return (
    <>
      {candidate ? (
        <div className={candidate.status === "rejected" ? "video-box video-box--rejected" : "video-box video-box--pending"}>
          {candidate.status === "pending" ? (
            <>
              <h3>Uw nieuwe video wacht op goedkeuring</h3>
              <p>
                Opgeslagen op {formatDutchDay(candidate.createdAt)}. Een medewerker van Vivium Services bekijkt de video
                meestal binnen twee werkdagen. Alleen u kunt hem nu zien.
                {approved ? " Tot die tijd blijft uw vorige video op uw profiel staan." : null}
              </p>
            </>
          ) : (
            <>
              <h3>Uw nieuwe video is niet goedgekeurd</h3>
              <p>De reden: {candidate.rejectionReason}</p>
              <p>Neem gerust een nieuwe video op; die bekijken wij opnieuw.</p>
            </>
          )}
          <VideoPlayer video={candidate} label="Bekijk uw nieuwe video" />
        </div>
      ) : null}
      {approved ? (
        <div className="video-box video-box--approved">
          <h3>Uw video staat op uw profiel</h3>
          <p>Goedgekeurd{approved.reviewedAt ? ` op ${formatDutchDay(approved.reviewedAt)}` : ""}. Klanten zien deze video op uw profielpagina.</p>
          <VideoPlayer video={approved} label="Bekijk uw goedgekeurde video" />
        </div>
      ) : null}
    </>
  );
}

function VideoPlayer({ video, label }: { video: VideoSummary; label: string }) {
  return (
    // The provider's own recording, shown back to them; captions come with staff review.
    // eslint-disable-next-line jsx-a11y/media-has-caption
    <video className="video-box__player" controls preload="metadata" aria-label={label}>
      <source src={videoUrl(video.id)} type={video.contentType} />
    </video>
  );
}
