/**
 * The relevance suite's harness (no Vitest here: scripts/relevance.ts runs it
 * with plain tsx, tests/relevance/relevance.test.ts inside `npm test`).
 *
 * A fresh SQLite file with the postcode data, the default categories (with
 * their zoekwoorden) and the demo providers; every case of queries.ts through
 * `searchProviders`; a case is a hit when every expected name is among the
 * first three results. success@3 = hits / cases.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { seedCategories, seedDemoProviders } from "#db/seed/seed";
import { BUNDLED_POSTCODE_DIR } from "~/server/config.server";
import { migrateToLatest, openDatabase, type Db } from "~/server/db.server";
import { importPostcodes } from "~/server/postcode-import.server";
import { searchProviders, searchProvidersByScan } from "~/server/search.server";
import { RELEVANCE_QUERIES, type RelevanceCase } from "./queries";

export { RELEVANCE_QUERIES, type RelevanceCase } from "./queries";

/** The share of cases that must have all their expected providers in the top 3. */
export const TARGET_SUCCESS_AT_3 = 0.95;
export const TOP = 3;

export type RelevanceDatabase = { db: Db; close: () => Promise<void> };

/**
 * A temporary database with the demo data. Inside Vitest the migrated
 * template with postcodes that tests/support/global-setup.ts built is copied
 * when there is one (VIVIUM_TEST_TEMPLATES); otherwise it is built here.
 */
export async function openRelevanceDatabase(): Promise<RelevanceDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vivium-relevance-"));
  const file = path.join(dir, "relevance.sqlite");
  const templates = process.env.VIVIUM_TEST_TEMPLATES;
  const template = templates ? path.join(templates, "with-postcodes.sqlite") : null;
  const copied = template !== null && fs.existsSync(template);
  if (copied) fs.copyFileSync(template, file);
  const database = openDatabase(file);
  try {
    await migrateToLatest(database.db);
    if (!copied) await importPostcodes(database.db, path.resolve(process.env.POSTCODE_DATA_DIR ?? BUNDLED_POSTCODE_DIR));
    await seedCategories(database.db);
    await seedDemoProviders(database.db);
  } catch (error) {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    db: database.db,
    close: async () => {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type CaseResult = {
  case: RelevanceCase;
  hit: boolean;
  /** The first three names, in rank order. */
  top: string[];
  /** Expected names that were not in the top three. */
  missing: string[];
  total: number;
};

export type RelevanceReport = {
  results: CaseResult[];
  hits: number;
  misses: CaseResult[];
  /** hits / cases, 0…1. */
  successAt3: number;
};

export async function runRelevance(db: Db, cases: readonly RelevanceCase[] = RELEVANCE_QUERIES): Promise<RelevanceReport> {
  const results: CaseResult[] = [];
  for (const c of cases) {
    const { results: cards, total } = await searchProviders(db, { wat: c.wat, waar: c.waar ?? null });
    const top = cards.slice(0, TOP).map((card) => card.name);
    const missing = c.expect.filter((name) => !top.includes(name));
    results.push({ case: c, hit: missing.length === 0, top, missing, total });
  }
  const misses = results.filter((r) => !r.hit);
  const hits = results.length - misses.length;
  return { results, hits, misses, successAt3: results.length === 0 ? 0 : hits / results.length };
}

export function formatPercent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** One line per miss: what was typed, what had to come, what came. */
export function formatMiss(miss: CaseResult): string {
  const { wat, waar, expect, kind } = miss.case;
  const where = waar ? ` waar=${JSON.stringify(waar)}` : "";
  const got = miss.top.length > 0 ? miss.top.join(", ") : "(nothing)";
  return `[${kind}] wat=${JSON.stringify(wat)}${where}: expected ${expect.join(" + ")}; got ${got} (${miss.total} results)`;
}

export function formatReport(report: RelevanceReport): string {
  const lines = [
    `success@${TOP}: ${formatPercent(report.successAt3)} (${report.hits} of ${report.results.length} cases; target ${formatPercent(TARGET_SUCCESS_AT_3)})`,
  ];
  const kinds = new Map<string, { cases: number; hits: number }>();
  for (const r of report.results) {
    const k = kinds.get(r.case.kind) ?? { cases: 0, hits: 0 };
    k.cases += 1;
    if (r.hit) k.hits += 1;
    kinds.set(r.case.kind, k);
  }
  lines.push(`by kind: ${[...kinds].map(([kind, k]) => `${kind} ${k.hits}/${k.cases}`).join(", ")}`);
  if (report.misses.length > 0) {
    lines.push(`${report.misses.length} misses:`);
    for (const miss of report.misses) lines.push(`  ${formatMiss(miss)}`);
  }
  return lines.join("\n");
}

/**
 * That the expectations are true under the product rules, not the engine's
 * opinion: every expected provider offers the help asked for (`help`, a
 * category slug) and comes to the location given or typed (`waar`, or
 * `place` for a place inside the keyword box), by the category filter
 * through the reference scan. Returns one line per expectation that fails.
 */
export async function checkExpectations(db: Db, cases: readonly RelevanceCase[] = RELEVANCE_QUERIES): Promise<string[]> {
  const problems: string[] = [];
  const live = new Set(
    (await db.selectFrom("providers").select(["first_name", "infix", "last_name"]).where("status", "=", "live").execute()).map((p) =>
      [p.first_name, p.infix, p.last_name].filter(Boolean).join(" "),
    ),
  );
  for (const c of cases) {
    const label = `wat=${JSON.stringify(c.wat)}${c.waar ? ` waar=${JSON.stringify(c.waar)}` : ""}`;
    if (c.expect.length === 0 || c.expect.length > TOP) problems.push(`${label}: expects ${c.expect.length} providers (1 to ${TOP})`);
    for (const name of c.expect) if (!live.has(name)) problems.push(`${label}: ${name} is not a live demo provider`);
    if (!c.help) continue;
    const waar = c.waar ?? c.place ?? null;
    const { results, category } = await searchProvidersByScan(db, { waar, categorie: c.help, pagina: 1 });
    if (!category) {
      problems.push(`${label}: no category ${c.help}`);
      continue;
    }
    const fitting = results.map((card) => card.name);
    for (const name of c.expect) {
      if (!fitting.includes(name)) problems.push(`${label}: ${name} does not offer ${c.help}${waar ? ` in ${waar}` : ""}`);
    }
    // Local before nationwide: a nationwide provider can only be expected when fewer than three local ones fit.
    const local = results.filter((card) => !card.nationwide).map((card) => card.name);
    const nationwideExpected = c.expect.filter((name) => !local.includes(name));
    if (waar && nationwideExpected.length > 0 && local.length + nationwideExpected.length > TOP) {
      problems.push(`${label}: expects nationwide ${nationwideExpected.join(", ")} although ${local.length} local providers fit`);
    }
  }
  return problems;
}
