import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ChoiceGroup, ErrorSummary, formState, TextField } from "~/components/form";
import { PostcodeCityAutofill } from "~/components/postcode-city";
import { StepActions, StepPage } from "~/components/wizard";
import { bedrijfLabels, bedrijfSchema } from "~/domain/signup-schemas";
import { YES_NO_OPTIONS } from "~/domain/wizard";
import { refreshCoverageBase } from "~/server/coverage.server";
import { fillCityFromPostcode, findPc4Area } from "~/server/geo.server";
import { completeStep, requireWizardStep } from "~/server/wizard.server";
import type { WizardHandle } from "./aanmelden";

export const handle: WizardHandle = { step: "bedrijf" };
export const meta: MetaFunction = () => [{ title: "Stap 3: Bedrijfsinformatie — Aanmelden — Vivium Services" }];

const yesNo = (value: number | null) => (value === null ? "" : value ? "ja" : "nee");

export async function loader({ request }: LoaderFunctionArgs) {
  const { provider } = await requireWizardStep(request, "bedrijf");
  return {
    saved: {
      hasKvk: yesNo(provider.has_kvk),
      companyName: provider.company_name ?? "",
      kvkNumber: provider.kvk_number ?? "",
      hasWorkAddress: yesNo(provider.has_work_address),
      workPostcode: provider.work_postcode ?? "",
      workHouseNumber: provider.work_house_number ?? "",
      workAddition: provider.work_addition ?? "",
      workStreet: provider.work_street ?? "",
      workCity: provider.work_city ?? "",
    },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { db, providerId, completed } = await requireWizardStep(request, "bedrijf");
  const formData = await request.formData();
  await fillCityFromPostcode(db, formData, "workPostcode", "workCity");
  const submission = parseWithZod(formData, { schema: bedrijfSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const values = submission.value;
  if (values.workPostcode && !(await findPc4Area(db, Number(values.workPostcode.slice(0, 4))))) {
    return data(
      submission.reply({ fieldErrors: { workPostcode: [`Wij kennen postcode ${values.workPostcode} niet. Controleer de vier cijfers.`] } }),
      { status: 400 },
    );
  }
  const next = await db.transaction().execute(async (trx) => {
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
        work_city: values.workCity,
      })
      .where("id", "=", providerId)
      .execute();
    await refreshCoverageBase(trx, providerId);
    return completeStep(trx, providerId, completed, "bedrijf");
  });
  return redirect(next);
}

export default function BedrijfStep() {
  const { saved } = useLoaderData<typeof loader>();
  const form = formState(useActionData<typeof action>(), saved);
  return (
    <StepPage
      title="Stap 3: Bedrijfsinformatie"
      intro={
        <p>
          Staat u ingeschreven bij de Kamer van Koophandel? Vul dan uw KvK-nummer en bedrijfsnaam in. Heeft u ook een
          kantoor- of werkadres, vul dat dan ook in.
        </p>
      }
    >
      <ErrorSummary errors={form.errors} labels={bedrijfLabels} />
      <Form method="post" noValidate>
        <div className="toggle-group">
          <ChoiceGroup name="hasKvk" type="radio" legend={bedrijfLabels.hasKvk} options={YES_NO_OPTIONS} selected={[form.text("hasKvk")]} error={form.error("hasKvk")} inline />
          <div className="conditional" data-when="hasKvk">
            <p className="conditional__hint">Alleen invullen als u hierboven &quot;Ja&quot; kiest.</p>
            <TextField name="companyName" label={bedrijfLabels.companyName} autoComplete="organization" defaultValue={form.text("companyName")} error={form.error("companyName")} />
            <TextField name="kvkNumber" label={bedrijfLabels.kvkNumber} hint="8 cijfers, bijvoorbeeld 12345678" inputMode="numeric" defaultValue={form.text("kvkNumber")} error={form.error("kvkNumber")} className="input--short" />
          </div>
        </div>
        <div className="toggle-group">
          <ChoiceGroup name="hasWorkAddress" type="radio" legend={bedrijfLabels.hasWorkAddress} options={YES_NO_OPTIONS} selected={[form.text("hasWorkAddress")]} error={form.error("hasWorkAddress")} inline />
          <div className="conditional" data-when="hasWorkAddress">
            <p className="conditional__hint">Alleen invullen als u hierboven &quot;Ja&quot; kiest.</p>
            <TextField name="workPostcode" label={bedrijfLabels.workPostcode} hint="Bijvoorbeeld 3447 GT" autoComplete="work postal-code" defaultValue={form.text("workPostcode")} error={form.error("workPostcode")} className="input--short" />
            <TextField name="workHouseNumber" label={bedrijfLabels.workHouseNumber} inputMode="numeric" defaultValue={form.text("workHouseNumber")} error={form.error("workHouseNumber")} className="input--short" />
            <TextField name="workAddition" label={bedrijfLabels.workAddition} hint="Mag leeg blijven." defaultValue={form.text("workAddition")} error={form.error("workAddition")} className="input--short" />
            <TextField name="workStreet" label={bedrijfLabels.workStreet} autoComplete="work address-line1" defaultValue={form.text("workStreet")} error={form.error("workStreet")} />
            <TextField name="workCity" label={bedrijfLabels.workCity} hint="Laat u dit leeg, dan vullen wij de plaats in die bij de postcode hoort." autoComplete="work address-level2" defaultValue={form.text("workCity")} error={form.error("workCity")} />
          </div>
        </div>
        <PostcodeCityAutofill postcodeId="workPostcode" cityId="workCity" />
        <StepActions previousPath="/aanmelden/persoonlijk" />
      </Form>
    </StepPage>
  );
}
