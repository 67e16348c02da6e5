import { createHash } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

type Fixtures = {
  /** True in the project that runs with JavaScript switched off. */
  noJs: boolean;
  /** Runs axe (WCAG 2.2 AA) on the page as it is now and fails on any violation. */
  expectAccessible: (page: Page) => Promise<void>;
};

type WorkerFixtures = {
  /** Fingerprints of the page states this worker has scanned already: the same HTML gives the same axe result. */
  scannedStates: Set<string>;
  /** For the no-JavaScript project: one page, in a context with scripting on, where axe scans what was served. */
  axeScanner: { page: Page; show: (address: string, html: string) => void };
};

/**
 * What makes two page states the same for axe: their HTML, without the parts
 * that differ per response but never change what axe checks (the CSP nonce,
 * hidden inputs' values such as tokens).
 */
function fingerprint(url: string, html: string): string {
  const stable = html.replace(/ nonce="[^"]*"/g, "").replace(/(<input[^>]*type="hidden"[^>]*value=")[^"]*"/g, '$1"');
  return createHash("sha1").update(new URL(url).pathname).update("\0").update(stable).digest("hex");
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  noJs: async ({ javaScriptEnabled }, use) => {
    await use(!javaScriptEnabled);
  },
  scannedStates: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      await use(new Set());
    },
    { scope: "worker" },
  ],
  axeScanner: [
    async ({ browser }, use) => {
      let context: BrowserContext | null = null;
      let page: Page | null = null;
      let served = { address: "", html: "" };
      const scanner = {
        show: (address: string, html: string) => {
          served = { address, html };
        },
        get page(): Page {
          if (!page) throw new Error("axeScanner: not opened");
          return page;
        },
      };
      context = await browser.newContext({ javaScriptEnabled: true, locale: "nl-NL" });
      page = await context.newPage();
      await page.route("**/*", (route) => {
        const request = route.request();
        if (request.resourceType() === "script") return route.abort();
        if (request.url() === served.address && request.isNavigationRequest()) {
          return route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: served.html });
        }
        return route.continue();
      });
      await use(scanner);
      await context.close();
    },
    { scope: "worker" },
  ],
  expectAccessible: async ({ javaScriptEnabled, scannedStates, axeScanner }, use) => {
    await use(async (page: Page) => {
      const html = await page.content();
      const url = page.url();
      const state = fingerprint(url, html);
      // Another test in this worker scanned exactly this page state: axe would say the same again.
      if (scannedStates.has(state)) return;
      if (javaScriptEnabled) {
        await report(await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze(), url);
        scannedStates.add(state);
        return;
      }
      // axe needs JavaScript to run. For the no-JavaScript journey, the exact HTML
      // this page shows (also after a POST, e.g. with errors) is served again at
      // its own address in a page where scripting works but the site's own
      // scripts are blocked, so axe sees what a browser without JavaScript shows.
      // A request's URL never has the #fragment (e.g. after following an error summary
      // link), so compare without it; otherwise the page would be fetched afresh, without
      // the session, and axe would scan the sign-in page instead.
      const address = url.split("#")[0]!;
      axeScanner.show(address, html);
      await axeScanner.page.goto(address);
      await report(await new AxeBuilder({ page: axeScanner.page }).withTags(WCAG_TAGS).analyze(), url);
      scannedStates.add(state);
    });
  },
});

async function report(results: Awaited<ReturnType<AxeBuilder["analyze"]>>, url: string) {
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`,
  );
  expect(summary, `axe violations on ${url}`).toEqual([]);
}

export { expect };
