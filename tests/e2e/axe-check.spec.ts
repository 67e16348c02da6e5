import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";

/**
 * The accessibility check itself: it must fail where a page breaks WCAG, or
 * every green axe step in the journeys would mean nothing.
 */
test.describe("the axe check of every journey", () => {
  test("fails on an image without text, a field without a label and text too faint to read", async ({ page, expectAccessible }) => {
    await page.goto("/");
    const token = `${Date.now()}-${Math.random()}`;
    await page.setContent(`<!doctype html><html lang="nl"><head><title>Proef ${token}</title><link rel="stylesheet" href="${await stylesheet(page)}"></head>
      <body><main><h1>Proef</h1><img src="/favicon.svg"><input type="text" name="q">
      <p style="color:#bbb;background:#fff">Lichtgrijze tekst ${token}</p></main></body></html>`);
    const failure = await expectAccessible(page).then(
      () => null,
      (error: Error) => error.message,
    );
    expect(failure).toContain("image-alt");
    expect(failure).toContain("label");
    expect(failure).toContain("color-contrast");
  });

  test("passes the home page as it is", async ({ page, expectAccessible }) => {
    await page.goto("/");
    await expectAccessible(page);
  });
});

/** The address of the site's own stylesheet, as the home page links it. */
async function stylesheet(page: Page): Promise<string> {
  const href = await page.locator('link[rel="stylesheet"]').first().getAttribute("href");
  if (!href) throw new Error("the home page links no stylesheet");
  return href;
}
