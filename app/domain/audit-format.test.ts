import { describe, expect, it } from "vitest";
import { actionLabel, auditChanges, entityLabel } from "./audit-format";

describe("audit log in Dutch", () => {
  it("names actions and records, and shows unknown ones as they are", () => {
    expect(actionLabel("provider.suspend")).toBe("Offline gezet");
    expect(actionLabel("something.new")).toBe("something.new");
    expect(entityLabel("provider")).toBe("Dienstverlener");
  });

  it("reads old and new values field by field", () => {
    expect(auditChanges('{"status":"live"}', '{"status":"suspended","suspended_reason":"Klachten"}')).toEqual([
      { field: "status", label: "Status", before: "online", after: "offline gezet" },
      { field: "suspended_reason", label: "Reden", before: null, after: "Klachten" },
    ]);
    expect(auditChanges('{"identity_seen":false}', '{"identity_seen":true}')).toEqual([
      { field: "identity_seen", label: "Identiteitsbewijs gezien", before: "nee", after: "ja" },
    ]);
    expect(auditChanges(null, '{"price_cents":29000,"note":null}')).toEqual([
      { field: "price_cents", label: "Prijs", before: null, after: "€ 290,00" },
      { field: "note", label: "Notitie", before: null, after: "(leeg)" },
    ]);
    expect(auditChanges("not json", null)).toEqual([]);
  });
});
