import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/**
 * The files in deploy/ as the tools that read them see them: systemd's own
 * checker for the unit, Caddy's for the Caddyfile. Caddy itself running the
 * Caddyfile in front of the app is tests/reliability/caddy.spec.ts.
 */

const ROOT = path.resolve(import.meta.dirname, "../..");
const UNIT = path.join(ROOT, "deploy/vivium.service");
const CADDYFILE = path.join(ROOT, "deploy/Caddyfile");

function installed(command: string, versionArg: string): boolean {
  return spawnSync(command, [versionArg], { stdio: "ignore" }).status === 0;
}
const systemdAnalyze = installed("systemd-analyze", "--version");
const caddy = installed("caddy", "version");
const skipped = (tool: string, ok: boolean) => (ok ? "" : ` (skipped: ${tool} is not installed)`);

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "vivium-deploy-kit-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe("deploy/vivium.service", () => {
  const unit = fs.readFileSync(UNIT, "utf8");

  it("runs the built server as npm run serve does, as vivium, restarted always, stopped after the drain", () => {
    const serve = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts.serve;
    const nodeArgs = /node (.+)$/.exec(serve ?? "")?.[1];
    expect(unit).toMatch(new RegExp(`^ExecStart=/usr/bin/node ${nodeArgs}$`, "m"));
    for (const line of ["User=vivium", "Restart=always", "KillSignal=SIGTERM", "WorkingDirectory=/opt/vivium", "EnvironmentFile=/opt/vivium/.env", "ProtectSystem=strict", "NoNewPrivileges=yes"]) {
      expect(unit).toMatch(new RegExp(`^${line}$`, "m"));
    }
    // The server's own shutdown takes up to 5 s for connections and 3 s for the outbox.
    expect(Number(/^TimeoutStopSec=(\d+)$/m.exec(unit)?.[1])).toBeGreaterThan(8);
    // V8's JIT needs writable and executable memory.
    expect(unit).not.toMatch(/^MemoryDenyWriteExecute=/m);
  });

  it(`passes systemd-analyze verify without a warning, and its exposure stays at or below 2.0${skipped("systemd-analyze", systemdAnalyze)}`, ({ skip }) => {
    if (!systemdAnalyze) skip();
    // verify checks that ExecStart's program exists: the guide installs Node as /usr/bin/node, a test machine may have it elsewhere.
    const copy = path.join(scratch, "vivium.service");
    fs.writeFileSync(copy, unit.replace("ExecStart=/usr/bin/node ", `ExecStart=${process.execPath} `));
    const verify = spawnSync("systemd-analyze", ["verify", copy], { encoding: "utf8" });
    expect(verify.stderr + verify.stdout).toBe("");
    expect(verify.status).toBe(0);
    // Dropping a sandboxing line raises the exposure; the unit is at 1.5 ("OK").
    const security = spawnSync("systemd-analyze", ["security", "--offline=yes", "--threshold=20", copy], { encoding: "utf8" });
    expect(security.status, security.stdout + security.stderr).toBe(0);
  });
});

describe("deploy/Caddyfile", () => {
  it(`is valid for Caddy with a domain, and refused without one${skipped("caddy", caddy)}`, ({ skip }) => {
    if (!caddy) skip();
    const validate = (env: { VIVIUM_DOMAIN?: string }) =>
      spawnSync("caddy", ["validate", "--config", CADDYFILE, "--adapter", "caddyfile"], {
        encoding: "utf8",
        env: { ...process.env, HOME: scratch, XDG_DATA_HOME: scratch, XDG_CONFIG_HOME: scratch, VIVIUM_DOMAIN: undefined, ...env },
      });
    const withDomain = validate({ VIVIUM_DOMAIN: "www.viviumservices.nl" });
    expect(withDomain.status, withDomain.stderr).toBe(0);
    expect(withDomain.stdout).toContain("Valid configuration");
    const withoutDomain = validate({});
    expect(withoutDomain.status).not.toBe(0);
  });

  it("limits request bodies as the app's largest limits do (app/domain/request-body.ts)", () => {
    const caddyfile = fs.readFileSync(CADDYFILE, "utf8");
    const limits = fs.readFileSync(path.join(ROOT, "app/domain/request-body.ts"), "utf8");
    // The app refuses ordinary forms over 64 KB itself; Caddy's backstop is the upload limit.
    expect(limits).toContain("export const UPLOAD_MAX_BYTES = 25 * 1024 * 1024;");
    expect(caddyfile).toMatch(/request_body @notVideo \{\s*max_size 25MiB\s*\}/);
    // The video limit is VIDEO_MAX_MB (default 100) plus 1 MiB for the form: 110 MiB leaves room up to VIDEO_MAX_MB=109.
    expect(caddyfile).toMatch(/request_body @video \{\s*max_size 110MiB\s*\}/);
  });
});
