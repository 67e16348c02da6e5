/**
 * Property-based tests (fast-check, fixed seed) on every zod schema that
 * parses a form, and on the search query builder:
 *
 * - arbitrary values — strings with any Unicode (lone surrogates, NUL,
 *   control characters, RTL and zero-width marks), very long strings,
 *   arrays, numbers, nested objects — in every field never make a schema
 *   throw: safeParse always answers success or failure;
 * - what a schema accepts satisfies the documented invariants (a phone is
 *   E.164, a postcode is `1234 AB`, a lidnummer upper-case letters and digits);
 * - for any text, the FTS5 MATCH expression the search builds runs without
 *   error against a real FTS5 table in SQLite.
 */
import Database from "better-sqlite3";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { deleteAccountSchema } from "./account-erasure";
import { emailChangeSchema, passwordChangeSchema, passwordResetRequestSchema, passwordResetSchema } from "./account";
import { addCategorySchema, renameCategorySchema } from "./category-admin";
import { contactRequestSchema } from "./contact-request-schema";
import { parseMemberCsv } from "./member-csv";
import { normaliseMemberNumber } from "./member-number";
import { pauseSchema } from "./pause";
import { normalisePhone } from "./phone";
import { parseLocationQuery, parsePostcode } from "./postcode";
import { replySchema, reviewSchema } from "./review";
import { allWordsFts, buildFtsQuery, placeCandidates, SEARCH_COLUMNS, SearchVocabulary, searchTerms, someWordsFts, textWords, understandQuery } from "./search-query";
import {
  aanmeldingSchema,
  bedrijfSchema,
  beschikbaarheidSchema,
  dienstenSchema,
  persoonlijkSchema,
  profielSchema,
} from "./signup-schemas";
import {
  addMemberSchema,
  assignPackageSchema,
  memberActiveSchema,
  packageReminderSchema,
  reviewModerationSchema,
  staffCallSchema,
  videoReportStatusSchema,
} from "./staff-forms";
import { videoReportSchema } from "./video-report";

const SEED = 20261129;
const RUNS = 150;
const options = { seed: SEED, numRuns: RUNS };

const HOSTILE = [
  "' OR 1=1 --",
  "\"; DROP TABLE providers; --",
  '"NEAR(a b)" OR * ^col: -x AND (y',
  "<script>alert(1)</script>",
  '<img src=x onerror="alert(1)">',
  "\u0000\u0001\u0007\u001b[31m",
  "\u202e\u200b\u200d\ufeff",
  "👩‍👩‍👧‍👦🏳️‍🌈",
  "e\u0301\u0301\u0301\u0301",
  "\ud800",
  "\udfff\ud800x",
  "x".repeat(100_000),
];

/** Any string, with full Unicode (lone surrogates included), sometimes very long, sometimes hostile. */
const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ maxLength: 5000 }),
  fc.constantFrom(...HOSTILE),
  fc.tuple(fc.constantFrom(...HOSTILE), fc.string()).map(([a, b]) => a + b),
);

/** What a form field could hold after Conform's parsing: text, a list of texts, nothing, or junk. */
const anyFieldValue = fc.oneof(
  { weight: 5, arbitrary: anyText },
  { weight: 1, arbitrary: fc.array(anyText, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.anything() },
);

type AnySchema = z.ZodType;

/** The field names of a schema (through refinements, pipes and discriminated unions). */
function fieldsOf(schema: unknown): string[] {
  const s = schema as { shape?: Record<string, unknown>; in?: unknown; options?: unknown[]; _zod?: { def?: { in?: unknown; options?: unknown[] } } };
  if (s.shape) return Object.keys(s.shape);
  const inner = s.in ?? s._zod?.def?.in;
  if (inner) return fieldsOf(inner);
  const options = s.options ?? s._zod?.def?.options;
  if (options) return [...new Set(options.flatMap(fieldsOf))];
  return [];
}

const today = new Date("2026-03-15T10:00:00Z");
const SCHEMAS: Record<string, AnySchema> = {
  aanmeldingSchema,
  persoonlijkSchema: persoonlijkSchema(today),
  bedrijfSchema,
  profielSchema,
  beschikbaarheidSchema,
  dienstenSchema,
  contactRequestSchema,
  emailChangeSchema,
  passwordChangeSchema,
  passwordResetRequestSchema,
  passwordResetSchema,
  deleteAccountSchema,
  addCategorySchema,
  renameCategorySchema,
  pauseSchema: pauseSchema(today),
  reviewSchema,
  replySchema,
  addMemberSchema,
  memberActiveSchema,
  assignPackageSchema,
  packageReminderSchema,
  staffCallSchema,
  reviewModerationSchema,
  videoReportStatusSchema,
  videoReportSchema,
} as Record<string, AnySchema>;

describe("every form schema", () => {
  for (const [name, schema] of Object.entries(SCHEMAS)) {
    it(`${name} answers success or failure for any value in any field, never throws`, () => {
      const fields = fieldsOf(schema);
      expect(fields.length, `${name} has no fields found`).toBeGreaterThan(0);
      const record = fc.record(Object.fromEntries(fields.map((field) => [field, anyFieldValue])), { requiredKeys: [] });
      fc.assert(
        fc.property(record, (values) => {
          const result = schema.safeParse(values);
          expect(typeof result.success).toBe("boolean");
          if (!result.success) expect(result.error.issues.length).toBeGreaterThan(0);
        }),
        options,
      );
      // And for things that are not a form at all.
      fc.assert(
        fc.property(fc.anything(), (value) => {
          expect(typeof schema.safeParse(value).success).toBe("boolean");
        }),
        { ...options, numRuns: 50 },
      );
    });
  }
});

const E164_NL = /^\+31[1-9][0-9]{8}$/;
/** Phone-like text: digits, a plus, spaces, dashes, brackets, dots. */
const phoneLike = fc.oneof(
  fc.string({ unit: fc.constantFrom(..."0123456789 +-().".split("")), maxLength: 20 }),
  fc.stringMatching(/^(\+31|0031|0)[1-9][0-9]{8}$/),
  fc.stringMatching(/^06[ -]?[0-9]{8}$/),
  anyText,
);

describe("accepted values keep their invariants", () => {
  it("a normalised phone number is Dutch E.164, and normalising it again gives the same", () => {
    let accepted = 0;
    fc.assert(
      fc.property(phoneLike, (input) => {
        const phone = normalisePhone(input);
        if (phone === null) return;
        accepted += 1;
        expect(phone).toMatch(E164_NL);
        expect(normalisePhone(phone)).toBe(phone);
      }),
      { ...options, numRuns: 500 },
    );
    expect(accepted).toBeGreaterThan(10);
  });

  it("the contact form stores only an E.164 phone, a normalised lidnummer and a lower-case trimmed e-mail address", () => {
    const base = {
      name: "Truus",
      email: "Truus@Example.nl",
      location: "3441 AB",
      forWhom: "self",
      contactPreference: "phone",
      contactMoments: ["ochtend"],
    };
    let accepted = 0;
    fc.assert(
      fc.property(phoneLike, fc.oneof(fc.stringMatching(/^[a-zA-Z0-9 .\-/]{0,14}$/), anyText), anyText, (phone, memberNumber, message) => {
        const result = contactRequestSchema.safeParse({ ...base, phone, memberNumber, message });
        if (!result.success) return;
        accepted += 1;
        expect(result.data.phone).toMatch(E164_NL);
        if (result.data.memberNumber !== null) expect(result.data.memberNumber).toMatch(/^[A-Z0-9]{6,10}$/);
        expect(result.data.email).toBe("truus@example.nl");
        if (result.data.message !== null) expect(result.data.message.length).toBeLessThanOrEqual(1000);
      }),
      { ...options, numRuns: 400 },
    );
    expect(accepted).toBeGreaterThan(0);
  });

  it("a parsed postcode is four digits not starting with 0, a space and two capitals other than SA, SD, SS", () => {
    const postcodeLike = fc.oneof(fc.stringMatching(/^\s?[0-9]{4}\s{0,2}[a-zA-Z]{2}\s?$/), anyText);
    fc.assert(
      fc.property(postcodeLike, (input) => {
        const parsed = parsePostcode(input);
        if (parsed === null) return;
        expect(parsed.formatted).toMatch(/^[1-9][0-9]{3} [A-Z]{2}$/);
        expect(["SA", "SD", "SS"]).not.toContain(parsed.letters);
        expect(parsed.pc4).toBe(Number(parsed.formatted.slice(0, 4)));
        expect(parsePostcode(parsed.formatted)).toEqual(parsed);
      }),
      { ...options, numRuns: 400 },
    );
  });

  it("a normalised lidnummer is 6 to 10 upper-case letters and digits with a digit, and stable", () => {
    const memberLike = fc.oneof(fc.stringMatching(/^[a-zA-Z0-9 .\-/]{4,14}$/), anyText);
    let accepted = 0;
    fc.assert(
      fc.property(memberLike, (input) => {
        const number = normaliseMemberNumber(input);
        if (number === null) return;
        accepted += 1;
        expect(number).toMatch(/^(?=.*\d)[A-Z0-9]{6,10}$/);
        expect(normaliseMemberNumber(number)).toBe(number);
      }),
      { ...options, numRuns: 400 },
    );
    expect(accepted).toBeGreaterThan(10);
  });

  it("the staff's add-member form stores the same normal form", () => {
    fc.assert(
      fc.property(fc.oneof(fc.stringMatching(/^[a-zA-Z0-9 -]{4,14}$/), anyText), anyText, (number, name) => {
        const result = addMemberSchema.safeParse({ intent: "add", number, name });
        if (!result.success) return;
        expect(result.data.number).toMatch(/^[A-Z0-9]{6,10}$/);
        if (result.data.name !== null) expect(result.data.name.length).toBeLessThanOrEqual(200);
      }),
      options,
    );
  });

  it("the member CSV parser never throws and every row it accepts has a normalised lidnummer", () => {
    const csvLike = fc.oneof(
      anyText,
      fc
        .array(fc.tuple(fc.oneof(fc.stringMatching(/^[a-zA-Z0-9 -]{0,12}$/), anyText), anyText, fc.constantFrom("ja", "nee", "1", "0", "", "x")), { maxLength: 20 })
        .map((rows) => ["lidnummer;naam;actief", ...rows.map((r) => r.join(";"))].join(fc.sample(fc.constantFrom("\n", "\r\n"), 1)[0])),
    );
    fc.assert(
      fc.property(csvLike, (text) => {
        const result = parseMemberCsv(text) as unknown as { rows?: Array<{ number: string }> };
        for (const row of result.rows ?? []) expect(row.number).toMatch(/^[A-Z0-9]{6,10}$/);
      }),
      { ...options, numRuns: 300 },
    );
  });

  it("the search box's place/postcode parser never throws", () => {
    fc.assert(
      fc.property(anyText, (input) => {
        parseLocationQuery(input);
      }),
      options,
    );
  });
});

describe("the search query builder", () => {
  let sqlite: Database.Database;
  let match: Database.Statement;

  beforeAll(() => {
    sqlite = new Database(":memory:");
    // The same tokenizer as the search index (migration: remove_diacritics 2).
    sqlite.exec(`CREATE VIRTUAL TABLE t USING fts5(name, description, tokenize = "unicode61 remove_diacritics 2")`);
    const insert = sqlite.prepare("INSERT INTO t (name, description) VALUES (?, ?)");
    insert.run("Pédicure aan huis", "voetzorg en nagels knippen");
    insert.run("Computerhulp", "hulp bij de computer, tablet en telefoon NEAR OR AND");
    match = sqlite.prepare("SELECT rowid FROM t WHERE t MATCH ?");
  });
  afterAll(() => sqlite.close());

  it("turns any text into a MATCH expression SQLite runs without an error, or into nothing", () => {
    fc.assert(
      fc.property(anyText, (input) => {
        const query = buildFtsQuery(input);
        if (query === null) return;
        // Only quoted prefix terms of letters and digits, joined by spaces.
        expect(query).toMatch(/^"[\p{L}\p{N}]+"\*( "[\p{L}\p{N}]+"\*)*$/u);
        expect(() => match.all(query)).not.toThrow();
      }),
      { ...options, numRuns: 1000 },
    );
  });

  it("keeps FTS5 operators typed by a visitor as plain words", () => {
    for (const input of HOSTILE) {
      const query = buildFtsQuery(input);
      if (query !== null) expect(() => match.all(query)).not.toThrow();
    }
    expect(match.all(buildFtsQuery("computer OR NEAR")!)).toHaveLength(1);
    expect(match.all(buildFtsQuery("pedicure")!)).toHaveLength(1);
  });

  it("gives at most 8 terms of at most 40 characters, each at least 2 long", () => {
    fc.assert(
      fc.property(anyText, (input) => {
        const terms = searchTerms(input);
        expect(terms.length).toBeLessThanOrEqual(8);
        for (const term of terms) expect(term.length).toBeGreaterThanOrEqual(2);
        for (const term of terms) expect(term.length).toBeLessThanOrEqual(40);
      }),
      options,
    );
  });

  it("understands any text against the index's words as a MATCH expression SQLite runs, and cuts any text into place candidates", () => {
    // The vocabulary of the two rows above, as fts5vocab gives it.
    const words = [...new Set(textWords("Pédicure aan huis voetzorg en nagels knippen Computerhulp hulp bij de computer, tablet en telefoon NEAR OR AND"))];
    const vocabulary = new SearchVocabulary(words.map((term) => ({ term, docs: 1, columns: new Set([SEARCH_COLUMNS[0]]) })));
    fc.assert(
      fc.property(anyText, (input) => {
        const understood = understandQuery(input, vocabulary);
        const all = allWordsFts(understood.words);
        if (all !== null) expect(() => match.all(all)).not.toThrow();
        for (let k = 1; k < understood.words.length; k++) {
          const some = someWordsFts(understood.words, k)!;
          expect(() => match.all(some)).not.toThrow();
        }
        for (const candidate of placeCandidates(input)) expect(candidate.words.length).toBeLessThanOrEqual(5);
      }),
      { ...options, numRuns: 500 },
    );
  });
});
