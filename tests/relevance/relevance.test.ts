import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  RELEVANCE_QUERIES,
  TARGET_SUCCESS_AT_3,
  checkExpectations,
  formatMiss,
  formatPercent,
  openRelevanceDatabase,
  runRelevance,
  type RelevanceDatabase,
  type RelevanceReport,
} from "./relevance";

/**
 * The search relevance suite (queries.ts) in `npm test`: realistic queries
 * against the demo data, success@3 at or above the target. The same run,
 * with every miss printed, is `npm run relevance`.
 */
let database: RelevanceDatabase;
let report: RelevanceReport;

beforeAll(async () => {
  database = await openRelevanceDatabase();
  report = await runRelevance(database.db);
}, 60_000);
afterAll(async () => {
  await database?.close();
});

describe("search relevance on the demo data", () => {
  it("has at least 80 realistic queries", () => {
    expect(RELEVANCE_QUERIES.length).toBeGreaterThanOrEqual(80);
    expect(report.results).toHaveLength(RELEVANCE_QUERIES.length);
  });

  it("expects only providers that offer that help where it is asked", async () => {
    expect(await checkExpectations(database.db)).toEqual([]);
  });

  it(`finds the expected providers in the top 3 for at least ${formatPercent(TARGET_SUCCESS_AT_3)} of the queries`, () => {
    const summary = `success@3 ${formatPercent(report.successAt3)} (${report.hits} of ${report.results.length}); misses:\n${report.misses.map(formatMiss).join("\n")}\n`;
    expect(report.successAt3, summary).toBeGreaterThanOrEqual(TARGET_SUCCESS_AT_3);
  });
});
