import { DEFAULT_CATEGORIES } from "../../db/seed/categories";
import { expect, test } from "./support/fixtures";

test.describe("home and categories", () => {
  test("a visitor sees the categories and opens one", async ({ page, expectAccessible }) => {
    await page.goto("/");
    await expect(page).toHaveTitle(/Vivium Services/);
    await expect(page.locator("html")).toHaveAttribute("lang", "nl");
    await expect(page.getByRole("heading", { level: 1, name: "Vertrouwde hulp bij u thuis" })).toBeVisible();
    const categories = page.getByRole("region", { name: "Waarmee kunnen wij u helpen?" }).getByRole("link");
    // Staff tests add categories of their own while this runs: every seeded one is there, in order,
    // from Administratie to Overige.
    await expect(categories.filter({ hasText: new RegExp(`^(${DEFAULT_CATEGORIES.map(escapeRegExp).join("|")})$`) })).toHaveText([...DEFAULT_CATEGORIES]);
    await expect(categories.first()).toHaveText("Administratie");
    await expectAccessible(page);

    await page.getByRole("link", { name: "Computerhulp" }).click();
    await expect(page).toHaveURL(/\/categorie\/computerhulp$/);
    await expect(page.getByRole("heading", { level: 1, name: "Computerhulp" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Kruimelpad" }).getByRole("link", { name: "Startpagina" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Annelies de Vries" })).toBeVisible();
    await expectAccessible(page);
  });

  test("the footer leads to the colophon, which credits the postcode data", async ({ page, expectAccessible }) => {
    await page.goto("/");
    await page.getByRole("contentinfo").getByRole("link", { name: "Over deze site" }).click();
    await expect(page).toHaveURL(/\/over-deze-site$/);
    await expect(page.getByRole("heading", { level: 1, name: "Over deze site" })).toBeVisible();
    await expect(page.getByText(/Peter Arends, MIT-licentie/)).toBeVisible();
    await expect(page.getByText(/Drikus Roor, MIT-licentie/)).toBeVisible();
    await expectAccessible(page);
  });

  test("an empty category says so plainly", async ({ page, expectAccessible }) => {
    await page.goto("/categorie/podoloog");
    await expect(page.getByText("Er zijn op dit moment nog geen dienstverleners in deze categorie.")).toBeVisible();
    await expectAccessible(page);
  });

  test("an unknown address shows a friendly Dutch page with status 404", async ({ page, expectAccessible }) => {
    const response = await page.goto("/dit-bestaat-niet");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Deze pagina bestaat niet" })).toBeVisible();
    await expect(page).toHaveTitle("Pagina niet gevonden — Vivium Services");
    await page.getByRole("link", { name: "Naar de startpagina" }).click();
    await expect(page).toHaveURL(/\/$/);
    const missingCategory = await page.goto("/categorie/bestaat-niet");
    expect(missingCategory?.status()).toBe(404);
    await expectAccessible(page);
  });

  test("the skip link moves keyboard users to the content", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Direct naar de inhoud" });
    await expect(skip).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/#inhoud$/);
  });

  test("text is large and targets are big enough for seniors", async ({ page }) => {
    await page.goto("/");
    const body = await page.evaluate(() => {
      const style = getComputedStyle(document.body);
      return { fontSize: parseFloat(style.fontSize), lineHeight: parseFloat(style.lineHeight) };
    });
    expect(body?.fontSize).toBeGreaterThanOrEqual(18);
    expect((body?.lineHeight ?? 0) / (body?.fontSize ?? 1)).toBeGreaterThanOrEqual(1.5);
    // Links inside running text are exempt (WCAG 2.5.8 "inline"); everything else is a target.
    const smallTargets = await page.evaluate(() =>
      [...document.querySelectorAll(".site-header a, .category-list a, .button, button, input, select")]
        .map((el) => ({ el: el.outerHTML.slice(0, 80), height: el.getBoundingClientRect().height }))
        .filter((target) => target.height < 44),
    );
    expect(smallTargets).toEqual([]);
  });

  test("the health check answers", async ({ request }) => {
    const response = await request.get("/healthz");
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "ok" });
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
