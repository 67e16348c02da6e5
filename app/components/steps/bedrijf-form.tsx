import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { ChoiceGroup, ErrorSummary, TextField } from "~/components/form";
import { PostcodeCityAutofill } from "~/components/postcode-city";
import { bedrijfLabels } from "~/domain/signup-schemas";
import { YES_NO_OPTIONS } from "~/domain/wizard";
import type { StepFormState } from "./types";

/** The company form of the signup wizard and the backoffice settings; `actions` are the page's own buttons. */
export function BedrijfForm({ form, actions }: { form: StepFormState; actions: ReactNode }) {
  return (
    <>
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
        {actions}
      </Form>
    </>
  );
}
