import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";

/**
 * The accessibility check itself: it must fail where a page breaks WCAG, or
 * every green axe step in the journeys would mean nothing.
 */
test.describe("the axe check of every journey", () => {
  test("fails on an image without text, a field without a label and text too faint to read", async ({ page, expectAccessible }) => {
    const failure = await failureOn(page, expectAccessible, (token) => `<h1>Proef</h1><img src="/favicon.svg"><input type="text" name="q">
      <p style="color:#bbb;background:#fff">Lichtgrijze tekst ${token}</p>`);
    expect(failure).toContain("image-alt");
    expect(failure).toContain("label");
    expect(failure).toContain("color-contrast");
  });

  test("fails on a page wider than a phone and on a scroll box a keyboard cannot reach, whether or not it overflows now", async ({ page, expectAccessible }) => {
    const failure = await failureOn(page, expectAccessible, (token) => `<h1>Breed</h1><p>${token}</p><pre class="proef-breed">${"Een regel die niet mag afbreken. ".repeat(4)}</pre>
      <div style="overflow-x: auto"><table><caption>Kort</caption><tr><th scope="col">Eén kolom</th></tr></table></div>`);
    expect(failure).toContain("page-scrolls-sideways-390");
    expect(failure).toContain("page-scrolls-sideways-320");
    expect(failure).toContain("proef-breed");
    expect(failure).toContain("scroll-box-keyboard");
  });

  test("passes the home page as it is", async ({ page, expectAccessible }) => {
    await page.goto("/");
    await expectAccessible(page);
  });
});

/**
 * The check's message for a page of our own making (with the site's stylesheet), or null if it passed.
 * The check scans a copy of the markup in a page without the site's CSP, so inline styles count there.
 * A token makes each page a state the check has not seen before.
 */
async function failureOn(page: Page, expectAccessible: (page: Page) => Promise<void>, main: (token: string) => string): Promise<string | null> {
  await page.goto("/");
  const token = `${Date.now()}-${Math.random()}`;
  await page.setContent(`<!doctype html><html lang="nl"><head><title>Proef ${token}</title><link rel="stylesheet" href="${await stylesheet(page)}"></head>
    <body><main>${main(token)}</main></body></html>`);
  return expectAccessible(page).then(
    () => null,
    (error: Error) => error.message,
  );
}

/** The address of the site's own stylesheet, as the home page links it. */
async function stylesheet(page: Page): Promise<string> {
  const href = await page.locator('link[rel="stylesheet"]').first().getAttribute("href");
  if (!href) throw new Error("the home page links no stylesheet");
  return href;
}
