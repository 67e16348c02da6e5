import { parseWithZod } from "~/domain/form-submission";
import { describe, expect, it } from "vitest";
import { CONTACT_PHONE_INVALID, contactRequestSchema, MESSAGE_MAX } from "./contact-request-schema";
import { MEMBER_NUMBER_INVALID } from "./member-number";

type Entries = Array<[name: string, value: string]>;

const VALID: Entries = [
  ["name", "Jan Janssen"],
  ["email", " Jan@Example.NL "],
  ["phone", "06-12345678"],
  ["memberNumber", ""],
  ["location", "3447 GT"],
  ["forWhom", "self"],
  ["otherPersonName", ""],
  ["contactPreference", "phone"],
  ["contactMoments", "ochtend"],
  ["message", ""],
  ["website", ""],
];

/** The valid form with some fields replaced (or removed with `null`); repeated names append. */
function submit(changes: Record<string, string | string[] | null> = {}) {
  const data = new FormData();
  for (const [name, value] of VALID) if (!(name in changes)) data.append(name, value);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) continue;
    for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
  }
  return parseWithZod(data, { schema: contactRequestSchema });
}

function errorsOf(changes: Record<string, string | string[] | null>) {
  const submission = submit(changes);
  if (submission.status === "success") throw new Error("Expected errors, the form was accepted");
  return submission.error ?? {};
}

describe("contactRequestSchema", () => {
  it("accepts a complete form and normalises what was typed", () => {
    const submission = submit();
    if (submission.status !== "success") throw new Error(JSON.stringify(submission.error));
    expect(submission.value).toEqual({
      name: "Jan Janssen",
      email: "jan@example.nl",
      phone: "+31612345678",
      memberNumber: null,
      location: "3447 GT",
      forWhom: "self",
      otherPersonName: null,
      contactPreference: "phone",
      contactMoments: ["ochtend"],
      message: null,
    });
  });

  it("keeps a lidnummer in its normal form, the other person's name, several moments in day order, and the message", () => {
    const submission = submit({
      memberNumber: "viv-100 001",
      forWhom: "other",
      otherPersonName: "  Marie Janssen ",
      contactPreference: "email",
      contactMoments: ["avond", "ochtend"],
      message: "Mijn moeder woont alleen.\r\nZij is doof aan één oor.",
    });
    if (submission.status !== "success") throw new Error(JSON.stringify(submission.error));
    expect(submission.value).toMatchObject({
      memberNumber: "VIV100001",
      forWhom: "other",
      otherPersonName: "Marie Janssen",
      contactPreference: "email",
      contactMoments: ["ochtend", "avond"],
      message: "Mijn moeder woont alleen.\nZij is doof aan één oor.",
    });
  });

  it("drops a name for someone else when the request is for the customer", () => {
    const submission = submit({ forWhom: "self", otherPersonName: "Marie" });
    expect(submission.status === "success" && submission.value.otherPersonName).toBeNull();
  });

  it.each([
    ["name", { name: "" }, "Vul uw naam in"],
    ["email", { email: "jan@" }, "Dit e-mailadres klopt niet"],
    ["email", { email: null }, "Vul uw e-mailadres in"],
    ["phone", { phone: "12345" }, CONTACT_PHONE_INVALID],
    ["phone", { phone: "+32 470 12 34 56" }, CONTACT_PHONE_INVALID],
    ["memberNumber", { memberNumber: "12" }, MEMBER_NUMBER_INVALID],
    ["location", { location: "  " }, "Vul de postcode of de plaats in"],
    ["forWhom", { forWhom: null }, "Kies of u de dienst zoekt voor uzelf of voor iemand anders"],
    ["otherPersonName", { forWhom: "other", otherPersonName: "" }, "Vul de naam in van degene voor wie u de dienst zoekt"],
    ["contactPreference", { contactPreference: null }, "Kies hoe de dienstverlener contact met u opneemt"],
    ["contactPreference", { contactPreference: "fax" }, "Kies hoe de dienstverlener contact met u opneemt"],
    ["contactMoments", { contactMoments: null }, "Kies minstens één moment"],
    ["contactMoments", { contactMoments: "nacht" }, "Kies uit ochtend, middag en avond"],
    ["message", { message: "x".repeat(MESSAGE_MAX + 5) }, "Uw bericht is 1005 tekens lang. Maak het 5 tekens korter"],
    ["website", { website: "https://spam.example" }, "Laat dit veld leeg"],
  ])("reports a problem with %s", (field, changes, message) => {
    const errors = errorsOf(changes);
    expect(errors[field]?.[0]).toContain(message);
  });

  it("asks when to ring only for a phone call: by e-mail no moment is needed, by phone one is", () => {
    const byEmail = submit({ contactPreference: "email", contactMoments: null });
    if (byEmail.status !== "success") throw new Error(JSON.stringify(byEmail.error));
    expect(byEmail.value.contactMoments).toEqual([]);
    expect(errorsOf({ contactPreference: "phone", contactMoments: null }).contactMoments?.[0]).toBe("Kies minstens één moment waarop u gebeld kunt worden");
  });

  it("counts a message of exactly the maximum, with Windows line breaks counted once", () => {
    const text = `${"x".repeat(MESSAGE_MAX - 2)}\r\nx`;
    expect(submit({ message: text }).status).toBe("success");
  });

  it("reports every problem at once, also the other person's name when other fields fail", () => {
    const errors = errorsOf({ name: "", phone: "0", forWhom: "other", otherPersonName: "", location: "" });
    expect(Object.keys(errors).sort()).toEqual(["location", "name", "otherPersonName", "phone"]);
  });
});
