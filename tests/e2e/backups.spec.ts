import { expect, test } from "./support/fixtures";
import { signIn, submit } from "./support/signup";

/**
 * The staff page for backups, with JavaScript on and off: staff see the
 * state of the backups and make one now; the new backup is in the table and
 * in the audit log. Both projects share one server, so each looks for the
 * folder of its own backup.
 */
// axe runs three times; without JavaScript each scan loads the page again.
test.describe.configure({ timeout: 60_000 });

const STAFF = { email: "beheer@demo.viviumservices.nl", password: "Vivium-demo-2026", name: "Demo Medewerker" };

test("staff make a backup now and find it in the list, on a phone-sized screen too", async ({ page, expectAccessible }) => {
  await signIn(page, STAFF.email, STAFF.password);
  await expect(page).toHaveURL(/\/beheer$/);
  await page.getByRole("navigation", { name: "Beheer" }).getByRole("link", { name: "Back-ups" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Back-ups" })).toBeVisible();
  await expect(page.getByText("Elke dag om 03:30 (Nederlandse tijd)")).toBeVisible();
  await expectAccessible(page);

  // The other project may be making its backup at this very moment: then the page says so, and pressing again works.
  const made = page.getByRole("status").filter({ hasText: "De back-up is gemaakt" });
  await expect(async () => {
    await submit(page, "Nu een back-up maken");
    await expect(made).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  const folder = /vivium-[\dTZ-]+/.exec((await made.textContent()) ?? "")?.[0];
  expect(folder).toBeTruthy();
  await expect(made).toContainText(/\(\d+,\d (kB|MB)\)/);

  const row = page.getByRole("list", { name: "Recente back-ups" }).getByRole("listitem").filter({ hasText: folder! });
  await expect(row).toContainText("Geslaagd");
  await expect(row).toContainText(STAFF.name);
  // With a good backup made just now, neither warning shows.
  await expect(page.getByText("Er is nog geen geslaagde back-up")).toHaveCount(0);
  await expect(page.getByText("Let op: de laatste geslaagde back-up")).toHaveCount(0);
  await expectAccessible(page);

  // 390 px wide: the page does not scroll sideways; each run's lines wrap within it.
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expect(row).toBeVisible();
  await expectAccessible(page);

  await page.goto("/beheer/logboek");
  const entry = page.getByRole("row").filter({ hasText: folder! });
  await expect(entry).toContainText("Back-up gemaakt");
  await expect(entry).toContainText(STAFF.name);
});
