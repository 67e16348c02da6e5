/**
 * `npm run relevance`: the search relevance suite (tests/relevance) against
 * the demo data in a temporary database. Prints success@3 (the share of
 * queries whose expected providers are all among the first three results),
 * the count per kind of query and every miss with what came instead. Exits 1
 * below the target (95%) or when an expectation does not hold under the
 * product rules (the provider does not offer that help there).
 *
 *   npm run relevance
 *   npm run relevance -- --all    (also every hit, with its top three)
 */
import {
  TARGET_SUCCESS_AT_3,
  checkExpectations,
  formatReport,
  openRelevanceDatabase,
  runRelevance,
} from "../tests/relevance/relevance";

const showAll = process.argv.includes("--all");
const { db, close } = await openRelevanceDatabase();
let ok = false;
try {
  const problems = await checkExpectations(db);
  if (problems.length > 0) {
    console.log(`${problems.length} expectations do not hold under the product rules:`);
    for (const problem of problems) console.log(`  ${problem}`);
  }
  const report = await runRelevance(db);
  if (showAll) {
    for (const r of report.results) {
      const where = r.case.waar ? ` waar=${JSON.stringify(r.case.waar)}` : "";
      console.log(`${r.hit ? "hit " : "MISS"} [${r.case.kind}] wat=${JSON.stringify(r.case.wat)}${where}: ${r.top.join(", ") || "(nothing)"}`);
    }
  }
  console.log(formatReport(report));
  ok = problems.length === 0 && report.successAt3 >= TARGET_SUCCESS_AT_3;
} finally {
  await close();
}
process.exit(ok ? 0 : 1);
