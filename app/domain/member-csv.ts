/**
 * The member list staff upload at /beheer/leden: a CSV file as Excel and the
 * membership administration export it. Columns `lidnummer;naam;actief` (only
 * lidnummer is required), separated by `;` or `,`, with a header row, UTF-8
 * with or without a byte order mark. Fields may be quoted ("Jansen, Jan"),
 * with `""` for a quote inside and line breaks inside quotes. Every problem
 * is reported by the line number the row starts on, as a spreadsheet shows it.
 */
import { normaliseMemberNumber } from "./member-number";

export const MEMBER_NAME_MAX = 200;

export type MemberCsvRow = { line: number; number: string; name: string | null; active: boolean };
export type MemberCsvProblem = { line: number; reason: string };
export type MemberCsvResult =
  | { ok: true; rows: MemberCsvRow[]; invalid: MemberCsvProblem[] }
  /** The file as a whole cannot be read (no lidnummer column, empty). */
  | { ok: false; error: string };

type Record_ = { line: number; fields: string[] };

/**
 * Splits CSV text into records of fields, RFC 4180 style. A quote that is
 * never closed swallows the rest of the file; that record is reported as
 * unterminated rather than guessed at.
 */
export function parseCsvRecords(text: string, delimiter: string): { records: Record_[]; unterminatedAt: number | null } {
  const records: Record_[] = [];
  let fields: string[] = [];
  let field = "";
  let inQuotes = false;
  let line = 1;
  let recordLine = 1;
  let fieldStarted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (inQuotes) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        if (char === "\n") line++;
        field += char;
      }
      continue;
    }
    if (char === '"' && !fieldStarted) {
      inQuotes = true;
      fieldStarted = true;
    } else if (char === delimiter) {
      fields.push(field);
      field = "";
      fieldStarted = false;
    } else if (char === "\r" || char === "\n") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      fields.push(field);
      records.push({ line: recordLine, fields });
      fields = [];
      field = "";
      fieldStarted = false;
      line++;
      recordLine = line;
    } else {
      // A quote in the middle of an unquoted field is kept as typed (Excel does the same).
      field += char;
      if (char !== " " && char !== "\t") fieldStarted = true;
    }
  }
  if (inQuotes) return { records, unterminatedAt: recordLine };
  if (field !== "" || fields.length > 0) {
    fields.push(field);
    records.push({ line: recordLine, fields });
  }
  return { records, unterminatedAt: null };
}

/** `;` unless the first line has more commas than semicolons outside quotes. */
export function detectDelimiter(text: string): ";" | "," {
  let semicolons = 0;
  let commas = 0;
  let inQuotes = false;
  for (const char of text) {
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (char === "\n" || char === "\r")) break;
    else if (!inQuotes && char === ";") semicolons++;
    else if (!inQuotes && char === ",") commas++;
  }
  return commas > semicolons ? "," : ";";
}

const TRUE_WORDS = new Set(["", "ja", "j", "1", "true", "waar", "actief", "yes", "y"]);
const FALSE_WORDS = new Set(["nee", "n", "0", "false", "onwaar", "inactief", "niet actief", "no"]);

/** `ja`, `1`, `actief` or empty: active; `nee`, `0`, `inactief`: not; anything else: null. */
export function parseActive(value: string): boolean | null {
  const word = value.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return null;
}

const HEADER_NAMES: Record<string, "number" | "name" | "active"> = {
  lidnummer: "number",
  lidnr: "number",
  nummer: "number",
  naam: "name",
  name: "name",
  actief: "active",
  active: "active",
  status: "active",
};

function isBlank(fields: string[]): boolean {
  return fields.every((f) => f.trim() === "");
}

export function parseMemberCsv(input: string): MemberCsvResult {
  const text = input.startsWith("\uFEFF") ? input.slice(1) : input;
  const { records, unterminatedAt } = parseCsvRecords(text, detectDelimiter(text));
  const nonBlank = records.filter((r) => !isBlank(r.fields));
  if (nonBlank.length === 0 && unterminatedAt === null) return { ok: false, error: "Het bestand is leeg. Kies een CSV-bestand met lidnummers." };

  // The header decides the column order; without one the order is lidnummer, naam, actief.
  let columns: { number: number; name: number | null; active: number | null } = { number: 0, name: 1, active: 2 };
  let body = nonBlank;
  const first = nonBlank[0];
  if (first && normaliseMemberNumber(first.fields[0] ?? "") === null) {
    const names = first.fields.map((f) => HEADER_NAMES[f.trim().toLowerCase()]);
    const number = names.indexOf("number");
    if (number === -1) {
      return {
        ok: false,
        error: `De eerste regel moet de kolomnamen bevatten, met een kolom "lidnummer" (bijvoorbeeld: lidnummer;naam;actief).`,
      };
    }
    const name = names.indexOf("name");
    const active = names.indexOf("active");
    columns = { number, name: name === -1 ? null : name, active: active === -1 ? null : active };
    body = nonBlank.slice(1);
  }

  const rows: MemberCsvRow[] = [];
  const invalid: MemberCsvProblem[] = [];
  const seen = new Map<string, number>();
  for (const record of body) {
    const cell = (index: number | null) => (index === null ? "" : (record.fields[index] ?? "").trim());
    const typed = cell(columns.number);
    if (typed === "") {
      invalid.push({ line: record.line, reason: "Het lidnummer ontbreekt." });
      continue;
    }
    const number = normaliseMemberNumber(typed);
    if (number === null) {
      invalid.push({ line: record.line, reason: `"${typed}" is geen geldig lidnummer (6 tot 10 letters en cijfers, met minstens één cijfer).` });
      continue;
    }
    const active = parseActive(cell(columns.active));
    if (active === null) {
      invalid.push({ line: record.line, reason: `"${cell(columns.active)}" bij actief is onduidelijk: gebruik ja of nee.` });
      continue;
    }
    const name = cell(columns.name).replace(/\s+/g, " ");
    if (name.length > MEMBER_NAME_MAX) {
      invalid.push({ line: record.line, reason: `De naam is langer dan ${MEMBER_NAME_MAX} tekens.` });
      continue;
    }
    const earlier = seen.get(number);
    if (earlier !== undefined) {
      invalid.push({ line: record.line, reason: `Lidnummer ${number} staat al op regel ${earlier}.` });
      continue;
    }
    seen.set(number, record.line);
    rows.push({ line: record.line, number, name: name === "" ? null : name, active });
  }
  if (unterminatedAt !== null) {
    invalid.push({ line: unterminatedAt, reason: "Een aanhalingsteken (\") wordt niet gesloten; deze regel en alles erna is overgeslagen." });
  }
  invalid.sort((a, b) => a.line - b.line);
  return { ok: true, rows, invalid };
}

/**
 * The text of an uploaded file: UTF-8 (a BOM is dropped by the parser), or,
 * when the bytes are not valid UTF-8, Windows-1252 as older Excel saves CSV.
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}
