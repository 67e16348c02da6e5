/**
 * `npm run test:list`: every Vitest test and Playwright run by file and
 * title, one per line, sorted, without line numbers, so that two commits'
 * lists can be compared with diff: a change that makes the suite faster must
 * not make it smaller.
 *
 *   npm run -s test:list > after.txt
 *   git switch --detach <before> && npm ci && npm run -s test:list > before.txt
 *   diff before.txt after.txt
 */
import { spawnSync } from "node:child_process";

function list(command: string, args: string[]): string[] {
  const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    process.stderr.write(result.stderr);
    throw new Error(`${command} ${args.join(" ")} failed with exit code ${result.status}`);
  }
  return result.stdout.split("\n");
}

// "|unit| app/domain/x.test.ts > group > title" or "[integration] …": the project is kept, it says where a test runs.
const vitest = list("npx", ["vitest", "list"])
  .filter((line) => line.includes(" > "))
  .map((line) => `vitest ${line.replace(/^\|(\w+)\|/, "[$1]")}`);

// "  [no-js] › signup.spec.ts:12:3 › group › title": the line number moves with every edit.
const playwright = list("npx", ["playwright", "test", "--list"])
  .filter((line) => line.includes(" › "))
  .map((line) => `playwright ${line.trim().replace(/:\d+:\d+ › /, " › ").replace("../reliability/", "reliability/")}`);

const lines = [...vitest, ...playwright].sort();
process.stdout.write(`${lines.join("\n")}\n`);
process.stderr.write(`${vitest.length} Vitest tests, ${playwright.length} Playwright runs\n`);
