import fs from "node:fs";

/**
 * Debian's Chromium as every e2e browser starts it: headless, no sandbox
 * (CI runs as root in a container), and nothing that reaches the internet.
 * playwright.config.ts uses it for the projects; a spec that needs its own
 * browser (the video recorder's fake camera) adds flags to the same list.
 *
 * Debian's headless shell (package chromium-headless-shell) is the same
 * engine without the desktop browser's window, extensions and GPU emulation
 * (the browser Playwright itself uses for headless runs): on a 2-core machine
 * the suite runs about twice as fast with it. Without it, the full Chromium
 * runs the same tests.
 */
const HEADLESS_SHELL = "/usr/lib/chromium/chromium-headless-shell";

export const CHROMIUM_EXECUTABLE = process.env.CHROMIUM_PATH ?? (fs.existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : "/usr/bin/chromium");

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
] as const;
