import { describe, expect, it } from "vitest";
import { CONTACT_PHONE_INVALID } from "./contact-request-schema";
import { parseWithZod } from "./form-submission";
import { SEARCH_HELP_MAX, searchHelpHandledSchema, searchHelpPrefill, searchHelpSchema } from "./search-help";

const VALID: Record<string, string> = {
  name: " Truus de Boer ",
  phone: "06-12345678",
  what: " Iemand die mijn haar thuis knipt ",
  place: " Woerden ",
  website: "",
};

/** The valid form with some fields replaced (or left out with `null`). */
function submit(changes: Record<string, string | null> = {}) {
  const data = new FormData();
  for (const [name, value] of Object.entries({ ...VALID, ...changes })) if (value !== null) data.append(name, value);
  return parseWithZod(data, { schema: searchHelpSchema });
}

function errorsOf(changes: Record<string, string | null>) {
  const submission = submit(changes);
  if (submission.status === "success") throw new Error("Expected errors, the form was accepted");
  return submission.error ?? {};
}

describe("searchHelpSchema", () => {
  it("accepts a complete form, trims the texts and stores the phone number in E.164", () => {
    const submission = submit();
    if (submission.status !== "success") throw new Error(JSON.stringify(submission.error));
    expect(submission.value).toEqual({ name: "Truus de Boer", phone: "+31612345678", what: "Iemand die mijn haar thuis knipt", place: "Woerden" });
  });

  it("accepts a landline with its area code and keeps Windows line breaks as one", () => {
    const submission = submit({ phone: "(030) 123 45 67", what: "Pedicure\r\nvoor twee personen" });
    if (submission.status !== "success") throw new Error(JSON.stringify(submission.error));
    expect(submission.value.phone).toBe("+31301234567");
    expect(submission.value.what).toBe("Pedicure\nvoor twee personen");
  });

  it.each([
    ["name", { name: "" }, "Vul uw naam in"],
    ["name", { name: "   " }, "Vul uw naam in"],
    ["name", { name: "x".repeat(SEARCH_HELP_MAX.name + 1) }, "Uw naam mag hoogstens 100 tekens lang zijn"],
    ["phone", { phone: null }, "Vul uw telefoonnummer in. Dan kunnen wij u terugbellen"],
    ["phone", { phone: "12345" }, CONTACT_PHONE_INVALID],
    ["phone", { phone: "0800 1234567" }, CONTACT_PHONE_INVALID],
    ["phone", { phone: "+32 470 12 34 56" }, CONTACT_PHONE_INVALID],
    ["what", { what: "" }, "Vul in waar u hulp bij zoekt, bijvoorbeeld: iemand die mijn haar thuis knipt"],
    ["what", { what: "x".repeat(SEARCH_HELP_MAX.what + 3) }, "Uw tekst is 503 tekens lang. Maak het 3 tekens korter (hoogstens 500)."],
    ["place", { place: null }, "Vul de plaats of de postcode in waar u hulp zoekt"],
    ["place", { place: "x".repeat(SEARCH_HELP_MAX.place + 1) }, "Vul alleen een plaatsnaam of een postcode in"],
    ["website", { website: "https://spam.example" }, "Laat dit veld leeg"],
  ])("reports a problem with %s", (field, changes, message) => {
    expect(errorsOf(changes)[field]?.[0]).toBe(message);
  });

  it("counts a text of exactly the maximum after trimming", () => {
    expect(submit({ what: ` ${"x".repeat(SEARCH_HELP_MAX.what)} `, name: "x".repeat(SEARCH_HELP_MAX.name) }).status).toBe("success");
  });

  it("reports every empty field at once", () => {
    const errors = errorsOf({ name: "", phone: "", what: "", place: "" });
    expect(Object.keys(errors).sort()).toEqual(["name", "phone", "place", "what"]);
  });
});

describe("searchHelpPrefill", () => {
  it("takes what and where from the search page's address", () => {
    expect(searchHelpPrefill(new URLSearchParams("wat=+thuis+kapper+&waar=3447%20GT"))).toEqual({ what: "thuis kapper", place: "3447 GT" });
  });

  it("is empty without them, and cuts what the fields would refuse", () => {
    expect(searchHelpPrefill(new URLSearchParams(""))).toEqual({ what: "", place: "" });
    const long = searchHelpPrefill(new URLSearchParams({ wat: "a".repeat(900), waar: "Woerden\n\n  centrum".padEnd(300, "b") }));
    expect(long.what).toHaveLength(SEARCH_HELP_MAX.what);
    expect(long.place).toHaveLength(SEARCH_HELP_MAX.place);
    expect(long.place.startsWith("Woerden centrum")).toBe(true);
  });
});

describe("searchHelpHandledSchema", () => {
  it("reads the request's number and refuses anything else", () => {
    expect(searchHelpHandledSchema.safeParse({ requestId: "12" })).toEqual({ success: true, data: { requestId: 12 } });
    for (const requestId of ["", "abc", "-1", "1.5", undefined]) expect(searchHelpHandledSchema.safeParse({ requestId }).success).toBe(false);
  });
});
