import { randomInt } from "node:crypto";
import type { Page } from "@playwright/test";
import { auditCells, auditRows, openAuditLog } from "./support/audit";
import { expect, test } from "./support/fixtures";
import { signIn, submit } from "./support/signup";

/**
 * "Help mij zoeken", with JavaScript on and off: a customer who found nobody
 * asks the office for help, and staff see the request in /beheer, call and
 * mark it handled. Each test makes its own customer name (tests run side by
 * side on one server) and looks for that.
 */
const STAFF = { email: "beheer@demo.viviumservices.nl", password: "Vivium-demo-2026", name: "Demo Medewerker" };

function uniqueName(): string {
  const tag = Array.from({ length: 6 }, () => String.fromCharCode(97 + randomInt(26))).join("");
  return `Truus ${tag[0]!.toUpperCase()}${tag.slice(1)}`;
}

async function sendSearchHelp(page: Page, values: { name: string; phone: string; what: string; place: string }) {
  await page.goto("/hulp-bij-zoeken");
  await page.getByLabel("Naam", { exact: true }).fill(values.name);
  await page.getByLabel("Telefoonnummer", { exact: true }).fill(values.phone);
  await page.getByLabel("Waar zoekt u hulp bij?").fill(values.what);
  await page.getByLabel("In welke plaats?").fill(values.place);
  await submit(page, "Bel mij terug");
  await expect(page.getByRole("heading", { level: 1, name: "Uw vraag is verstuurd" })).toBeVisible();
}

test("a customer who found nobody asks the office for help; empty fields are named in the summary and nothing typed is lost", async ({
  page,
  expectAccessible,
  noJs,
}) => {
  await page.goto("/hulp-bij-zoeken?wat=thuiskapper&waar=Woerden");
  await expect(page).toHaveTitle("Hulp bij het zoeken — Vivium Services");
  await expect(page.getByRole("heading", { level: 1, name: "Hulp bij het zoeken" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "030 123 45 67" }).first()).toHaveAttribute("href", "tel:+31301234567");
  // What the search page hands over is filled in already.
  await expect(page.getByLabel("Waar zoekt u hulp bij?")).toHaveValue("thuiskapper");
  await expect(page.getByLabel("In welke plaats?")).toHaveValue("Woerden");
  await expectAccessible(page);

  const name = uniqueName();
  await page.getByLabel("Naam", { exact: true }).fill(name);
  await page.getByLabel("Waar zoekt u hulp bij?").fill("");
  const response = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/hulp-bij-zoeken"));
  await submit(page, "Bel mij terug");
  expect((await response).status()).toBe(400);

  const summary = page.getByRole("alert");
  await expect(summary.getByRole("heading", { name: "Er zijn 2 dingen om aan te passen" })).toBeVisible();
  await expect(summary.getByRole("link", { name: /^Telefoonnummer — / })).toContainText("Vul uw telefoonnummer in. Dan kunnen wij u terugbellen");
  await expect(summary.getByRole("link", { name: /^Waar zoekt u hulp bij\? — / })).toContainText("Vul in waar u hulp bij zoekt");
  await expect(page.locator(".field__error").filter({ hasText: "Vul uw telefoonnummer in" })).toBeVisible();
  await expect(page.getByLabel("Naam", { exact: true })).toHaveValue(name);
  await expect(page.getByLabel("In welke plaats?")).toHaveValue("Woerden");
  await expectAccessible(page);

  // The summary's link leads to the field; following it loses nothing typed.
  await summary.getByRole("link", { name: /^Telefoonnummer — / }).click();
  if (noJs) await expect(page).toHaveURL(/#phone$/);
  else await expect(page.getByLabel("Telefoonnummer", { exact: true })).toBeFocused();
  await expect(page.getByLabel("Naam", { exact: true })).toHaveValue(name);

  await page.getByLabel("Telefoonnummer", { exact: true }).fill("06 12345678");
  await page.getByLabel("Waar zoekt u hulp bij?").fill("Iemand die mijn haar thuis knipt");
  await submit(page, "Bel mij terug");
  await expect(page).toHaveURL(/\/hulp-bij-zoeken\/verzonden$/);
  await expect(page.getByRole("heading", { level: 1, name: "Uw vraag is verstuurd" })).toBeVisible();
  await expect(page.getByText("We bellen u zo snel mogelijk terug, op werkdagen.")).toBeVisible();
  await expectAccessible(page);

  // Reloading the confirmation sends nothing again (post/redirect/get).
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Uw vraag is verstuurd" })).toBeVisible();
});

test("staff see the request on the dashboard and in Hulpvragen, mark it handled, and the audit log says who", async ({ page, expectAccessible }) => {
  const name = uniqueName();
  await sendSearchHelp(page, { name, phone: "0348-412345", what: "Hulp in de tuin, eens per maand", place: "Woerden" });

  await signIn(page, STAFF.email, STAFF.password);
  await expect(page).toHaveURL(/\/beheer$/);
  const count = page.getByRole("link", { name: /^(1 hulpvraag van een klant wacht|[\d.]+ hulpvragen van klanten wachten) op een belletje$/ });
  await expect(count).toHaveAttribute("href", "/beheer/hulpvragen");
  await expect(count.locator(".count")).not.toHaveText("0");
  await Promise.all([page.waitForLoadState("load"), page.getByRole("navigation").getByRole("link", { name: "Hulpvragen" }).click()]);
  await expect(page).toHaveURL(/\/beheer\/hulpvragen$/);
  await expect(page).toHaveTitle("Hulpvragen — Beheer — Vivium Services");
  await expect(page.getByRole("heading", { level: 1, name: "Hulpvragen" })).toBeVisible();

  const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { level: 2, name, exact: true }) });
  await expect(card).toHaveCount(1);
  await expect(card.getByRole("link", { name: "0348 41 23 45" })).toHaveAttribute("href", "tel:+31348412345");
  await expect(card).toContainText("Hulp in de tuin, eens per maand");
  await expect(card).toContainText("Woerden");
  await expect(card.locator("time")).toHaveText(/^\w+ \d{1,2} \w+ \d{4} om \d{2}:\d{2}$/);
  await expectAccessible(page);

  await submit(page, `Afgehandeld (hulpvraag van ${name})`);
  await expect(page).toHaveURL(/\/beheer\/hulpvragen\?afgehandeld=\d+$/);
  await expect(page.getByRole("status").filter({ hasText: `De hulpvraag van ${name} is afgehandeld door ${STAFF.name}` })).toBeVisible();
  await expect(card).toHaveCount(0);
  await expectAccessible(page);

  await openAuditLog(page, { action: "Hulpvraag afgehandeld" });
  const entry = auditRows(page, { action: "Hulpvraag afgehandeld", mentions: name });
  await expect(entry).toHaveCount(1);
  await expect(auditCells(entry).who).toHaveText(STAFF.name);
  await expect(auditCells(entry).record).toHaveText(/^Hulpvraag \d+$/);
  await expect(auditCells(entry).old).toContainText("Afgehandeld op: (leeg)");
  await expect(auditCells(entry).new).toContainText(/Afgehandeld op: \d{1,2} \w+ \d{4}/);
});
