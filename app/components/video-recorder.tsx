import { useFetcher } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState } from "react";
import { formatClock, pickRecorderMimeType, RECORDING_MAX_SECONDS, spokenDuration } from "~/domain/video-file";

/**
 * Records an introduction video in the browser: asks for the camera and
 * microphone, counts down five seconds, records with MediaRecorder until the
 * provider presses the space bar or the stop button (or two minutes have
 * passed), shows the recording, and saves it to the page's own action as a
 * file upload. Rendered only once JavaScript runs; the upload form on the
 * same page is the way without it.
 */

export const COUNTDOWN_SECONDS = 5;

type Phase =
  | { name: "idle" }
  | { name: "asking" }
  | { name: "countdown"; secondsLeft: number }
  | { name: "recording"; secondsLeft: number }
  | { name: "preview"; url: string; blob: Blob; mimeType: string }
  | { name: "problem"; message: string };

type ActionReply = { error?: string | null } | undefined;

type VideoRecorderProps = {
  /** Where the recording is posted: the page's action, which answers like the upload form. */
  action: string;
  /** The server's limit; a longer recording is refused here before a long upload. */
  maxBytes: number;
};

const PERMISSION_DENIED =
  "U heeft de website geen toestemming gegeven om uw camera en microfoon te gebruiken, dus er is niets opgenomen. " +
  "Wilt u toch opnemen? Klik in de adresbalk op het slotje of het camera-icoon, zet camera en microfoon op 'Toestaan' en klik opnieuw op 'Start opname'. " +
  "U kunt ook hieronder een video kiezen die u met uw telefoon heeft gemaakt.";
const NO_CAMERA =
  "Wij vinden geen camera of microfoon op dit apparaat. Sluit een webcam aan en probeer het opnieuw, of kies hieronder een video die u met uw telefoon heeft gemaakt.";
const CAMERA_BUSY =
  "Uw camera wordt al door een ander programma gebruikt (bijvoorbeeld een videogesprek). Sluit dat programma en probeer het opnieuw.";
const NOT_SUPPORTED =
  "Deze browser kan hier geen video opnemen. Gebruik een recente versie van Chrome, Edge, Firefox of Safari, of kies hieronder een videobestand.";
const BLOCKED_BY_PAGE = "De camera is op deze pagina nog niet beschikbaar. Laad de pagina opnieuw en probeer het nog eens.";

function cameraAllowedByPage(): boolean {
  const policy = (document as Document & { featurePolicy?: { allowsFeature(feature: string): boolean } }).featurePolicy;
  return policy ? policy.allowsFeature("camera") && policy.allowsFeature("microphone") : true;
}

function problemFor(error: unknown): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : "";
  if (name === "NotAllowedError" || name === "SecurityError") return PERMISSION_DENIED;
  if (name === "NotFoundError" || name === "OverconstrainedError") return NO_CAMERA;
  if (name === "NotReadableError" || name === "AbortError") return CAMERA_BUSY;
  return "Het opnemen is niet gelukt. Probeer het opnieuw, of kies hieronder een videobestand.";
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
}

export function VideoRecorder({ action, maxBytes }: VideoRecorderProps) {
  const fetcher = useFetcher<ActionReply>();
  const [phase, setPhase] = useState<Phase>({ name: "idle" });
  const [announcement, setAnnouncement] = useState("");
  const [supported, setSupported] = useState<boolean | null>(null);
  const [pageAllows, setPageAllows] = useState(true);
  const streamRef = useRef<MediaStream | null>(null);
  const recorderRef = useRef<MediaRecorder | null>(null);
  const chunksRef = useRef<Blob[]>([]);
  const liveRef = useRef<HTMLVideoElement>(null);
  const stopButtonRef = useRef<HTMLButtonElement>(null);
  const previewHeadingRef = useRef<HTMLHeadingElement>(null);
  const startButtonRef = useRef<HTMLButtonElement>(null);
  const timerRef = useRef<number | null>(null);
  const reachedLimitRef = useRef(false);
  const previewUrl = phase.name === "preview" ? phase.url : null;

  useEffect(() => {
    setSupported(Boolean(navigator.mediaDevices?.getUserMedia) && typeof window.MediaRecorder !== "undefined");
    setPageAllows(cameraAllowedByPage());
  }, []);

  const clearTimer = () => {
    if (timerRef.current !== null) window.clearInterval(timerRef.current);
    timerRef.current = null;
  };

  const releaseCamera = useCallback(() => {
    streamRef.current?.getTracks().forEach((track) => track.stop());
    streamRef.current = null;
  }, []);

  // Leaving the page ends the camera and frees the recording.
  useEffect(() => () => {
    clearTimer();
    if (recorderRef.current?.state === "recording") recorderRef.current.stop();
    releaseCamera();
  }, [releaseCamera]);
  useEffect(() => () => {
    if (previewUrl) URL.revokeObjectURL(previewUrl);
  }, [previewUrl]);

  const stopRecording = useCallback(() => {
    const recorder = recorderRef.current;
    if (recorder && recorder.state === "recording") recorder.stop();
  }, []);

  const startRecording = useCallback(() => {
    const stream = streamRef.current;
    if (!stream) return;
    const mimeType = pickRecorderMimeType((type) => MediaRecorder.isTypeSupported(type));
    let recorder: MediaRecorder;
    try {
      recorder = new MediaRecorder(stream, { ...(mimeType ? { mimeType } : {}), videoBitsPerSecond: 1_500_000, audioBitsPerSecond: 96_000 });
    } catch (error) {
      releaseCamera();
      setPhase({ name: "problem", message: problemFor(error) });
      return;
    }
    chunksRef.current = [];
    recorder.ondataavailable = (event) => {
      if (event.data.size > 0) chunksRef.current.push(event.data);
    };
    recorder.onstop = () => {
      clearTimer();
      releaseCamera();
      const type = (recorder.mimeType || mimeType || "video/webm").split(";")[0] ?? "video/webm";
      const blob = new Blob(chunksRef.current, { type });
      chunksRef.current = [];
      const why = reachedLimitRef.current ? "De opname is gestopt: de twee minuten zijn om." : "De opname is gestopt.";
      setAnnouncement(`${why} U kunt uw opname nu bekijken, opnieuw opnemen of opslaan.`);
      setPhase({ name: "preview", url: URL.createObjectURL(blob), blob, mimeType: type });
    };
    recorderRef.current = recorder;
    // Small chunks: a long recording is not lost if the tab is closed while it stops.
    recorder.start(1000);
    reachedLimitRef.current = false;
    const startedAt = Date.now();
    setPhase({ name: "recording", secondsLeft: RECORDING_MAX_SECONDS });
    setAnnouncement("De opname is begonnen. Druk op de spatiebalk of op de knop Stop opname als u klaar bent.");
    timerRef.current = window.setInterval(() => {
      const left = RECORDING_MAX_SECONDS - Math.floor((Date.now() - startedAt) / 1000);
      if (left <= 0) {
        reachedLimitRef.current = true;
        stopRecording();
        return;
      }
      setPhase((current) => (current.name === "recording" ? { name: "recording", secondsLeft: left } : current));
      if (left === 60 || left === 30 || left === 10) setAnnouncement(`Nog ${spokenDuration(left)}.`);
    }, 250);
  }, [releaseCamera, stopRecording]);

  const begin = async () => {
    if (!cameraAllowedByPage()) {
      setPageAllows(false);
      return;
    }
    setPhase({ name: "asking" });
    setAnnouncement("Uw browser vraagt nu om toestemming voor uw camera en microfoon.");
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        video: { width: { ideal: 1280 }, height: { ideal: 720 }, facingMode: "user" },
        audio: { echoCancellation: true, noiseSuppression: true },
      });
    } catch (error) {
      setAnnouncement("");
      setPhase({ name: "problem", message: problemFor(error) });
      return;
    }
    streamRef.current = stream;
    let secondsLeft = COUNTDOWN_SECONDS;
    setPhase({ name: "countdown", secondsLeft });
    setAnnouncement(`De opname begint over ${secondsLeft} seconden.`);
    timerRef.current = window.setInterval(() => {
      secondsLeft -= 1;
      if (secondsLeft > 0) {
        setPhase({ name: "countdown", secondsLeft });
        setAnnouncement(String(secondsLeft));
        return;
      }
      clearTimer();
      startRecording();
    }, 1000);
  };

  const cancelCountdown = () => {
    clearTimer();
    releaseCamera();
    setAnnouncement("De opname is niet gestart.");
    setPhase({ name: "idle" });
  };

  const retake = () => {
    setAnnouncement("");
    void begin();
  };

  const save = () => {
    if (phase.name !== "preview") return;
    if (phase.blob.size > maxBytes) {
      setPhase({ name: "problem", message: `Deze opname is groter dan ${Math.floor(maxBytes / (1024 * 1024))} MB. Neem een kortere video op.` });
      return;
    }
    const extension = phase.mimeType.includes("mp4") ? "mp4" : "webm";
    const form = new FormData();
    form.set("source", "recorded");
    form.set("video", new File([phase.blob], `opname.${extension}`, { type: phase.mimeType }));
    fetcher.submit(form, { method: "post", action, encType: "multipart/form-data" });
  };

  // The live picture follows the camera.
  useEffect(() => {
    const video = liveRef.current;
    if (!video) return;
    video.srcObject = phase.name === "countdown" || phase.name === "recording" ? streamRef.current : null;
  }, [phase.name]);

  useEffect(() => {
    if (phase.name === "recording") stopButtonRef.current?.focus();
    if (phase.name === "preview") previewHeadingRef.current?.focus();
  }, [phase.name]);

  // The space bar stops the recording, wherever the focus is (except in a text field).
  useEffect(() => {
    if (phase.name !== "recording") return;
    const onKey = (event: KeyboardEvent) => {
      if ((event.code === "Space" || event.key === " ") && !isTyping(event.target)) {
        event.preventDefault();
        stopRecording();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [phase.name, stopRecording]);

  // A saved recording (the action redirects) puts the recorder back at the start; the page shows the new status.
  const wasSaving = useRef(false);
  useEffect(() => {
    if (fetcher.state !== "idle") {
      wasSaving.current = true;
      return;
    }
    if (!wasSaving.current) return;
    wasSaving.current = false;
    if (!fetcher.data?.error) {
      setPhase({ name: "idle" });
      setAnnouncement("Uw video is opgeslagen en wacht op goedkeuring.");
    }
  }, [fetcher.state, fetcher.data]);

  const saving = fetcher.state !== "idle";
  const saveError = fetcher.state === "idle" ? fetcher.data?.error : null;

  if (supported === false) {
    return (
      <p className="notice notice--warning" role="status">
        {NOT_SUPPORTED}
      </p>
    );
  }

  return (
    <div className="recorder">
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>

      {!pageAllows ? (
        <p className="notice notice--warning">
          {BLOCKED_BY_PAGE} <a href="/backoffice/video">Pagina opnieuw laden</a>
        </p>
      ) : null}

      {phase.name === "idle" || phase.name === "problem" ? (
        <>
          {phase.name === "problem" ? (
            <p className="notice notice--error recorder__problem" role="alert">
              {phase.message}
            </p>
          ) : null}
          <div className="recorder__screen recorder__screen--idle">
            <button type="button" className="button button--large" ref={startButtonRef} onClick={() => void begin()} disabled={!pageAllows}>
              {phase.name === "problem" ? "Opnieuw proberen" : "Start opname"}
            </button>
          </div>
        </>
      ) : null}

      {phase.name === "asking" ? (
        <div className="recorder__screen">
          <p className="recorder__message">Uw browser vraagt om toestemming voor uw camera en microfoon. Kies &apos;Toestaan&apos;.</p>
        </div>
      ) : null}

      {phase.name === "countdown" || phase.name === "recording" ? (
        <div className="recorder__screen">
          <video ref={liveRef} className="recorder__live" autoPlay muted playsInline aria-label="Wat uw camera nu ziet" />
          {phase.name === "countdown" ? (
            <div className="recorder__overlay">
              <p className="recorder__countdown" aria-hidden="true">
                {phase.secondsLeft}
              </p>
              <p className="recorder__overlay-text">De opname begint over {phase.secondsLeft} seconden</p>
              <button type="button" className="button button--secondary" onClick={cancelCountdown}>
                Niet opnemen
              </button>
            </div>
          ) : (
            <div className="recorder__bar">
              <p className="recorder__recording">
                <span className="recorder__dot" aria-hidden="true" /> Opname loopt — nog{" "}
                <span className="recorder__clock">{formatClock(phase.secondsLeft)}</span>
                <span className="visually-hidden"> ({spokenDuration(phase.secondsLeft)})</span>
              </p>
              <button type="button" className="button button--large recorder__stop" ref={stopButtonRef} onClick={stopRecording}>
                Stop opname (spatiebalk)
              </button>
            </div>
          )}
        </div>
      ) : null}

      {phase.name === "preview" ? (
        <div className="recorder__preview">
          <h3 ref={previewHeadingRef} tabIndex={-1}>
            Uw opname
          </h3>
          {/* A recording just made has no captions yet; staff can add them later. */}
          {/* eslint-disable-next-line jsx-a11y/media-has-caption */}
          <video className="recorder__playback" src={phase.url} controls playsInline preload="metadata" />
          {saveError ? (
            <p className="notice notice--error" role="alert">
              {saveError}
            </p>
          ) : null}
          {saving ? (
            <p className="notice" role="status">
              Bezig met opslaan… Sluit deze pagina niet.
            </p>
          ) : null}
          <div className="recorder__actions">
            <button type="button" className="button button--large" onClick={save} disabled={saving}>
              Opslaan
            </button>
            <button type="button" className="button button--secondary" onClick={retake} disabled={saving}>
              Opnieuw opnemen
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
