import { parseWithZod } from "@conform-to/zod/v4";
import {
  data,
  MaxPartSizeExceededError,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useRef, useState, type ChangeEvent } from "react";
import { ErrorSummary, FieldError, formState, TextArea } from "~/components/form";
import { PhotoCropper, useHydrated } from "~/components/photo-cropper";
import { StepActions, StepPage } from "~/components/wizard";
import { parseCropFields, PHOTO_CONTENT_TYPES, PHOTO_MAX_BYTES, PHOTO_MESSAGES, photoUrl, type Crop } from "~/domain/profile-photo";
import { INTRO_TEXT_MAX, PROFILE_TEXT_MIN, profielLabels, profielSchema } from "~/domain/signup-schemas";
import { config } from "~/server/config.server";
import {
  commitPhotoChange,
  deletePhoto,
  findProviderPhoto,
  inspectPhoto,
  PhotoError,
  preparePhoto,
  prepareRecrop,
  readPhotoForm,
  type PhotoField,
  type PreparedPhoto,
} from "~/server/photos.server";
import { completeStep, requireWizardStep } from "~/server/wizard.server";
import profileStyles from "~/styles/profile-step.css?url";
import type { WizardHandle } from "./aanmelden";

export const handle: WizardHandle = { step: "profiel" };
export const meta: MetaFunction = () => [{ title: "Stap 4: Uw profiel — Aanmelden — Vivium Services" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: profileStyles }];

const labels = { ...profielLabels, photo: "Profielfoto" };

const PHOTO_NOT_SAVED = "Uw foto is nog niet opgeslagen, omdat er hierboven nog iets aangepast moet worden. Kies de foto daarna opnieuw.";

export async function loader({ request }: LoaderFunctionArgs) {
  const { db, providerId, provider } = await requireWizardStep(request, "profiel");
  const photo = await findProviderPhoto(db, providerId);
  return {
    firstName: provider.first_name,
    saved: { introText: provider.intro_text ?? "", profileText: provider.profile_text ?? "" },
    photo: photo ? { id: photo.id, crop: photo.crop } : null,
  };
}

/** What the provider typed, to fill the form again when it is shown without saving. */
function typedTexts(formData: FormData) {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  return { introText: text("introText"), profileText: text("profileText") };
}

/**
 * What to say at the photo when the texts are refused: the photo's own
 * problem if it has one. Otherwise, without JavaScript, that it must be
 * chosen again, because the browser empties the file field when the page
 * comes back; with JavaScript the file stays chosen and goes along with the
 * next try, so there is nothing to say.
 */
async function unsavedPhotoMessage(photo: PhotoField, withScript: boolean): Promise<string | null> {
  if (photo.kind === "too-large") return PHOTO_MESSAGES["too-large"];
  if (photo.kind === "none") return null;
  try {
    await inspectPhoto(photo.upload.buffer);
  } catch (error) {
    if (error instanceof PhotoError) return error.message;
    throw error;
  }
  return withScript ? null : PHOTO_NOT_SAVED;
}

export async function action({ request }: ActionFunctionArgs) {
  const { db, providerId, completed } = await requireWizardStep(request, "profiel");
  const { uploadsDir } = config();
  let form: Awaited<ReturnType<typeof readPhotoForm>>;
  try {
    form = await readPhotoForm(request);
  } catch (error) {
    // Only a file far beyond the limit, or a client that is not a browser, gets here.
    if (!(error instanceof MaxPartSizeExceededError)) throw error;
    return data({ initialValue: null, error: { photo: [PHOTO_MESSAGES["too-large"]] } }, { status: 413 });
  }
  const { formData, photo } = form;

  if (formData.get("intent") === "delete-photo") {
    const deleted = await deletePhoto(db, uploadsDir, providerId);
    return data({ initialValue: typedTexts(formData), error: null, notice: deleted ? "Uw profielfoto is verwijderd." : null });
  }

  const submission = parseWithZod(formData, { schema: profielSchema });
  if (submission.status !== "success") {
    const photoMessage = await unsavedPhotoMessage(photo, formData.get("withScript") === "1");
    return data(submission.reply(photoMessage ? { fieldErrors: { photo: [photoMessage] } } : undefined), { status: 400 });
  }
  if (photo.kind === "too-large") {
    return data(submission.reply({ fieldErrors: { photo: [PHOTO_MESSAGES["too-large"]] } }), { status: 400 });
  }

  const crop: Crop | null = parseCropFields({
    left: formData.get("cropLeft"),
    top: formData.get("cropTop"),
    width: formData.get("cropWidth"),
    height: formData.get("cropHeight"),
  });
  const cropPhotoId = formData.get("cropPhotoId");
  let prepared: PreparedPhoto | null = null;
  if (photo.kind === "file") {
    try {
      prepared = await preparePhoto(uploadsDir, photo.upload, crop);
    } catch (error) {
      if (!(error instanceof PhotoError)) throw error;
      return data(submission.reply({ fieldErrors: { photo: [error.message] } }), { status: 400 });
    }
  } else if (crop && typeof cropPhotoId === "string") {
    prepared = await prepareRecrop(db, uploadsDir, providerId, cropPhotoId, crop);
  }

  const values = submission.value;
  const next = await commitPhotoChange(db, uploadsDir, providerId, prepared, async (trx) => {
    await trx.updateTable("providers").set({ intro_text: values.introText, profile_text: values.profileText }).where("id", "=", providerId).execute();
    return completeStep(trx, providerId, completed, "profiel");
  });
  return redirect(next);
}

export default function ProfielStep() {
  const { firstName, saved, photo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const form = formState(actionData, saved);
  const notice = actionData && "notice" in actionData ? actionData.notice : null;
  return (
    <StepPage
      title="Stap 4: Uw profiel"
      intro={
        <p>
          Wij vragen u twee teksten te schrijven over uzelf en uw dienst. De introductietekst staat op het kleine
          profielkaartje in de zoekresultaten, de uitgebreide profieltekst op uw eigen profielpagina. Als laatste kunt u
          een profielfoto van uzelf toevoegen.
        </p>
      }
    >
      <ErrorSummary errors={form.errors} labels={labels} />
      {notice ? (
        <p className="notice notice--success" role="status">
          {notice}
        </p>
      ) : null}
      <Form method="post" encType="multipart/form-data" noValidate>
        <TextArea
          name="introText"
          label={profielLabels.introText}
          hint={`Eén of twee zinnen over u en uw dienst, voor op uw profielkaartje. Hoogstens ${INTRO_TEXT_MAX} tekens.`}
          maxCharacters={INTRO_TEXT_MAX}
          rows={3}
          defaultValue={form.text("introText")}
          error={form.error("introText")}
        />
        <TextArea
          name="profileText"
          label={profielLabels.profileText}
          hint={
            <>
              Gebruik deze ruimte om uzelf en uw dienst persoonlijk toe te lichten, in minstens {PROFILE_TEXT_MIN} tekens.
              Deze vragen helpen u op weg:
              <span className="profile-prompts">
                <span className="profile-prompts__item">1. Stel uzelf voor en vertel iets meer over uzelf.</span>
                <span className="profile-prompts__item">2. Omschrijf uw dienst en waarom u dit met passie doet.</span>
                <span className="profile-prompts__item">3. Wat is er uniek aan uw manier van dienstverlening?</span>
              </span>
            </>
          }
          rows={12}
          defaultValue={form.text("profileText")}
          error={form.error("profileText")}
        />
        <PhotoFieldset photo={photo} firstName={firstName} error={form.error("photo")} />
        <StepActions previousPath="/aanmelden/bedrijf" />
      </Form>
    </StepPage>
  );
}

type PhotoFieldsetProps = {
  photo: { id: string; crop: Crop } | null;
  firstName: string;
  error?: string;
};

function PhotoFieldset({ photo, firstName, error }: PhotoFieldsetProps) {
  const hydrated = useHydrated();
  const inputRef = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [chosenProblem, setChosenProblem] = useState<string | null>(null);
  const [adjusting, setAdjusting] = useState(false);

  useEffect(() => {
    return () => {
      if (chosen) URL.revokeObjectURL(chosen);
    };
  }, [chosen]);
  // A photo just deleted or replaced takes its cropper with it.
  useEffect(() => setAdjusting(false), [photo?.id]);

  const onChoose = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    setChosenProblem(null);
    setChosen(null);
    if (!file) return;
    // The server checks again by content; this only saves a long wait for an upload it would refuse.
    const problem =
      file.size > PHOTO_MAX_BYTES
        ? PHOTO_MESSAGES["too-large"]
        : file.type && !(PHOTO_CONTENT_TYPES as readonly string[]).includes(file.type)
          ? PHOTO_MESSAGES["not-an-image"]
          : null;
    if (problem) {
      input.value = "";
      setChosenProblem(problem);
      return;
    }
    setChosen(URL.createObjectURL(file));
  };
  // The browser could not show the file: it is no PNG or JPG, whatever its name says.
  const onUnreadable = () => {
    if (inputRef.current) inputRef.current.value = "";
    setChosen(null);
    setChosenProblem(PHOTO_MESSAGES["not-an-image"]);
  };

  const shownError = chosenProblem ?? error;
  const describedBy = ["photo-hint", shownError ? "photo-error" : null].filter(Boolean).join(" ");
  return (
    <fieldset className={shownError ? "field field--error photo-field" : "field photo-field"}>
      <legend>Profielfoto (optioneel)</legend>
      <span className="field__hint" id="photo-hint">
        Een PNG- of JPG-bestand van hoogstens 10 MB. Kies een scherpe, frisse portretfoto met een witte achtergrond.
        Heeft u nu geen geschikte foto? Dan kunt u die later toevoegen.
      </span>
      {photo ? (
        <div className="photo-current">
          <picture>
            <source type="image/webp" srcSet={`${photoUrl(photo.id, "480.webp")} 480w, ${photoUrl(photo.id, "960.webp")} 960w`} sizes="12rem" />
            <img
              src={photoUrl(photo.id, "480.jpg")}
              srcSet={`${photoUrl(photo.id, "480.jpg")} 480w, ${photoUrl(photo.id, "960.jpg")} 960w`}
              sizes="12rem"
              width={480}
              height={600}
              alt={`Uw huidige profielfoto, ${firstName}`}
              className="photo-current__image"
            />
          </picture>
          <div className="photo-current__actions">
            <p>Dit is uw huidige profielfoto.</p>
            {hydrated ? (
              <button type="button" className="button--secondary" aria-expanded={adjusting} onClick={() => setAdjusting(!adjusting)}>
                {adjusting ? "Uitsnede niet aanpassen" : "Uitsnede aanpassen"}
              </button>
            ) : (
              <p className="photo-current__note">
                De uitsnede aanpassen kan alleen als JavaScript in uw browser aanstaat. U kunt wel een nieuwe foto
                kiezen.
              </p>
            )}
            <button type="submit" name="intent" value="delete-photo" className="button--secondary">
              Foto verwijderen
            </button>
          </div>
        </div>
      ) : null}
      <FieldError id="photo-error" message={shownError} />
      <label htmlFor="photo" className="photo-field__label">
        {photo ? "Kies een nieuwe foto" : "Kies een foto"}
      </label>
      <input
        ref={inputRef}
        type="file"
        id="photo"
        name="photo"
        accept="image/png,image/jpeg"
        className="photo-field__input"
        aria-describedby={describedBy}
        aria-invalid={shownError ? true : undefined}
        onChange={onChoose}
      />
      {hydrated ? <input type="hidden" name="withScript" value="1" /> : null}
      {hydrated && chosen ? (
        <PhotoCropper key={chosen} src={chosen} onLoadError={onUnreadable} />
      ) : hydrated && adjusting && photo ? (
        <>
          <p className="photo-field__note">De nieuwe uitsnede wordt bewaard als u op &quot;Volgende stap&quot; klikt.</p>
          <PhotoCropper
            key={photo.id}
            src={photoUrl(photo.id, "original.jpg")}
            initialCrop={photo.crop}
            photoId={photo.id}
            onLoadError={() => setAdjusting(false)}
          />
        </>
      ) : null}
      {hydrated ? null : (
        <p className="photo-field__note">
          De website kiest zelf een uitsnede rond het midden van uw foto. Met JavaScript aan kunt u de foto ook zelf
          verschuiven en inzoomen.
        </p>
      )}
    </fieldset>
  );
}
