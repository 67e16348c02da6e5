import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { ChoiceGroup, ErrorSummary, TextField } from "~/components/form";
import { PostcodeCityAutofill } from "~/components/postcode-city";
import { persoonlijkLabels } from "~/domain/signup-schemas";
import { GENDER_OPTIONS } from "~/domain/wizard";
import type { StepFormState } from "./types";

/**
 * The personal details form of the signup wizard and the backoffice settings.
 * `beforeAddress` lets a page add a note (the settings point to where the
 * e-mail address is changed); `actions` are the page's own buttons.
 */
export function PersoonlijkForm({ form, actions, beforeAddress }: { form: StepFormState; actions: ReactNode; beforeAddress?: ReactNode }) {
  return (
    <>
      <ErrorSummary errors={form.errors} labels={persoonlijkLabels} />
      <Form method="post" noValidate>
        <TextField name="firstName" label={persoonlijkLabels.firstName} autoComplete="given-name" defaultValue={form.text("firstName")} error={form.error("firstName")} />
        <TextField name="infix" label={persoonlijkLabels.infix} hint="Bijvoorbeeld: van, de of van der. Laat leeg als u geen tussenvoegsel heeft." defaultValue={form.text("infix")} error={form.error("infix")} className="input--short" />
        <TextField name="lastName" label={persoonlijkLabels.lastName} autoComplete="family-name" defaultValue={form.text("lastName")} error={form.error("lastName")} />
        <TextField name="phone" type="tel" label={persoonlijkLabels.phone} hint="Vast of mobiel, bijvoorbeeld 0610034891" autoComplete="tel" defaultValue={form.text("phone")} error={form.error("phone")} />
        <ChoiceGroup name="gender" type="radio" legend={persoonlijkLabels.gender} options={GENDER_OPTIONS} selected={[form.text("gender")]} error={form.error("gender")} inline />
        <TextField name="birthDate" label={persoonlijkLabels.birthDate} hint="Dag, maand en jaar, bijvoorbeeld 7-9-1962 of 7 september 1962" autoComplete="bday" defaultValue={form.text("birthDate")} error={form.error("birthDate")} />
        {beforeAddress}
        <fieldset className="address">
          <legend>Mijn thuisadres</legend>
          <TextField name="postcode" label={persoonlijkLabels.postcode} hint="Bijvoorbeeld 3447 GT" autoComplete="postal-code" defaultValue={form.text("postcode")} error={form.error("postcode")} className="input--short" />
          <TextField name="houseNumber" label={persoonlijkLabels.houseNumber} inputMode="numeric" defaultValue={form.text("houseNumber")} error={form.error("houseNumber")} className="input--short" />
          <TextField name="addition" label={persoonlijkLabels.addition} hint="Bijvoorbeeld A of 2-hoog. Mag leeg blijven." defaultValue={form.text("addition")} error={form.error("addition")} className="input--short" />
          <TextField name="street" label={persoonlijkLabels.street} autoComplete="address-line1" defaultValue={form.text("street")} error={form.error("street")} />
          <TextField name="city" label={persoonlijkLabels.city} hint="Laat u dit leeg, dan vullen wij de plaats in die bij uw postcode hoort." autoComplete="address-level2" defaultValue={form.text("city")} error={form.error("city")} />
        </fieldset>
        <PostcodeCityAutofill postcodeId="postcode" cityId="city" />
        {actions}
      </Form>
    </>
  );
}
