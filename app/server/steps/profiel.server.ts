import { parseWithZod } from "~/domain/form-submission";
import { MaxPartSizeExceededError } from "@remix-run/node";
import { parseCropFields, PHOTO_MESSAGES, type Crop } from "~/domain/profile-photo";
import { profielSchema } from "~/domain/signup-schemas";
import type { Db } from "../db.server";
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
} from "../photos.server";
import { refused, saved, type AfterSave, type ProviderRow } from "./outcome.server";

const PHOTO_NOT_SAVED = "Uw foto is nog niet opgeslagen, omdat er hierboven nog iets aangepast moet worden. Kies de foto daarna opnieuw.";

/** What the form shows: the texts as stored and the current photo with its crop. */
export async function profielValues(db: Db, providerId: number, provider: ProviderRow) {
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

/**
 * The profile texts and photo: a new photo (cropped as chosen), a new crop of
 * the stored original, or "Foto verwijderen". The photo's files are written
 * before and removed after the transaction, so a failure leaves no half photo.
 */
export async function submitProfiel<T>(db: Db, uploadsDir: string, providerId: number, request: Request, afterSave: AfterSave<T>) {
  let form: Awaited<ReturnType<typeof readPhotoForm>>;
  try {
    form = await readPhotoForm(request);
  } catch (error) {
    // Only a file far beyond the limit, or a client that is not a browser, gets here.
    if (!(error instanceof MaxPartSizeExceededError)) throw error;
    return refused({ initialValue: null, error: { photo: [PHOTO_MESSAGES["too-large"]] } }, 413);
  }
  const { formData, photo } = form;

  if (formData.get("intent") === "delete-photo") {
    const deleted = await deletePhoto(db, uploadsDir, providerId);
    return refused({ initialValue: typedTexts(formData), error: null, notice: deleted ? "Uw profielfoto is verwijderd." : null }, 200);
  }

  const submission = parseWithZod(formData, { schema: profielSchema });
  if (submission.status !== "success") {
    const photoMessage = await unsavedPhotoMessage(photo, formData.get("withScript") === "1");
    return refused(submission.reply(photoMessage ? { fieldErrors: { photo: [photoMessage] } } : undefined));
  }
  if (photo.kind === "too-large") {
    return refused(submission.reply({ fieldErrors: { photo: [PHOTO_MESSAGES["too-large"]] } }));
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
      return refused(submission.reply({ fieldErrors: { photo: [error.message] } }));
    }
  } else if (crop && typeof cropPhotoId === "string") {
    prepared = await prepareRecrop(db, uploadsDir, providerId, cropPhotoId, crop);
  }

  const values = submission.value;
  const value = await commitPhotoChange(db, uploadsDir, providerId, prepared, async (trx) => {
    await trx.updateTable("providers").set({ intro_text: values.introText, profile_text: values.profileText }).where("id", "=", providerId).execute();
    return afterSave(trx);
  });
  return saved(value);
}
