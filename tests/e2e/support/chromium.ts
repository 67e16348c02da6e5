/**
 * Debian's Chromium as every e2e browser starts it: headless, no sandbox
 * (CI runs as root in a container), and nothing that reaches the internet.
 * playwright.config.ts uses it for the projects; a spec that needs its own
 * browser (the video recorder's fake camera) adds flags to the same list.
 */
export const CHROMIUM_EXECUTABLE = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

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
