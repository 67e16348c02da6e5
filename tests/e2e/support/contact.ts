import { expect, type Page } from "@playwright/test";
import { submit, uniqueEmail } from "./signup";

/** What a customer fills in on the contact form; every field has a working default. */
export type ContactFormValues = {
  name: string;
  email: string;
  phone: string;
  memberNumber: string;
  location: string;
  forWhom: "self" | "other";
  otherPersonName: string;
  contactPreference: "phone" | "email";
  contactMoments: Array<"ochtend" | "middag" | "avond">;
  message: string;
};

const MOMENT_LABELS = { ochtend: "'s Ochtends", middag: "'s Middags", avond: "'s Avonds" } as const;

/** Defaults for Bert Klinkenberg (Woerden, 15 km); pass `location` for a provider elsewhere. */
export function contactFormDefaults(): ContactFormValues {
  return {
    name: "Jan Janssen",
    email: uniqueEmail("klant"),
    phone: "06-12345678",
    memberNumber: "",
    location: "3447 GT",
    forWhom: "self",
    otherPersonName: "",
    contactPreference: "phone",
    contactMoments: ["ochtend"],
    message: "Ik zoek iemand die mij helpt met de boodschappen.",
  };
}

/** Fills in the contact form on the page that is open now (`/dienstverlener/<slug>/contact`), without sending it. */
export async function fillContactForm(page: Page, values: Partial<ContactFormValues> = {}): Promise<ContactFormValues> {
  const v = { ...contactFormDefaults(), ...values };
  await page.getByLabel("Wat is uw naam?", { exact: true }).fill(v.name);
  await page.getByLabel("Wat is uw e-mailadres?", { exact: true }).fill(v.email);
  await page.getByLabel("Wat is uw telefoonnummer?", { exact: true }).fill(v.phone);
  await page.getByLabel("Wat is uw lidnummer? (optioneel)", { exact: true }).fill(v.memberNumber);
  await page.getByLabel("Waar is de hulp nodig?", { exact: true }).fill(v.location);
  await page.getByRole("radio", { name: v.forWhom === "self" ? "Mijzelf" : "Iemand anders" }).check();
  await page.getByLabel("Wat is de naam van degene voor wie u de dienst zoekt?", { exact: true }).fill(v.otherPersonName);
  await page.getByRole("radio", { name: v.contactPreference === "phone" ? "Telefonisch" : "Per e-mail" }).check();
  for (const [moment, label] of Object.entries(MOMENT_LABELS)) {
    await page.getByRole("checkbox", { name: label }).setChecked(v.contactMoments.includes(moment as keyof typeof MOMENT_LABELS));
  }
  await page.getByLabel("Wilt u nog iets vertellen? (optioneel)", { exact: true }).fill(v.message);
  return v;
}

/**
 * A customer sends a contact request to a provider and lands on the
 * confirmation page. Returns what was sent and the request's public id.
 */
export async function sendContactRequest(
  page: Page,
  slug: string,
  overrides: Partial<ContactFormValues> = {},
): Promise<ContactFormValues & { publicId: string }> {
  await page.goto(`/dienstverlener/${slug}/contact`);
  const values = await fillContactForm(page, overrides);
  await submit(page, "Contact opnemen");
  await expect(page).toHaveURL(new RegExp(`/dienstverlener/${slug}/contact/verzonden\\?aanvraag=`));
  await expect(page.getByRole("heading", { level: 1, name: "Uw aanvraag is verstuurd" })).toBeVisible();
  const publicId = new URL(page.url()).searchParams.get("aanvraag") ?? "";
  return { ...values, publicId };
}
