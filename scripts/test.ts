/**
 * `npm test`: every check, with the independent ones side by side, and a
 * report of how long each phase took and which failed.
 *
 *   1. typecheck, lint, Vitest and the production build run at the same time
 *      (none reads what another writes);
 *   2. Playwright (browser journeys with and without JavaScript, axe, the
 *      reliability tests) against that build.
 *
 * Playwright only starts when all of step 1 passed: a broken build or a
 * failing unit test is reported in seconds rather than after the browsers.
 */
import { spawn } from "node:child_process";
import concurrently, { type CloseEvent } from "concurrently";

type Phase = { name: string; seconds: number; ok: boolean };

const phases: Phase[] = [];
const started = Date.now();

function seconds(ms: number): number {
  return Math.round(ms / 100) / 10;
}

function report(): void {
  const width = Math.max(...phases.map((p) => p.name.length), "total".length);
  console.log("\nnpm test — time per phase");
  for (const phase of phases) {
    console.log(`  ${phase.name.padEnd(width)}  ${phase.seconds.toFixed(1).padStart(7)} s  ${phase.ok ? "passed" : "FAILED"}`);
  }
  console.log(`  ${"total".padEnd(width)}  ${seconds(Date.now() - started).toFixed(1).padStart(7)} s  (wall clock; step 1 runs its phases side by side)`);
}

async function parallelChecks(): Promise<boolean> {
  const { result } = concurrently(
    [
      { command: "npm run --silent typecheck", name: "typecheck" },
      { command: "npm run --silent lint", name: "lint" },
      { command: "npm run --silent test:unit", name: "vitest" },
      { command: "npm run --silent build", name: "build" },
    ],
    { prefix: "[{name}]", prefixColors: ["blue", "magenta", "green", "cyan"], killOthers: [], group: false },
  );
  const record = (events: CloseEvent[]) => {
    for (const event of events) {
      phases.push({ name: event.command.name, seconds: seconds(event.timings.durationSeconds * 1000), ok: event.exitCode === 0 });
    }
  };
  try {
    record(await result);
    return true;
  } catch (events) {
    record(events as CloseEvent[]);
    return false;
  }
}

function run(name: string, command: string, args: string[]): Promise<boolean> {
  const start = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit" });
    child.once("exit", (code) => {
      phases.push({ name, seconds: seconds(Date.now() - start), ok: code === 0 });
      resolve(code === 0);
    });
  });
}

let ok = await parallelChecks();
if (ok) ok = await run("playwright", "npx", ["playwright", "test"]);
else console.log("\nStep 1 failed: the browser tests were not started.");
report();
process.exit(ok ? 0 : 1);
