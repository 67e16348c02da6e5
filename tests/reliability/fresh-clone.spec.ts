import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { freePort, sleep } from "./support/server";

/**
 * What a newcomer does: clone the repository alone (nothing beside it, so no
 * ../shared), then `npm start`. The install step is the one thing skipped:
 * the clone borrows this checkout's node_modules through a link, so the test
 * needs no network. It clones the committed state (HEAD), as a user would.
 */
const ROOT = path.resolve(import.meta.dirname, "../..");

test("a plain clone starts with `npm start` and answers a postcode search", async () => {
  test.setTimeout(300_000);
  const outer = fs.mkdtempSync(path.join(os.tmpdir(), "vivium-fresh-clone-"));
  const clone = path.join(outer, "vivium");
  const started = Date.now();
  execFileSync("git", ["clone", "--quiet", ROOT, clone]);
  fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(clone, "node_modules"), "dir");
  expect(fs.readdirSync(outer)).toEqual(["vivium"]);
  expect(fs.existsSync(path.join(clone, "db/postcodes/pc4.csv"))).toBe(true);
  const clonedMs = Date.now() - started;

  const port = await freePort();
  // Only what any shell has, plus ports that cannot collide with other tests: no DATA_DIR, no POSTCODE_DATA_DIR.
  const child = spawn("npm", ["start"], {
    cwd: clone,
    detached: true,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? outer,
      // The default, written out only because Node's types ask for it.
      NODE_ENV: "development",
      PORT: String(port),
      MOLLIE_GATEWAY_PORT: "0",
      MOLLIE_CHECKOUT_PORT: "0",
      LOG_REQUESTS: "false",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let done = false;
  void exited.then(() => (done = true));
  const baseUrl = `http://127.0.0.1:${port}`;

  try {
    const deadline = Date.now() + 240_000;
    for (;;) {
      if (done) throw new Error(`npm start exited before the server was ready:\n${log}`);
      if (Date.now() > deadline) throw new Error(`npm start: no healthy server within 240 s:\n${log}`);
      const healthy = await fetch(`${baseUrl}/healthz`).then((r) => r.ok, () => false);
      if (healthy) break;
      await sleep(250);
    }
    const startedMs = Date.now() - started - clonedMs;
    expect(log).toMatch(/postcodes: imported \d+ areas and \d+ places from .*vivium\/db\/postcodes/);
    expect(fs.existsSync(path.join(clone, "data/vivium.sqlite"))).toBe(true);

    const search = await fetch(`${baseUrl}/zoeken?wat=&waar=3447+GT`);
    expect(search.status).toBe(200);
    const html = await search.text();
    expect(html).toContain("Bert Klinkenberg");
    const places = await fetch(`${baseUrl}/api/plaatsen?q=Woerd`).then((r) => r.json() as Promise<unknown>);
    expect(JSON.stringify(places)).toContain("Woerden");
    console.log(`fresh clone: git clone ${clonedMs} ms; npm start to a healthy server (build, migrations, postcodes, demo data) ${startedMs} ms`);
  } finally {
    // npm start runs tsx, which runs the server: stop the whole group.
    if (!done && child.pid) process.kill(-child.pid, "SIGTERM");
    await Promise.race([exited, sleep(15_000)]);
    if (!done && child.pid) process.kill(-child.pid, "SIGKILL");
    fs.rmSync(outer, { recursive: true, force: true });
  }
});
