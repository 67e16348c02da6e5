import { describe, expect, it } from "vitest";
import { z } from "zod";
import { boundedFormData, MAX_FIELDS, MAX_LIST_INDEX, MAX_TEXT_LENGTH, parseWithZod } from "./form-submission";

function form(entries: Array<[string, string | File]>): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

describe("boundedFormData", () => {
  it("keeps every field a real form sends, files included, in order", () => {
    const photo = new File([new Uint8Array([1, 2, 3])], "foto.jpg", { type: "image/jpeg" });
    const kept = boundedFormData(form([["email", "a@b.nl"], ["services[0].name", "Knippen"], [`services[${MAX_LIST_INDEX}].price`, "12"], ["dayparts", "ma-ochtend"], ["dayparts", "di-middag"], ["photo", photo]]));
    expect([...kept.keys()]).toEqual(["email", "services[0].name", `services[${MAX_LIST_INDEX}].price`, "dayparts", "dayparts", "photo"]);
    expect(kept.get("photo")).toBeInstanceOf(File);
  });

  it("drops list positions past the bound, overlong names and everything past the field limit; cuts overlong texts", () => {
    const many = Array.from({ length: MAX_FIELDS + 50 }, (_, i): [string, string] => [`f${i}`, "x"]);
    const kept = boundedFormData(form([["a[3000000]", "1"], [`b[${MAX_LIST_INDEX + 1}]`, "1"], ["c[0][99999999999999999999].d", "1"], ["n".repeat(101), "1"], ["text", "y".repeat(MAX_TEXT_LENGTH + 5)], ...many]));
    expect(kept.has("a[3000000]")).toBe(false);
    expect(kept.has(`b[${MAX_LIST_INDEX + 1}]`)).toBe(false);
    expect([...kept.keys()].some((name) => name.startsWith("c["))).toBe(false);
    expect(kept.has("n".repeat(101))).toBe(false);
    expect((kept.get("text") as string).length).toBe(MAX_TEXT_LENGTH);
    expect([...kept.keys()].length).toBe(MAX_FIELDS);
  });
});

describe("parseWithZod", () => {
  it("reads a bounded submission, and a refused one echoes only what was kept", () => {
    const schema = z.object({ email: z.email({ error: "Vul een e-mailadres in" }) });
    const submission = parseWithZod(form([["email", "geen-adres"], ["a[3000000]", "1"]]), { schema });
    expect(submission.status).toBe("error");
    expect(JSON.stringify(submission.reply())).not.toContain("null,null");
    expect(submission.payload).toEqual({ email: "geen-adres" });
  });
});
