import { Form } from "@remix-run/react";
import { useEffect, useRef, useState, type ChangeEvent, type ReactNode } from "react";
import { ErrorSummary, FieldError, TextArea } from "~/components/form";
import { PhotoCropper, useHydrated } from "~/components/photo-cropper";
import { PHOTO_CONTENT_TYPES, PHOTO_MAX_BYTES, PHOTO_MESSAGES, photoUrl, type Crop } from "~/domain/profile-photo";
import { INTRO_TEXT_MAX, PROFILE_TEXT_MIN, profielLabels } from "~/domain/signup-schemas";
import type { StepFormState } from "./types";

const labels = { ...profielLabels, photo: "Profielfoto" };

type ProfielFormProps = {
  form: StepFormState;
  photo: { id: string; crop: Crop } | null;
  firstName: string;
  /** Said after "Foto verwijderen". */
  notice: string | null;
  actions: ReactNode;
  /** The text of the page's save button, named where a change waits for it. */
  saveLabel: string;
};

/**
 * The profile form of the signup wizard and the backoffice settings: the two
 * texts and the photo, which can be replaced, re-cropped from the stored
 * original (with JavaScript) or deleted. Needs app/styles/profile-step.css.
 */
export function ProfielForm({ form, photo, firstName, notice, actions, saveLabel }: ProfielFormProps) {
  return (
    <>
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
        <PhotoFieldset photo={photo} firstName={firstName} error={form.error("photo")} saveLabel={saveLabel} />
        {actions}
      </Form>
    </>
  );
}

type PhotoFieldsetProps = {
  photo: { id: string; crop: Crop } | null;
  firstName: string;
  error?: string;
  saveLabel: string;
};

function PhotoFieldset({ photo, firstName, error, saveLabel }: PhotoFieldsetProps) {
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
          <p className="photo-field__note">De nieuwe uitsnede wordt bewaard als u op &quot;{saveLabel}&quot; klikt.</p>
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
