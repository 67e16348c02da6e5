import { parseWithZod } from "~/domain/form-submission";
import { locationProblemMessage } from "~/domain/location-messages";
import { bedrijfSchema } from "~/domain/signup-schemas";
import { refreshCoverageBase } from "../coverage.server";
import type { Db } from "../db.server";
import { fillCityFromPostcode, findPc4Area } from "../geo.server";
import { refused, saved, type AfterSave, type ProviderRow } from "./outcome.server";

const yesNo = (value: number | null) => (value === null ? "" : value ? "ja" : "nee");

/** The form's values as stored. */
export function bedrijfValues(provider: ProviderRow) {
  return {
    hasKvk: yesNo(provider.has_kvk),
    companyName: provider.company_name ?? "",
    kvkNumber: provider.kvk_number ?? "",
    hasWorkAddress: yesNo(provider.has_work_address),
    workPostcode: provider.work_postcode ?? "",
    workHouseNumber: provider.work_house_number ?? "",
    workAddition: provider.work_addition ?? "",
    workStreet: provider.work_street ?? "",
    workCity: provider.work_city ?? "",
  };
}

/** Company details: checked, stored, and the werkgebied's base moved along with a new work address. */
export async function submitBedrijf<T>(db: Db, providerId: number, request: Request, afterSave: AfterSave<T>) {
  const formData = await request.formData();
  await fillCityFromPostcode(db, formData, "workPostcode", "workCity");
  const submission = parseWithZod(formData, { schema: bedrijfSchema });
  if (submission.status !== "success") return refused(submission.reply());
  const values = submission.value;
  const area = values.workPostcode ? await findPc4Area(db, Number(values.workPostcode.slice(0, 4))) : null;
  if (values.workPostcode && !area) {
    return refused(submission.reply({ fieldErrors: { workPostcode: [locationProblemMessage({ kind: "unknown-postcode" }, "postcode").text] } }));
  }
  const value = await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("providers")
      .set({
        has_kvk: values.hasKvk === "ja" ? 1 : 0,
        company_name: values.companyName,
        kvk_number: values.kvkNumber,
        has_work_address: values.hasWorkAddress === "ja" ? 1 : 0,
        work_postcode: values.workPostcode,
        work_house_number: values.workHouseNumber,
        work_addition: values.workAddition,
        work_street: values.workStreet,
        work_city: values.workCity ?? area?.place.name ?? null,
      })
      .where("id", "=", providerId)
      .execute();
    await refreshCoverageBase(trx, providerId);
    return afterSave(trx);
  });
  return saved(value);
}
