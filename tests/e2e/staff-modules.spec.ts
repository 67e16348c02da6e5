import { randomInt } from "node:crypto";
import fs from "node:fs/promises";
import type { Page } from "@playwright/test";
import { auditCells, auditRows, openAuditLog } from "./support/audit";
import { expect, test } from "./support/fixtures";
import { createLiveProvider } from "./support/providers";
import { chooseAtCheckout, signedInAtBetaling, startIdealPayment } from "./support/payment";
import { signIn, signOut, submit } from "./support/signup";
import { insertContactRequest } from "../support/contact-requests";
import { openServerDatabase } from "./support/video";

/**
 * The staff console's categories, member registry, packages and review
 * moderation, with JavaScript on and off; each journey ends in the audit log.
 * Every journey makes its own names, lidnummers and providers (tests run in
 * any order, side by side, on one server), and looks for those in the log.
 */
const STAFF = { email: "beheer@demo.viviumservices.nl", password: "Vivium-demo-2026", name: "Demo Medewerker" };

// Each journey visits several pages and runs axe on most of them.
test.describe.configure({ timeout: 60_000 });

async function signInAsStaff(page: Page) {
  await signIn(page, STAFF.email, STAFF.password);
  await expect(page).toHaveURL(/\/beheer$/);
}

/** Random letters: for names and lidnummers no other test uses. */
function uniqueTag(length = 6): string {
  return Array.from({ length }, () => String.fromCharCode(97 + randomInt(26))).join("");
}

test("staff import a member CSV with a bad line, see the report, import it again unchanged, deactivate and add a member, all in the audit log", async ({
  page,
  expectAccessible,
}, testInfo) => {
  // Four visits to the audit log on top of the import; without JavaScript that takes its time.
  test.setTimeout(120_000);
  await signInAsStaff(page);
  const digits = String(Date.now()).slice(-5);
  const prefix = uniqueTag(2).toUpperCase();
  const first = `${prefix}1${digits}`;
  const second = `${prefix}2${digits}`;
  const third = `${prefix}3${digits}`;
  const file = testInfo.outputPath("leden.csv");
  await fs.writeFile(file, `\uFEFFlidnummer;naam;actief\r\n${first};"Jansen, Els";ja\r\nkapot;Fout Nummer;ja\r\n${second};Bas Bakker;nee\r\n`);

  await page.goto("/beheer/leden");
  await expect(page.getByRole("heading", { level: 1, name: "Ledenregister" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("CSV-bestand met lidnummers").setInputFiles(file);
  await submit(page, "Bestand inlezen");

  const report = page.getByRole("region", { name: "Verslag van de import" });
  await expect(report).toContainText("Toegevoegd: 2");
  await expect(report).toContainText("Niet ingelezen (fout): 1");
  await expect(report).toContainText('Regel 3: "kapot" is geen geldig lidnummer');
  await expectAccessible(page);

  await page.getByLabel("CSV-bestand met lidnummers").setInputFiles(file);
  await submit(page, "Bestand inlezen");
  await expect(report).toContainText("Toegevoegd: 0");
  await expect(report).toContainText("Ongewijzigd: 2");

  await page.getByLabel("Lidnummer of naam").fill("Jansen, Els");
  await submit(page, "Zoeken");
  const row = page.getByRole("row", { name: new RegExp(first) });
  await expect(row).toContainText("Actief");
  await row.getByRole("button", { name: `Niet meer actief (${first})` }).click();
  await expect(page.getByRole("status").filter({ hasText: "niet meer actief" })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(first) })).toContainText("Niet actief");

  // A typing mistake comes back with what was typed and says what to fix.
  await page.getByLabel("Lidnummer", { exact: true }).fill("12");
  await page.getByLabel("Naam (niet verplicht)").fill("Kees Kort");
  await submit(page, "Lidnummer toevoegen");
  await expect(page.getByRole("alert")).toContainText("Lidnummer — Een lidnummer heeft 6 tot 10 letters en cijfers");
  await expect(page.getByLabel("Naam (niet verplicht)")).toHaveValue("Kees Kort");
  await expectAccessible(page);
  await page.getByLabel("Lidnummer", { exact: true }).fill(third);
  await submit(page, "Lidnummer toevoegen");
  await expect(page.getByRole("status").filter({ hasText: "Het lidnummer is toegevoegd." })).toBeVisible();

  // One entry per lidnummer the file added; none for the bad line, none for the second, unchanged import.
  await openAuditLog(page, { action: "Lid geïmporteerd" });
  await expectAccessible(page);
  const importedFirst = auditRows(page, { action: "Lid geïmporteerd", mentions: first });
  await expect(importedFirst).toHaveCount(1);
  await expect(auditCells(importedFirst).who).toHaveText(STAFF.name);
  await expect(auditCells(importedFirst).record).toHaveText(/^Lid \d+$/);
  await expect(auditCells(importedFirst).new).toContainText(`Lidnummer: ${first}`);
  await expect(auditCells(importedFirst).new).toContainText("Naam: Jansen, Els");
  await expect(auditCells(importedFirst).new).toContainText("Actief: ja");
  const importedSecond = auditRows(page, { action: "Lid geïmporteerd", mentions: second });
  await expect(importedSecond).toHaveCount(1);
  await expect(auditCells(importedSecond).new).toContainText("Naam: Bas Bakker");
  await expect(auditRows(page, { mentions: "Fout Nummer" })).toHaveCount(0);

  // The file itself is one entry more: a summary in words, not the stored report's JSON.
  await openAuditLog(page, { action: "Ledenbestand geïmporteerd" });
  const fileRow = auditRows(page, { action: "Ledenbestand geïmporteerd", mentions: first });
  await expect(fileRow).toHaveCount(1);
  await expect(auditCells(fileRow).who).toHaveText(STAFF.name);
  await expect(auditCells(fileRow).new).toContainText("Bestand: leden.csv");
  await expect(auditCells(fileRow).new).toContainText("Resultaat: 2 toegevoegd, 0 bijgewerkt, 0 ongewijzigd, 1 ongeldige regel");
  await expect(auditCells(fileRow).new).toContainText(`Toegevoegd: ${first} (regel 2), ${second} (regel 4)`);
  await expect(auditCells(fileRow).new).toContainText('Ongeldige regels: regel 3: "kapot" is geen geldig lidnummer');
  await expect(auditCells(fileRow).new).not.toContainText("{");

  await openAuditLog(page, { action: "Lid gedeactiveerd" });
  const deactivated = auditRows(page, { action: "Lid gedeactiveerd", mentions: first });
  await expect(deactivated).toHaveCount(1);
  await expect(auditCells(deactivated).who).toHaveText(STAFF.name);
  await expect(auditCells(deactivated).old).toContainText("Actief: ja");
  await expect(auditCells(deactivated).new).toContainText("Actief: nee");

  await openAuditLog(page, { action: "Lid toegevoegd" });
  const added = auditRows(page, { action: "Lid toegevoegd", mentions: third });
  await expect(added).toHaveCount(1);
  await expect(auditCells(added).who).toHaveText(STAFF.name);
  await expect(auditCells(added).new).toContainText("Naam: Kees Kort");
});

test("staff add, rename, move and retire a category; the old address redirects to the new one; all in the audit log", async ({ page, expectAccessible }) => {
  // The list has a rename form per category; axe takes its time over it.
  test.setTimeout(120_000);
  await signInAsStaff(page);
  const tag = uniqueTag();
  const name = `Proef ${tag}`;
  const renamed = `Proefnieuw ${tag}`;

  await page.goto("/beheer/categorieen");
  await expect(page.getByRole("heading", { level: 1, name: "Categorieën" })).toBeVisible();

  await submit(page, "Categorie toevoegen");
  await expect(page.getByRole("alert")).toContainText("Naam van de nieuwe categorie — Vul de naam van de categorie in");
  await expectAccessible(page);
  await page.getByLabel("Naam van de nieuwe categorie").fill(name);
  await submit(page, "Categorie toevoegen");
  await expect(page.getByRole("status").filter({ hasText: "De categorie is toegevoegd" })).toBeVisible();
  const item = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: new RegExp(name) }) });
  await expect(item.getByRole("link", { name: `/categorie/proef-${tag}` })).toBeVisible();
  const record = `Categorie ${(await item.getAttribute("id"))?.replace("categorie-", "")}`;
  expect(record).toMatch(/^Categorie \d+$/);

  await page.getByLabel(`Nieuwe naam voor ${name}`).fill(renamed);
  await submit(page, `Naam wijzigen (${name})`);
  await expect(page.getByRole("status").filter({ hasText: "De naam is gewijzigd" })).toBeVisible();
  await expect(page.getByRole("link", { name: `/categorie/proefnieuw-${tag}` })).toBeVisible();
  await expectAccessible(page);

  await page.goto(`/categorie/proef-${tag}`);
  await expect(page).toHaveURL(new RegExp(`/categorie/proefnieuw-${tag}$`));
  await expect(page.getByRole("heading", { level: 1, name: renamed })).toBeVisible();
  await expectAccessible(page);

  // One place up: a swap with the neighbour above, so the standard categories keep their order among themselves.
  await page.goto("/beheer/categorieen");
  await submit(page, `Omhoog (${renamed})`);
  await expect(page.getByRole("status").filter({ hasText: "De volgorde is gewijzigd." })).toBeVisible();

  // Retired: no longer on the home page.
  await submit(page, `Stoppen met aanbieden (${renamed})`);
  await expect(page.getByRole("status").filter({ hasText: "wordt niet meer aangeboden" })).toBeVisible();
  await page.goto("/");
  await expect(page.getByRole("link", { name: new RegExp(renamed) })).toHaveCount(0);

  // Each change is in the audit log, with this category as the record and its old and new values.
  await openAuditLog(page, { action: "Categorie toegevoegd" });
  await expectAccessible(page);
  const addedRow = auditRows(page, { action: "Categorie toegevoegd", record });
  await expect(addedRow).toHaveCount(1);
  await expect(auditCells(addedRow).who).toHaveText(STAFF.name);
  await expect(auditCells(addedRow).new).toContainText(`Naam: ${name}`);
  await expect(auditCells(addedRow).new).toContainText(`Webadres: proef-${tag}`);

  await openAuditLog(page, { action: "Categorie hernoemd" });
  const renamedRow = auditRows(page, { action: "Categorie hernoemd", record });
  await expect(renamedRow).toHaveCount(1);
  await expect(auditCells(renamedRow).old).toContainText(`Naam: ${name}`);
  await expect(auditCells(renamedRow).old).toContainText(`Webadres: proef-${tag}`);
  await expect(auditCells(renamedRow).new).toContainText(`Naam: ${renamed}`);
  await expect(auditCells(renamedRow).new).toContainText(`Webadres: proefnieuw-${tag}`);

  await openAuditLog(page, { action: "Categorie omhoog verplaatst" });
  const movedRow = auditRows(page, { action: "Categorie omhoog verplaatst", record });
  await expect(movedRow).toHaveCount(1);
  await expect(auditCells(movedRow).who).toHaveText(STAFF.name);
  await expect(auditCells(movedRow).old).toHaveText(/^Plaats in de lijst: \d+$/);
  const from = Number((await auditCells(movedRow).old.textContent())?.replace(/\D/g, ""));
  await expect(auditCells(movedRow).new).toHaveText(`Plaats in de lijst: ${from - 1}`);

  await openAuditLog(page, { action: "Categorie uitgefaseerd" });
  const retiredRow = auditRows(page, { action: "Categorie uitgefaseerd", record });
  await expect(retiredRow).toHaveCount(1);
  await expect(auditCells(retiredRow).who).toHaveText(STAFF.name);
  await expect(auditCells(retiredRow).new).toContainText(`Naam: ${renamed}`);
  await expect(auditCells(retiredRow).old).toContainText("Uitgefaseerd op: (leeg)");
  await expect(auditCells(retiredRow).new).toContainText(/Uitgefaseerd op: \d{1,2} [a-z]+ \d{4} om \d{2}:\d{2}/);
});

test("staff change a category's zoekwoorden: a bad word comes back as typed; saved, search finds the category's providers by the new word at once; in the audit log", async ({
  page,
  expectAccessible,
  noJs,
}) => {
  // The list has forms for every category; axe takes its time over it, at three widths.
  test.setTimeout(120_000);
  const tag = uniqueTag();
  const name = `Zoekproef ${tag}`;
  // Its own random letters: the category's name puts the tag in the index, and search finds
  // a compound by a known tail ("persoonsalarmering"), so `zwierbolk${tag}` would match at once.
  const word = `zwierbolk${uniqueTag()}`;
  await signInAsStaff(page);
  await page.goto("/beheer/categorieen");
  await page.getByLabel("Naam van de nieuwe categorie").fill(name);
  await submit(page, "Categorie toevoegen");
  await expect(page.getByRole("status").filter({ hasText: "De categorie is toegevoegd" })).toBeVisible();
  const item = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: new RegExp(name) }) });
  const categoryId = (await item.getAttribute("id"))?.replace("categorie-", "");
  expect(categoryId).toMatch(/^\d+$/);
  await expect(item).toContainText(`Zoekwoorden: nog geen. Zoeken vindt ${name} alleen op de naam.`);

  // A live provider in the new category, whom nobody finds by the new word yet.
  const provider = await createLiveProvider({ firstName: "Gonny", lastName: "Zoekproef", place: "Utrecht", categories: ["Thuiskeepers"], coverage: { mode: "radius", radiusKm: 10 } });
  const database = openServerDatabase();
  try {
    await database.db.insertInto("provider_categories").values({ provider_id: provider.id, category_id: Number(categoryId) }).execute();
  } finally {
    await database.close();
  }
  const card = page.getByRole("article").filter({ has: page.getByRole("heading", { name: provider.name }) });
  await page.goto(`/zoeken?wat=${word}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(card).toHaveCount(0);

  // A semicolon between two words: refused, the form stays open with what was typed.
  await page.goto(`/beheer/categorieen#categorie-${categoryId}`);
  const field = page.getByLabel(`Zoekwoorden voor ${name}`);
  await item.getByText(`Zoekwoorden wijzigen`).click();
  await expect(field).toBeVisible();
  await expect(field).toHaveValue("");
  const typed = `${word}; krul knipper`;
  await field.fill(typed);
  await submit(page, `Zoekwoorden opslaan (${name})`);
  const summary = page.getByRole("alert");
  await expect(summary).toContainText(`Zoekwoorden voor ${name} — Het zoekwoord "${typed}" heeft een teken dat niet kan (zoals ";")`);
  await expect(field).toBeVisible();
  await expect(field).toHaveValue(typed);
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(`#keywords-${categoryId}-error`)).toContainText("zet een komma tussen twee zoekwoorden");
  await expectAccessible(page);
  // With JavaScript the summary's link puts the cursor in the field; without, it jumps there.
  await summary.getByRole("link", { name: new RegExp(`^Zoekwoorden voor ${name}`) }).click();
  if (!noJs) await expect(field).toBeFocused();

  // With commas and a line of its own, repeats and extra spaces: saved as a tidy list.
  await field.fill(`  ${word.toUpperCase()} , ${word}\nkrul   knipper ${tag}\n`);
  await submit(page, `Zoekwoorden opslaan (${name})`);
  await expect(page.getByRole("status").filter({ hasText: "De zoekwoorden zijn opgeslagen." })).toBeVisible();
  const list = item.getByRole("list", { name: "Zoekwoorden (2):" });
  await expect(list.getByRole("listitem")).toHaveText([word.toUpperCase(), `krul knipper ${tag}`]);
  await item.getByText(`Zoekwoorden wijzigen`).click();
  await expect(field).toHaveValue(`${word.toUpperCase()}, krul knipper ${tag}`);
  await expectAccessible(page);

  await page.goto(`/zoeken?wat=${word}`);
  await expect(card).toBeVisible();

  await openAuditLog(page, { action: "Zoekwoorden van categorie gewijzigd" });
  const changed = auditRows(page, { action: "Zoekwoorden van categorie gewijzigd", record: `Categorie ${categoryId}` });
  await expect(changed).toHaveCount(1);
  await expect(auditCells(changed).who).toHaveText(STAFF.name);
  await expect(auditCells(changed).old).toContainText("Zoekwoorden: (leeg)");
  await expect(auditCells(changed).new).toContainText(`Zoekwoorden: ${word.toUpperCase()}, krul knipper ${tag}`);
  await expect(auditCells(changed).new).toContainText(`Naam: ${name}`);
});

test.describe("packages", () => {
  // The provider fills in all six signup steps and pays the € 10 first.
  test.describe.configure({ timeout: 120_000 });

  test("staff assign a Pluspakket to a new provider who paid the € 10: a payment of € 290, in the audit log", async ({ page, expectAccessible }) => {
    const { lastName } = await signedInAtBetaling(page, "Bert");
    await startIdealPayment(page);
    await chooseAtCheckout(page, "Betaald");
    await expect(page).toHaveURL(/\/aanmelden\/voltooiing$/);
    await signOut(page);

    await signInAsStaff(page);
    await page.goto("/beheer/pakketten");
    await expect(page.getByRole("heading", { level: 1, name: "Pakketten" })).toBeVisible();
    await expectAccessible(page);

    const option = page.locator("#providerId option").filter({ hasText: `Bert ${lastName}` });
    const value = await option.getAttribute("value");
    await page.getByLabel("Dienstverlener", { exact: true }).selectOption(value ?? "");
    await page.getByLabel("Fee-pakket: vanaf € 500,00 per jaar").check();
    await page.getByLabel("Prijs per jaar (alleen bij het Fee-pakket)").fill("400");
    await submit(page, "Pakket toewijzen");
    await expect(page.getByRole("alert")).toContainText("Het Fee-pakket kost minstens € 500,00 per jaar");
    await expect(page.getByLabel("Dienstverlener", { exact: true })).toHaveValue(value ?? "");
    await expectAccessible(page);

    await page.getByLabel("Pluspakket: € 300,00 per jaar").check();
    await page.getByLabel("Prijs per jaar (alleen bij het Fee-pakket)").fill("");
    await submit(page, "Pakket toewijzen");
    const notice = page.getByRole("status").filter({ hasText: "Pluspakket toegewezen" });
    await expect(notice).toContainText(`Bert ${lastName}`);
    await expect(notice).toContainText("Te betalen: € 290,00 (€ 300,00 min € 10,00 administratiekosten");
    const open = page.getByRole("row", { name: new RegExp(`Bert ${lastName}`) });
    await expect(open).toContainText("€ 290,00");
    await expectAccessible(page);

    await open.getByRole("button", { name: `Herinnering sturen aan Bert ${lastName}` }).click();
    await expect(page.getByRole("status").filter({ hasText: "betalingsherinnering" })).toBeVisible();

    // Both in the audit log, filtered to this provider; the refused Fee-pakket is not.
    await openAuditLog(page, { providerId: value ?? "" });
    await expect(page.getByText(`Alleen acties voor Bert ${lastName}`)).toBeVisible();
    await expectAccessible(page);
    const record = new RegExp(`^Pakket \\d+ — Bert ${lastName}$`);
    const assigned = auditRows(page, { action: "Pakket toegekend", record });
    await expect(assigned).toHaveCount(1);
    await expect(auditCells(assigned).who).toHaveText(STAFF.name);
    await expect(auditCells(assigned).new).toContainText("Pakket: Pluspakket");
    await expect(auditCells(assigned).new).toContainText("Prijs: € 300,00");
    await expect(auditCells(assigned).new).toContainText("Te betalen: € 290,00");
    await expect(auditCells(assigned).new).toContainText(/Loopt van: \d{1,2} [a-z]+ \d{4}/);
    await expect(auditCells(assigned).new).not.toContainText("€ 400,00");
    await expect(auditCells(assigned).new).not.toContainText("_");
    const reminded = auditRows(page, { action: "Betaalherinnering verstuurd", record });
    await expect(reminded).toHaveCount(1);
    await expect(auditCells(reminded).new).toContainText("Te betalen: € 290,00");
    await expect(page.getByRole("table", { name: "Logboek" }).getByRole("row")).toHaveCount(3);
  });
});

test("staff hide a review: it leaves the provider's profile; shown again, it is back; both in the audit log", async ({ page, expectAccessible }) => {
  test.setTimeout(90_000);
  const tag = uniqueTag();
  const text = `Niet netjes geschreven ${tag}`;
  const database = openServerDatabase();
  let slug: string;
  let providerId: number;
  let reviewId: number;
  try {
    const provider = await createLiveProvider({ firstName: "Joke", lastName: "Meijer", place: "Maastricht", categories: ["Thuiskeepers"], coverage: { mode: "radius", radiusKm: 10 } });
    slug = provider.slug;
    providerId = provider.id;
    const row = await database.db
      .insertInto("reviews")
      .values({ provider_id: provider.id, rating: 1, body: text, display_name: "Anoniem", created_at: new Date().toISOString() })
      .returning("id")
      .executeTakeFirstOrThrow();
    reviewId = row.id;
  } finally {
    await database.close();
  }

  await page.goto(`/dienstverlener/${slug}`);
  await expect(page.getByText(text)).toBeVisible();

  await signInAsStaff(page);
  await page.goto("/beheer/beoordelingen?toon=zichtbaar");
  await expect(page.getByRole("heading", { level: 1, name: "Beoordelingen" })).toBeVisible();
  await expectAccessible(page);
  const item = page.locator(`#beoordeling-${reviewId}`);
  await item.getByRole("button", { name: /Verbergen/ }).click();
  await expect(page.getByRole("alert")).toContainText("Schrijf waarom deze beoordeling verborgen wordt");
  await expectAccessible(page);
  await page.getByLabel(`Waarom verbergen? (beoordeling ${reviewId})`).fill("Beledigend, op verzoek van de dienstverlener");
  await page.locator(`#beoordeling-${reviewId}`).getByRole("button", { name: /Verbergen/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "De beoordeling is verborgen" })).toBeVisible();

  await page.goto("/beheer/beoordelingen?toon=verborgen");
  await expect(page.locator(`#beoordeling-${reviewId}`)).toContainText("Reden: Beledigend, op verzoek van de dienstverlener");

  await page.goto(`/dienstverlener/${slug}`);
  await expect(page.getByText(text)).toHaveCount(0);

  const showReason = `Na overleg toch getoond ${tag}`;
  await page.goto("/beheer/beoordelingen?toon=verborgen");
  await page.getByLabel(`Waarom weer tonen? (beoordeling ${reviewId})`).fill(showReason);
  await page.locator(`#beoordeling-${reviewId}`).getByRole("button", { name: /Weer tonen/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "De beoordeling staat weer op het profiel." })).toBeVisible();
  await page.goto(`/dienstverlener/${slug}`);
  await expect(page.getByText(text)).toBeVisible();

  await openAuditLog(page, { providerId });
  await expectAccessible(page);
  const record = new RegExp(`^Beoordeling ${reviewId} — `);
  const hiddenRow = auditRows(page, { action: "Beoordeling verborgen", record });
  await expect(hiddenRow).toHaveCount(1);
  await expect(auditCells(hiddenRow).who).toHaveText(STAFF.name);
  await expect(auditCells(hiddenRow).new).toContainText("Reden voor verbergen: Beledigend, op verzoek van de dienstverlener");
  const shownRow = auditRows(page, { action: "Beoordeling weer zichtbaar", record });
  await expect(shownRow).toHaveCount(1);
  await expect(auditCells(shownRow).who).toHaveText(STAFF.name);
  await expect(auditCells(shownRow).old).toContainText("Reden voor verbergen: Beledigend, op verzoek van de dienstverlener");
  await expect(auditCells(shownRow).new).toContainText("Reden voor verbergen: (leeg)");
  await expect(auditCells(shownRow).new).toContainText(`Reden voor weer tonen: ${showReason}`);
});

test("staff note a call on an overdue request and move a video tool report on", async ({ page, expectAccessible }) => {
  const tag = uniqueTag();
  const customerName = `Klant ${tag}`;
  const description = `Camera blijft zwart ${tag}`;
  const database = openServerDatabase();
  let requestId: number;
  let reportId: number;
  try {
    const provider = await createLiveProvider({ firstName: "Kees", lastName: "Bakker", place: "Zwolle", categories: ["Administratie"], coverage: { mode: "nationwide" } });
    const day = 86_400_000;
    requestId = await insertContactRequest(database.db, {
      providerId: provider.id,
      customerName,
      createdAt: new Date(Date.now() - 5 * day),
      deadlineAt: new Date(Date.now() - 3 * day),
    });
    const now = new Date().toISOString();
    const report = await database.db
      .insertInto("video_tool_reports")
      .values({ provider_id: provider.id, description, user_agent: "Testbrowser 1.0", client_details: null, created_at: now, updated_at: now })
      .returning("id")
      .executeTakeFirstOrThrow();
    reportId = report.id;
  } finally {
    await database.close();
  }

  await signInAsStaff(page);
  await page.goto("/beheer/te-laat");
  await expect(page.getByRole("heading", { level: 1, name: "Te late aanvragen" })).toBeVisible();
  const request = page.locator(`#aanvraag-${requestId}`);
  await expect(request).toContainText(customerName);
  await expect(request.getByRole("link", { name: "06 12 34 56 78" })).toHaveAttribute("href", "tel:+31612345678");
  await expectAccessible(page);
  await page.getByLabel(`Gebeld: notitie bij aanvraag ${requestId}`).fill("Dienstverlener gesproken, belt de klant vandaag.");
  await submit(page, `Gebeld, notitie opslaan bij aanvraag ${requestId}`);
  await expect(page.getByRole("status").filter({ hasText: "Uw notitie is opgeslagen" })).toBeVisible();
  await expect(page.locator(`#aanvraag-${requestId}`)).toContainText("Dienstverlener gesproken, belt de klant vandaag.");

  await page.goto("/beheer/videomeldingen");
  const report = page.locator(`#melding-${reportId}`);
  await expect(report).toContainText(description);
  await expect(report).toContainText("Testbrowser 1.0");
  await expect(report).toContainText("Nieuw");
  await expectAccessible(page);
  await submit(page, `Zet op opgepakt (melding ${reportId})`);
  await expect(page.locator(`#melding-${reportId}`)).toContainText("Opgepakt");
  await submit(page, `Zet op opgelost (melding ${reportId})`);
  await expect(page.locator(`#melding-${reportId}`)).toContainText("Opgelost");
});
