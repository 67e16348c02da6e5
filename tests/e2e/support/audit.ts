import { expect, type Locator, type Page } from "@playwright/test";

/**
 * The audit log at /beheer/logboek, narrowed with its own filter form (a GET
 * form, so the same with and without JavaScript). `action` is an option of
 * the "Actie" list, by its label or, for an action without a Dutch label, by
 * its key; `providerId` is the provider's number.
 */
export async function openAuditLog(page: Page, filter: { action?: string; providerId?: number | string }) {
  await page.goto("/beheer/logboek");
  await expect(page.getByRole("heading", { level: 1, name: "Logboek" })).toBeVisible();
  if (filter.action !== undefined) await page.getByLabel("Actie", { exact: true }).selectOption(filter.action);
  if (filter.providerId !== undefined) await page.getByLabel("Nummer van de dienstverlener").fill(String(filter.providerId));
  await page.getByRole("button", { name: "Filteren" }).click();
  if (filter.providerId !== undefined) await expect(page).toHaveURL(new RegExp(`[?&]dienstverlener=${filter.providerId}(&|$)`));
  if (filter.action !== undefined) await expect(page).toHaveURL(/[?&]actie=[a-z_]+\.[a-z_]+(&|$)/);
}

/**
 * The log's rows: with `action`, those whose "Wat" cell is exactly that
 * (its Dutch label); with `record`, those whose "Waarop" cell is exactly
 * that string or matches that expression; with `mentions`, those that show
 * this text anywhere (e.g. a lidnummer among the old or new values).
 */
export function auditRows(page: Page, which: { action?: string; record?: string | RegExp; mentions?: string | RegExp }): Locator {
  let rows = page.getByRole("table", { name: "Logboek" }).getByRole("row");
  if (which.action !== undefined) rows = rows.filter({ has: page.getByRole("cell", { name: which.action, exact: true }) });
  if (which.record !== undefined) rows = rows.filter({ has: page.getByRole("cell", { name: which.record, exact: typeof which.record === "string" }) });
  if (which.mentions !== undefined) rows = rows.filter({ hasText: which.mentions });
  return rows;
}

/** One row's cells by their column: Wanneer, Wie, Wat, Waarop, Oud, Nieuw. */
export function auditCells(row: Locator) {
  const cell = (index: number) => row.getByRole("cell").nth(index);
  return { when: cell(0), who: cell(1), what: cell(2), record: cell(3), old: cell(4), new: cell(5) };
}
