import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { ChoiceGroup, ErrorSummary, formState, TextField } from "~/components/form";
import { PostcodeCityAutofill } from "~/components/postcode-city";
import { StepActions, StepPage } from "~/components/wizard";
import { formatDutchDate } from "~/domain/age";
import { formatPhone } from "~/domain/phone";
import { persoonlijkLabels, persoonlijkSchema } from "~/domain/signup-schemas";
import { GENDER_OPTIONS } from "~/domain/wizard";
import { refreshCoverageBase } from "~/server/coverage.server";
import { fillCityFromPostcode, findPc4Area } from "~/server/geo.server";
import { completeStep, requireWizardStep } from "~/server/wizard.server";
import type { WizardHandle } from "./aanmelden";

export const handle: WizardHandle = { step: "persoonlijk" };
export const meta: MetaFunction = () => [{ title: "Stap 2: Persoonlijke gegevens — Aanmelden — Vivium Services" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { provider } = await requireWizardStep(request, "persoonlijk");
  return {
    saved: {
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
    },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { db, providerId, completed } = await requireWizardStep(request, "persoonlijk");
  const formData = await request.formData();
  await fillCityFromPostcode(db, formData, "postcode", "city");
  const submission = parseWithZod(formData, { schema: persoonlijkSchema(new Date()) });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const values = submission.value;
  const area = await findPc4Area(db, Number(values.postcode.slice(0, 4)));
  if (!area) {
    return data(
      submission.reply({ fieldErrors: { postcode: [`Wij kennen postcode ${values.postcode} niet. Controleer de vier cijfers.`] } }),
      { status: 400 },
    );
  }
  const next = await db.transaction().execute(async (trx) => {
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
        home_city: values.city,
      })
      .where("id", "=", providerId)
      .execute();
    await refreshCoverageBase(trx, providerId);
    return completeStep(trx, providerId, completed, "persoonlijk");
  });
  return redirect(next);
}

export default function PersoonlijkStep() {
  const { saved } = useLoaderData<typeof loader>();
  const form = formState(useActionData<typeof action>(), saved);
  return (
    <StepPage
      title="Stap 2: Persoonlijke gegevens"
      intro={<p>Wij gebruiken deze gegevens om contact met u te houden. Uw adres wordt nooit op de website getoond.</p>}
    >
      <ErrorSummary errors={form.errors} labels={persoonlijkLabels} />
      <Form method="post" noValidate>
        <TextField name="firstName" label={persoonlijkLabels.firstName} autoComplete="given-name" defaultValue={form.text("firstName")} error={form.error("firstName")} />
        <TextField name="infix" label={persoonlijkLabels.infix} hint="Bijvoorbeeld: van, de of van der. Laat leeg als u geen tussenvoegsel heeft." defaultValue={form.text("infix")} error={form.error("infix")} className="input--short" />
        <TextField name="lastName" label={persoonlijkLabels.lastName} autoComplete="family-name" defaultValue={form.text("lastName")} error={form.error("lastName")} />
        <TextField name="phone" type="tel" label={persoonlijkLabels.phone} hint="Vast of mobiel, bijvoorbeeld 0610034891" autoComplete="tel" defaultValue={form.text("phone")} error={form.error("phone")} />
        <ChoiceGroup name="gender" type="radio" legend={persoonlijkLabels.gender} options={GENDER_OPTIONS} selected={[form.text("gender")]} error={form.error("gender")} inline />
        <TextField name="birthDate" label={persoonlijkLabels.birthDate} hint="Dag, maand en jaar, bijvoorbeeld 7-9-1962 of 7 september 1962" autoComplete="bday" defaultValue={form.text("birthDate")} error={form.error("birthDate")} />
        <fieldset className="address">
          <legend>Mijn thuisadres</legend>
          <TextField name="postcode" label={persoonlijkLabels.postcode} hint="Bijvoorbeeld 3447 GT" autoComplete="postal-code" defaultValue={form.text("postcode")} error={form.error("postcode")} className="input--short" />
          <TextField name="houseNumber" label={persoonlijkLabels.houseNumber} inputMode="numeric" defaultValue={form.text("houseNumber")} error={form.error("houseNumber")} className="input--short" />
          <TextField name="addition" label={persoonlijkLabels.addition} hint="Bijvoorbeeld A of 2-hoog. Mag leeg blijven." defaultValue={form.text("addition")} error={form.error("addition")} className="input--short" />
          <TextField name="street" label={persoonlijkLabels.street} autoComplete="address-line1" defaultValue={form.text("street")} error={form.error("street")} />
          <TextField name="city" label={persoonlijkLabels.city} hint="Laat u dit leeg, dan vullen wij de plaats in die bij uw postcode hoort." autoComplete="address-level2" defaultValue={form.text("city")} error={form.error("city")} />
        </fieldset>
        <PostcodeCityAutofill postcodeId="postcode" cityId="city" />
        <StepActions previousPath="/aanmelden" />
      </Form>
    </StepPage>
  );
}
