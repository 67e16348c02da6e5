import { parseWithZod } from "~/domain/form-submission";
import { formatDutchDate } from "~/domain/age";
import { locationProblemMessage } from "~/domain/location-messages";
import { formatPhone } from "~/domain/phone";
import { persoonlijkSchema } from "~/domain/signup-schemas";
import { refreshCoverageBase } from "../coverage.server";
import type { Db } from "../db.server";
import { fillCityFromPostcode, findPc4Area } from "../geo.server";
import { refused, saved, type AfterSave, type ProviderRow } from "./outcome.server";

/** The form's values as stored. */
export function persoonlijkValues(provider: ProviderRow) {
  return {
    firstName: provider.first_name,
    infix: provider.infix ?? "",
    lastName: provider.last_name ?? "",
    phone: provider.phone ? formatPhone(provider.phone) : "",
    gender: provider.gender ?? "",
    birthDate: provider.birth_date ? formatDutchDate(provider.birth_date) : "",
    postcode: provider.home_postcode ?? "",
    houseNumber: provider.home_house_number ?? "",
    addition: provider.home_addition ?? "",
    street: provider.home_street ?? "",
    city: provider.home_city ?? "",
  };
}

/** Personal details: checked, stored, and the werkgebied's base moved along with a new address. */
export async function submitPersoonlijk<T>(db: Db, providerId: number, request: Request, afterSave: AfterSave<T>) {
  const formData = await request.formData();
  await fillCityFromPostcode(db, formData, "postcode", "city");
  const submission = parseWithZod(formData, { schema: persoonlijkSchema(new Date()) });
  if (submission.status !== "success") return refused(submission.reply());
  const values = submission.value;
  const area = await findPc4Area(db, Number(values.postcode.slice(0, 4)));
  if (!area) {
    return refused(submission.reply({ fieldErrors: { postcode: [locationProblemMessage({ kind: "unknown-postcode" }, "postcode").text] } }));
  }
  const value = await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("providers")
      .set({
        first_name: values.firstName,
        infix: values.infix,
        last_name: values.lastName,
        phone: values.phone,
        gender: values.gender,
        birth_date: values.birthDate,
        home_postcode: values.postcode,
        home_house_number: values.houseNumber,
        home_addition: values.addition,
        home_street: values.street,
        home_city: values.city ?? area.place.name,
      })
      .where("id", "=", providerId)
      .execute();
    await refreshCoverageBase(trx, providerId);
    return afterSave(trx);
  });
  return saved(value);
}
