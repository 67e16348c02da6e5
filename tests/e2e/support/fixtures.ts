import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

type Fixtures = {
  /** True in the project that runs with JavaScript switched off. */
  noJs: boolean;
  /** Runs axe (WCAG 2.2 AA) on the page as it is now and fails on any violation. */
  expectAccessible: (page: Page) => Promise<void>;
};

export const test = base.extend<Fixtures>({
  noJs: async ({ javaScriptEnabled }, use) => {
    await use(!javaScriptEnabled);
  },
  expectAccessible: async ({ browser, javaScriptEnabled }, use) => {
    await use(async (page: Page) => {
      if (javaScriptEnabled) {
        await report(await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze(), page.url());
        return;
      }
      // axe needs JavaScript to run. For the no-JavaScript journey, the exact HTML
      // this page shows (also after a POST, e.g. with errors) is served again at
      // its own address in a context where scripting works but the page's own
      // scripts are blocked, so axe sees what a browser without JavaScript shows.
      const html = await page.content();
      const url = page.url();
      // A request's URL never has the #fragment (e.g. after following an error summary
      // link), so compare without it; otherwise the page would be fetched afresh, without
      // the session, and axe would scan the sign-in page instead.
      const address = url.split("#")[0];
      const context = await browser.newContext({ javaScriptEnabled: true, locale: "nl-NL" });
      try {
        const scanned = await context.newPage();
        await scanned.route("**/*", (route) => {
          const request = route.request();
          if (request.resourceType() === "script") return route.abort();
          if (request.url() === address && request.isNavigationRequest()) {
            return route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html });
          }
          return route.continue();
        });
        await scanned.goto(url);
        await report(await new AxeBuilder({ page: scanned }).withTags(WCAG_TAGS).analyze(), url);
      } finally {
        await context.close();
      }
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
