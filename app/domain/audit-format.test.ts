import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ACTION_LABELS, FIELD_LABELS, actionLabel, auditChanges, entityLabel, valueText } from "./audit-format";

const SERVER_DIR = fileURLToPath(new URL("../server/", import.meta.url));

/** The source of each `recordStaffAction(…)` call in a file, up to its closing parenthesis. */
function recordCalls(source: string): string[] {
  const calls: string[] = [];
  const pattern = /\brecordStaffAction\(/g;
  for (let match = pattern.exec(source); match; match = pattern.exec(source)) {
    if (/function\s+$/.test(source.slice(Math.max(0, match.index - 20), match.index))) continue; // the definition
    let depth = 0;
    let end = match.index + match[0].length - 1;
    for (; end < source.length; end++) {
      if (source[end] === "(") depth++;
      else if (source[end] === ")" && --depth === 0) break;
    }
    calls.push(source.slice(match.index, end + 1));
  }
  return calls;
}

/** A property's expression in a call (`action:`, `newValues:`), up to the first comma outside brackets. */
function propertyExpression(call: string, name: string): string | null {
  const start = new RegExp(`\\b${name}:\\s*`).exec(call);
  if (!start) return null;
  let depth = 0;
  let i = start.index + start[0].length;
  const from = i;
  for (; i < call.length; i++) {
    const c = call[i]!;
    if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) {
      if (depth === 0) break;
      depth--;
    } else if (c === "," && depth === 0) break;
  }
  return call.slice(from, i).trim();
}

/** Every action key the server records, by file, read from the source of app/server/*.server.ts. */
function recordedActions(): { file: string; expression: string | null; keys: string[] }[] {
  return readdirSync(SERVER_DIR)
    .filter((file) => file.endsWith(".server.ts"))
    .flatMap((file) =>
      recordCalls(readFileSync(join(SERVER_DIR, file), "utf8")).map((call) => {
        const expression = propertyExpression(call, "action");
        const keys = [...(expression ?? "").matchAll(/"([a-z_]+\.[a-z_]+)"/g)].map((m) => m[1]!);
        return { file, expression, keys };
      }),
    );
}

describe("audit log in Dutch", () => {
  it("names actions and records, and shows unknown ones as they are", () => {
    expect(actionLabel("provider.suspend")).toBe("Offline gezet");
    expect(actionLabel("category.move_up")).toBe("Categorie omhoog verplaatst");
    expect(actionLabel("category.unretire")).toBe("Categorie weer in gebruik");
    expect(actionLabel("member.import_file")).toBe("Ledenbestand geïmporteerd");
    expect(actionLabel("something.new")).toBe("something.new");
    expect(entityLabel("provider")).toBe("Dienstverlener");
  });

  describe("every action the server records has a Dutch label", () => {
    const calls = recordedActions();
    const recorded = new Set(calls.flatMap((call) => call.keys));

    it("finds the calls, each with its action as a literal key (or a choice between literals)", () => {
      expect(calls.length).toBeGreaterThan(20);
      for (const call of calls) {
        // A computed key cannot be checked here; write the keys out, e.g. `checked ? "x.check" : "x.uncheck"`.
        expect(call.expression, `${call.file}: recordStaffAction without an action`).not.toBeNull();
        const rest = call.expression!.replace(/"[^"]*"/g, "").replace(/[\w.]+\s*(===|!==)\s*/g, "");
        expect(rest.replace(/[\s?:!()\w.]/g, ""), `${call.file}: ${call.expression}`).toBe("");
        expect(call.keys.length, `${call.file}: ${call.expression}`).toBeGreaterThan(0);
      }
      for (const key of ["category.move_up", "category.move_down", "category.unretire", "member.import_file", "member.update", "review.unhide"]) {
        expect(recorded).toContain(key);
      }
    });

    it("has a label for each recorded key, and none for keys nothing records", () => {
      const missing = [...recorded].filter((key) => !(key in ACTION_LABELS));
      expect(missing).toEqual([]);
      const unused = Object.keys(ACTION_LABELS).filter((key) => !recorded.has(key));
      expect(unused).toEqual([]);
    });

    it("gives each label to one action only, so the filter list tells them apart", () => {
      const labels = Object.values(ACTION_LABELS);
      expect(new Set(labels).size).toBe(labels.length);
    });

    it("has a Dutch label for every field a call records by name", () => {
      const fields = new Set<string>();
      for (const file of readdirSync(SERVER_DIR).filter((f) => f.endsWith(".server.ts"))) {
        for (const call of recordCalls(readFileSync(join(SERVER_DIR, file), "utf8"))) {
          for (const side of ["oldValues", "newValues"]) {
            const expression = propertyExpression(call, side) ?? "";
            for (const field of expression.matchAll(/[{,]\s*([a-z][a-z_]*)\s*(?=[:,}])/g)) fields.add(field[1]!);
          }
        }
      }
      for (const field of ["credit_cents", "ends_on", "to", "retired_at", "staff_called_at", "reason", "number", "active"]) expect(fields).toContain(field);
      expect([...fields].filter((field) => !(field in FIELD_LABELS))).toEqual([]);
    });
  });

  it("reads old and new values field by field", () => {
    expect(auditChanges('{"status":"live"}', '{"status":"suspended","suspended_reason":"Klachten"}', "provider")).toEqual([
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
    expect(auditChanges("[1,2]", "42")).toEqual([]);
  });

  it("names members' fields and shows their state as ja or nee", () => {
    expect(auditChanges('{"number":"VIV900003","active":false}', '{"number":"VIV900003","active":true}')).toEqual([
      { field: "number", label: "Lidnummer", before: "VIV900003", after: "VIV900003" },
      { field: "active", label: "Actief", before: "nee", after: "ja" },
    ]);
  });

  it("shows moments as Amsterdam time and calendar dates as Dutch dates", () => {
    // 05:18 UTC is 06:18 in Amsterdam in winter, 07:18 in summer.
    expect(valueText("retired_at", "2026-11-29T05:18:00.000Z")).toBe("29 november 2026 om 06:18");
    expect(valueText("hidden_at", "2026-06-01T05:18:00.000Z")).toBe("1 juni 2026 om 07:18");
    expect(valueText("starts_on", "2026-03-02")).toBe("2 maart 2026");
    expect(valueText("ends_on", "2027-03-01")).toBe("1 maart 2027");
    expect(valueText("retired_at", null)).toBe("(leeg)");
    expect(auditChanges('{"name":"Tuin","retired_at":null}', '{"name":"Tuin","retired_at":"2026-11-29T05:18:00.000Z"}')).toEqual([
      { field: "name", label: "Naam", before: "Tuin", after: "Tuin" },
      { field: "retired_at", label: "Uitgefaseerd op", before: "(leeg)", after: "29 november 2026 om 06:18" },
    ]);
  });

  it("shows an assigned package by its name, with its amounts in euros and its period as dates", () => {
    const changes = auditChanges(
      null,
      JSON.stringify({ package: "plus", price_cents: 30000, credit_cents: 1000, amount_cents: 29000, starts_on: "2026-03-02", ends_on: "2027-03-01" }),
      "package",
    );
    expect(changes.map((c) => `${c.label}: ${c.after}`)).toEqual([
      "Pakket: Pluspakket",
      "Prijs: € 300,00",
      "Verrekend (administratiekosten al betaald): € 10,00",
      "Te betalen: € 290,00",
      "Loopt van: 2 maart 2026",
      "Loopt tot en met: 1 maart 2027",
    ]);
    expect(auditChanges(null, '{"to":"jan@example.nl","amount_cents":29000}').map((c) => `${c.label}: ${c.after}`)).toEqual([
      "Verstuurd naar: jan@example.nl",
      "Te betalen: € 290,00",
    ]);
    expect(valueText("package", "iets-anders")).toBe("iets-anders");
  });

  it("reads a status by what it is the status of", () => {
    expect(valueText("status", "pending", "video")).toBe("wacht op beoordeling");
    expect(valueText("status", "pending", "payment")).toBe("wordt verwerkt door de bank");
    expect(valueText("status", "open", "payment")).toBe("nog niet betaald");
    expect(valueText("status", "cancelled", "package")).toBe("geannuleerd");
    expect(valueText("status", "awaiting_payment", "package")).toBe("wacht op betaling");
    expect(valueText("status", "opgepakt", "video_report")).toBe("opgepakt");
    expect(valueText("result", "not-started", "payment")).toBe("nooit bij Mollie gestart; niets te annuleren");
    expect(valueText("attention", "package_not_activated", "payment")).toBe("betaald, maar geen pakket geactiveerd");
  });

  it("counts a category's place in the list from 1", () => {
    expect(auditChanges('{"position":3}', '{"position":2}', "category")).toEqual([
      { field: "position", label: "Plaats in de lijst", before: "4", after: "3" },
    ]);
  });

  it("tells the reason a review was hidden from the reason it is shown again", () => {
    const changes = auditChanges(
      '{"hidden_at":"2026-11-29T05:18:00.000Z","hidden_reason":"Beledigend"}',
      '{"hidden_at":null,"hidden_reason":null,"reason":"Na overleg"}',
      "review",
    );
    expect(changes).toEqual([
      { field: "hidden_at", label: "Verborgen op", before: "29 november 2026 om 06:18", after: "(leeg)" },
      { field: "hidden_reason", label: "Reden voor verbergen", before: "Beledigend", after: "(leeg)" },
      { field: "reason", label: "Reden voor weer tonen", before: null, after: "Na overleg" },
    ]);
    expect(new Set(changes.map((c) => c.label)).size).toBe(changes.length);
  });

  it("sums up an imported member file instead of showing its data as JSON", () => {
    const stored = {
      fileName: "leden.csv",
      counts: { added: 12, updated: 3, unchanged: 5, invalid: 1 },
      added: Array.from({ length: 12 }, (_, i) => ({ line: i + 2, number: `VIV9000${String(i + 10)}` })),
      updated: [{ line: 20, number: "VIV100001" }],
      invalid: [{ line: 5, reason: "Het lidnummer ontbreekt." }],
    };
    const changes = auditChanges(null, JSON.stringify(stored), "member");
    expect(changes.map((c) => `${c.label}: ${c.after}`)).toEqual([
      "Bestand: leden.csv",
      "Resultaat: 12 toegevoegd, 3 bijgewerkt, 5 ongewijzigd, 1 ongeldige regel",
      "Toegevoegd: VIV900010 (regel 2), VIV900011 (regel 3), VIV900012 (regel 4), VIV900013 (regel 5), VIV900014 (regel 6), VIV900015 (regel 7), VIV900016 (regel 8), VIV900017 (regel 9), VIV900018 (regel 10), VIV900019 (regel 11) en nog 2",
      "Bijgewerkt: VIV100001 (regel 20)",
      "Ongeldige regels: regel 5: Het lidnummer ontbreekt",
    ]);
    for (const change of changes) expect(change.after).not.toMatch(/[{}[\]"]/);
    expect(valueText("counts", { added: 0, updated: 0, unchanged: 4, invalid: 2 })).toBe("0 toegevoegd, 0 bijgewerkt, 4 ongewijzigd, 2 ongeldige regels");
    expect(valueText("invalid", [])).toBe("geen");
    expect(valueText("invalid", [{ line: 3, reason: "Dubbel, al op regel 2." }, { line: 4, reason: "Leeg." }])).toBe(
      "regel 3: Dubbel, al op regel 2; regel 4: Leeg",
    );
  });

  it("shows any other object as labelled values, never as JSON", () => {
    expect(valueText("extra", { name: "Tuin", active: true })).toBe("Naam: Tuin, Actief: ja");
    expect(valueText("extra", ["a", "b"])).toBe("a, b");
  });
});
