import fs from "node:fs/promises";
import type { Page } from "@playwright/test";
import sharp from "sharp";
import { expect, test } from "./support/fixtures";
import { portraitJpeg, PORTRAIT_WIDTH, pricePdf, smallPng, textRenamedAsJpeg } from "./support/files";
import {
  addPlace,
  checkDayparts,
  fillAanmelding,
  fillBedrijf,
  fillBeschikbaarheid,
  fillDiensten,
  fillPersoonlijk,
  fillProfiel,
  fillServiceLine,
  INTRO_TEXT,
  newPlaceField,
  photoInput,
  placeList,
  PLACES_OPTION,
  priceListInput,
  PROFILE_TEXT,
  RADIUS_OPTION,
  radiusField,
  serviceLine,
  submit,
  uniqueEmail,
} from "./support/signup";

const NOT_AN_IMAGE = "Dit bestand is geen foto in PNG- of JPG-formaat.";
const NOT_A_PDF = "Dit bestand is geen PDF.";
const PHOTO_VARIANTS = ["160.webp", "160.jpg", "480.webp", "480.jpg", "960.webp", "960.jpg", "original.jpg"];

function introField(page: Page) {
  return page.getByLabel("Introductietekst", { exact: true });
}

function profileField(page: Page) {
  return page.getByLabel("Uitgebreide profieltekst", { exact: true });
}

function priceField(page: Page, index: number) {
  return serviceLine(page, index).getByLabel("en deze kost");
}

/** Opens a finished step from the progress list. */
async function openStep(page: Page, name: RegExp, url: RegExp) {
  await page.getByRole("navigation", { name: "Stappen van de aanmelding" }).getByRole("link", { name }).click();
  await expect(page).toHaveURL(url);
}

/**
 * Presses a submit button and returns the answer to the POST: the page
 * itself without JavaScript, Remix's `.data` request with it.
 */
async function submitForStatus(page: Page, path: string, button: string | RegExp) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.replace(/\.data$/, "") === path),
    submit(page, button),
  ]);
  return response;
}

type CropFields = { left: number; top: number; width: number; height: number };

async function postedCrop(page: Page): Promise<CropFields> {
  const read = async (name: string) => Number(await page.locator(`input[type=hidden][name=${name}]`).inputValue());
  return { left: await read("cropLeft"), top: await read("cropTop"), width: await read("cropWidth"), height: await read("cropHeight") };
}

/** With JavaScript: zoom in with the slider and drag the photo, both with the mouse. Returns the crop that will be posted. */
async function adjustCrop(page: Page): Promise<CropFields> {
  const frame = page.getByRole("application", { name: "Uitsnede van uw profielfoto" });
  const zoom = page.getByRole("slider", { name: "Inzoomen" });
  await expect(zoom).toBeEnabled();
  // The starting crop is the server's own centred crop: all of this 4:5 photo.
  await expect(page.locator("input[type=hidden][name=cropWidth]")).toHaveValue(String(PORTRAIT_WIDTH));
  const initial = await postedCrop(page);
  expect(initial).toEqual({ left: 0, top: 0, width: 1200, height: 1500 });
  await expect(zoom).toHaveAttribute("aria-valuetext", "100 procent");

  const track = await zoom.boundingBox();
  if (!track) throw new Error("the zoom slider is not on screen");
  // A click on the track, 40% along, moves the thumb there.
  await zoom.click({ position: { x: track.width * 0.4, y: track.height / 2 } });
  await expect(zoom).not.toHaveAttribute("aria-valuetext", "100 procent");
  await expect.poll(async () => (await postedCrop(page)).width).toBeLessThan(initial.width);
  const zoomed = await postedCrop(page);

  await frame.scrollIntoViewIfNeeded();
  const box = await frame.boundingBox();
  if (!box) throw new Error("the crop frame is not on screen");
  const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 40, start.y + 60, { steps: 8 });
  await page.mouse.up();
  // The photo follows the mouse to the lower right, so the visible part moves up and to the left.
  await expect.poll(async () => (await postedCrop(page)).left).toBeLessThan(zoomed.left);
  const dragged = await postedCrop(page);
  expect(dragged.top).toBeLessThan(zoomed.top);
  expect(dragged.width).toBe(zoomed.width);
  expect(dragged.height * 4).toBe(dragged.width * 5);
  return dragged;
}

test.describe("signup: the whole wizard", () => {
  test("a new provider completes all six steps and finds everything saved", async ({ page, noJs, expectAccessible }, testInfo) => {
    test.setTimeout(90_000);
    const photo = await portraitJpeg(testInfo);
    const pdf = await pricePdf(testInfo);

    // Axe on Aanmelding, Persoonlijk and Bedrijf, in this same state, is in signup-account.spec.ts.
    await fillAanmelding(page, { firstName: "Bert", email: uniqueEmail("wizard") });
    await fillPersoonlijk(page, { lastName: "Klinkenberg" });
    await fillBedrijf(page);

    // Stap 4: Profiel
    await expect(page.getByRole("heading", { level: 1, name: "Stap 4: Uw profiel" })).toBeVisible();
    await expect(introField(page)).toHaveAccessibleDescription(/\b0\/200 tekens/);
    await introField(page).fill(INTRO_TEXT);
    if (!noJs) await expect(introField(page)).toHaveAccessibleDescription(new RegExp(`\\b${INTRO_TEXT.length}/200 tekens`));
    await profileField(page).fill(PROFILE_TEXT);
    await photoInput(page).setInputFiles(photo);
    let chosenCrop: CropFields | null = null;
    if (noJs) {
      await expect(page.getByText("De website kiest zelf een uitsnede rond het midden van uw foto.")).toBeVisible();
    } else {
      chosenCrop = await adjustCrop(page);
    }
    await submit(page, /Volgende stap/);
    await expect(page).toHaveURL(/\/aanmelden\/beschikbaarheid$/);

    // Stap 5: Beschikbaarheid
    await expect(page.getByRole("heading", { level: 1, name: "Stap 5: Uw beschikbaarheid" })).toBeVisible();
    await page.getByLabel(PLACES_OPTION, { exact: true }).check();
    await addPlace(page, "den haag", "'s-Gravenhage (Den Haag)");
    await addPlace(page, "Utrecht");
    await expect(placeList(page)).toHaveText([/^'s-Gravenhage \(Den Haag\)/, /^Utrecht/]);
    await submit(page, "Verwijder Utrecht");
    await expect(page.getByText("Utrecht is uit uw lijst gehaald.")).toBeVisible();
    await expect(placeList(page)).toHaveText([/^'s-Gravenhage \(Den Haag\)/]);
    await checkDayparts(page, ["Maandag ochtend", "Maandag middag", "Woensdag avond", "Zaterdag ochtend"]);
    if (noJs) {
      await expectAccessible(page);
      await addPlace(page, "Woerden");
    } else {
      // The autocomplete, by keyboard: type, arrow down to the suggestion, Enter picks it, Enter again adds it.
      const field = page.getByRole("combobox", { name: "Voeg nieuwe stad toe" });
      await field.pressSequentially("Woer");
      const listbox = page.getByRole("listbox", { name: "Voorgestelde plaatsen" });
      const woerden = listbox.getByRole("option", { name: "Woerden", exact: true });
      await expect(woerden).toBeVisible();
      await expect(field).toHaveAttribute("aria-expanded", "true");
      // The open list pushes the button down instead of lying over it.
      const listBox = (await listbox.boundingBox())!;
      const addButton = (await page.getByRole("button", { name: "Voeg nieuwe stad toe" }).boundingBox())!;
      expect(addButton.y).toBeGreaterThanOrEqual(listBox.y + listBox.height);
      const names = await listbox.getByRole("option").allTextContents();
      for (let i = 0; i <= names.indexOf("Woerden"); i++) await field.press("ArrowDown");
      await expect(woerden).toHaveAttribute("aria-selected", "true");
      await expect(field).toHaveAttribute("aria-activedescendant", (await woerden.getAttribute("id")) ?? "");
      await expectAccessible(page);
      await field.press("Enter");
      await expect(field).toHaveValue("Woerden");
      await expect(listbox).toBeHidden();
      await expect(field).toHaveAttribute("aria-expanded", "false");
      // Enter with the list closed adds the place instead of saving the step.
      await field.press("Enter");
      await expect(page.getByText("Woerden is toegevoegd aan uw lijst.")).toBeVisible();
      await expect(field).toHaveValue("");
      await expect(field).toBeFocused();
    }
    await expect(placeList(page)).toHaveText([/^'s-Gravenhage \(Den Haag\)/, /^Woerden/]);
    // The dagdelen ticked before the round trips are still ticked.
    await expect(page.getByLabel("Woensdag avond", { exact: true })).toBeChecked();
    await submit(page, /Volgende stap/);
    await expect(page).toHaveURL(/\/aanmelden\/diensten$/);

    // Stap 6: Diensten & prijzen
    await expect(page.getByRole("heading", { level: 1, name: "Stap 6: Diensten & prijzen" })).toBeVisible();
    await page.getByLabel("Klusjesmannen", { exact: true }).check();
    await page.getByLabel("Computerhulp", { exact: true }).check();
    await fillServiceLine(page, 0, { name: "Klussen in en om het huis", price: "", unit: "uur", description: "Lampen ophangen, kastjes in elkaar zetten" });
    if (noJs) {
      await priceField(page, 0).fill("15");
    } else {
      // The ledenprijs follows the typing.
      await priceField(page, 0).pressSequentially("1");
      await expect(priceField(page, 0)).toHaveAccessibleDescription(/Ledenprijs: € 0,90/);
      await priceField(page, 0).pressSequentially("5");
      await expect(priceField(page, 0)).toHaveAccessibleDescription(/Ledenprijs: € 13,50/);
    }
    await fillServiceLine(page, 1, { name: "Uitleg over uw tablet", price: "15,00", unit: "dienst" });
    await fillServiceLine(page, 2, { name: "Grote klus, halve dag", price: "€ 32,50", unit: "dienst" });
    if (!noJs) await expect(priceField(page, 2)).toHaveAccessibleDescription(/Ledenprijs: € 29,25/);

    await submit(page, "Voeg nog een dienst toe +");
    await expect(page.getByText("Er staat nu een lege regel voor dienst 4 klaar.")).toBeVisible();
    await expect(serviceLine(page, 3)).toBeVisible();
    // With JavaScript the page does not reload, so focus moves to where a reload would have scrolled.
    if (!noJs) await expect(serviceLine(page, 3).getByLabel("Ik bied de volgende dienst aan")).toBeFocused();
    // The lines come back as typed, with the ledenprijs worked out by the server too.
    await expect(priceField(page, 0)).toHaveValue("15");
    await expect(priceField(page, 0)).toHaveAccessibleDescription(/Ledenprijs: € 13,50/);
    await expect(priceField(page, 2)).toHaveValue("€ 32,50");
    await fillServiceLine(page, 3, { name: "Tuinonderhoud", price: "25" });
    await submit(page, "Verwijder deze dienst (dienst 4)");
    await expect(page.getByText("Dienst 4 (Tuinonderhoud) is verwijderd.")).toBeVisible();
    if (!noJs) await expect(page.getByText("Dienst 4 (Tuinonderhoud) is verwijderd.")).toBeFocused();
    await expect(serviceLine(page, 3)).toHaveCount(0);
    await expect(priceField(page, 1)).toHaveValue("15,00");
    await page.getByLabel("Algemene prijsomschrijving").fill("Binnen Woerden reken ik geen voorrijkosten.");
    await priceListInput(page).setInputFiles(pdf);
    await expectAccessible(page);
    await submit(page, /Volgende stap/);

    // Stap 7: Betaling (paying, and axe on this page, are in payment.spec.ts).
    await expect(page).toHaveURL(/\/aanmelden\/betaling$/);
    await expect(page.getByRole("heading", { level: 1, name: "Stap 7: Betaling" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Betalen met iDEAL (€ 10,00) →" })).toBeVisible();

    // Back to every step: what was saved is shown.
    await openStep(page, /Profiel/, /\/aanmelden\/profiel$/);
    await expect(introField(page)).toHaveValue(INTRO_TEXT);
    await expect(profileField(page)).toHaveValue(PROFILE_TEXT);
    const current = page.getByRole("img", { name: "Uw huidige profielfoto, Bert" });
    await expect(current).toBeVisible();
    const src = (await current.getAttribute("src")) ?? "";
    expect(src).toMatch(/^\/foto\/[0-9a-f]{32}\/480\.jpg$/);
    const image = await page.request.get(src);
    expect(image.status()).toBe(200);
    expect(image.headers()["content-type"]).toBe("image/jpeg");
    const rendered = sharp(await image.body());
    expect(await rendered.metadata()).toMatchObject({ width: 480, height: 600 });
    if (noJs) {
      // The server's crop of a 4:5 photo is all of it: the red block is in the top left corner.
      const { data } = await rendered.extract({ left: 10, top: 10, width: 1, height: 1 }).raw().toBuffer({ resolveWithObject: true });
      expect(data[0]).toBeGreaterThan(180);
      expect(data[1]).toBeLessThan(80);
    } else {
      // The crop chosen in the browser was stored: the cropper opens on it.
      await page.getByRole("button", { name: "Uitsnede aanpassen" }).click();
      const zoom = page.getByRole("slider", { name: "Inzoomen" });
      await expect(zoom).toBeEnabled();
      await expect(zoom).toHaveAttribute("aria-valuetext", `${Math.round((PORTRAIT_WIDTH / chosenCrop!.width) * 100)} procent`);
    }
    await expectAccessible(page);

    await openStep(page, /Beschikbaarheid/, /\/aanmelden\/beschikbaarheid$/);
    await expect(page.getByLabel(PLACES_OPTION, { exact: true })).toBeChecked();
    await expect(placeList(page)).toHaveText([/^'s-Gravenhage \(Den Haag\)/, /^Woerden/]);
    for (const daypart of ["Maandag ochtend", "Maandag middag", "Woensdag avond", "Zaterdag ochtend"]) {
      await expect(page.getByLabel(daypart, { exact: true })).toBeChecked();
    }
    await expect(page.getByLabel("Dinsdag ochtend", { exact: true })).not.toBeChecked();
    await expect(page.getByLabel("Zondag avond", { exact: true })).not.toBeChecked();

    await openStep(page, /Diensten & prijzen/, /\/aanmelden\/diensten$/);
    await expect(page.getByLabel("Klusjesmannen", { exact: true })).toBeChecked();
    await expect(page.getByLabel("Computerhulp", { exact: true })).toBeChecked();
    await expect(page.getByLabel("Administratie", { exact: true })).not.toBeChecked();
    await expect(page.getByRole("group", { name: /^Dienst \d$/ })).toHaveCount(3);
    await expect(serviceLine(page, 0).getByLabel("Ik bied de volgende dienst aan")).toHaveValue("Klussen in en om het huis");
    await expect(serviceLine(page, 0).getByLabel("Dienst omschrijving")).toHaveValue("Lampen ophangen, kastjes in elkaar zetten");
    await expect(priceField(page, 0)).toHaveValue("15,00");
    await expect(priceField(page, 1)).toHaveValue("15,00");
    await expect(priceField(page, 2)).toHaveValue("32,50");
    await expect(priceField(page, 2)).toHaveAccessibleDescription(/Ledenprijs: € 29,25/);
    await expect(serviceLine(page, 0).getByLabel("per", { exact: true })).toHaveValue("hour");
    await expect(serviceLine(page, 1).getByLabel("per", { exact: true })).toHaveValue("service");
    await expect(page.getByLabel("Algemene prijsomschrijving")).toHaveValue("Binnen Woerden reken ik geen voorrijkosten.");
    const pdfLink = page.getByRole("link", { name: "prijslijst-thuishulp.pdf" });
    const href = (await pdfLink.getAttribute("href")) ?? "";
    expect(href).toMatch(/^\/prijslijst\/[0-9a-f]{32}$/);
    const [download] = await Promise.all([page.waitForEvent("download"), pdfLink.click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const downloaded = await fs.readFile(await download.path());
    expect(downloaded.equals(await fs.readFile(pdf))).toBe(true);
    const pdfResponse = await page.request.get(href);
    expect(pdfResponse.status()).toBe(200);
    expect(pdfResponse.headers()["content-type"]).toBe("application/pdf");
    expect(pdfResponse.headers()["content-disposition"]).toMatch(/^attachment; filename=".+\.pdf"$/);
    await expectAccessible(page);
  });

  test("a provider who travels a distance from home keeps the radius", async ({ page, noJs, expectAccessible }) => {
    test.setTimeout(60_000);
    await fillAanmelding(page, { firstName: "Gerda", email: uniqueEmail("straal") });
    await fillPersoonlijk(page, { lastName: "Smit" });
    await fillBedrijf(page);
    await fillProfiel(page);

    await page.getByLabel(RADIUS_OPTION, { exact: true }).check();
    // Measured from the home address of step 2 (3447 GT), as there is no separate work address.
    await expect(radiusField(page)).toHaveAccessibleDescription(/rondom 3447 Woerden \(uw thuisadres\)/);
    await radiusField(page).fill("10");
    if (!noJs) {
      const slider = page.getByRole("slider", { name: "Afstand rondom mijn adres (km), schuifregelaar" });
      await expect(slider).toHaveValue("10");
      await slider.press("ArrowRight");
      await expect(radiusField(page)).toHaveValue("11");
      await slider.press("ArrowLeft");
      await expect(radiusField(page)).toHaveValue("10");
    }
    await checkDayparts(page, ["Dinsdag middag", "Donderdag middag"]);
    await expectAccessible(page);
    await submit(page, /Volgende stap/);
    await expect(page).toHaveURL(/\/aanmelden\/diensten$/);

    await openStep(page, /Beschikbaarheid/, /\/aanmelden\/beschikbaarheid$/);
    await expect(page.getByLabel(RADIUS_OPTION, { exact: true })).toBeChecked();
    await expect(page.getByLabel(PLACES_OPTION, { exact: true })).not.toBeChecked();
    await expect(radiusField(page)).toBeVisible();
    await expect(radiusField(page)).toHaveValue("10");
    await expect(page.getByLabel("Dinsdag middag", { exact: true })).toBeChecked();
    await expect(page.getByLabel("Donderdag middag", { exact: true })).toBeChecked();
    await expect(page.getByLabel("Dinsdag ochtend", { exact: true })).not.toBeChecked();
  });

  test("errors on the later steps keep everything that was typed", async ({ page, noJs, expectAccessible }, testInfo) => {
    test.setTimeout(90_000);
    const notAPhoto = await textRenamedAsJpeg(testInfo);
    const photo = await portraitJpeg(testInfo);
    const pngAsPdf = await smallPng(testInfo, "prijslijst.pdf");
    const pdf = await pricePdf(testInfo);
    await fillAanmelding(page, { firstName: "Truus", email: uniqueEmail("later-fouten") });
    await fillPersoonlijk(page, { lastName: "Verhoef" });
    await fillBedrijf(page);
    const summary = page.getByRole("alert");

    // Profiel: an intro over 200 characters, a profile text too short, and a "photo" that is text.
    const longIntro = `Ik ben Truus en ik help ouderen al jaren met de administratie. ${"Ik kom graag bij u langs. ".repeat(7)}`.trim();
    expect(longIntro.length).toBeGreaterThan(200);
    const excess = longIntro.length - 200;
    await introField(page).fill(longIntro);
    if (!noJs) await expect(introField(page)).toHaveAccessibleDescription(new RegExp(`${longIntro.length}/200 tekens — ${excess} te veel`));
    await profileField(page).fill("Te kort.");
    await photoInput(page).setInputFiles(notAPhoto);
    // With JavaScript the browser cannot show it, so it is refused before anything is sent.
    if (!noJs) await expect(photoInput(page)).toHaveAccessibleDescription(new RegExp(NOT_AN_IMAGE));
    const profiel = await submitForStatus(page, "/aanmelden/profiel", /Volgende stap/);
    expect(profiel.status()).toBe(400);
    // With JavaScript the summary takes focus; without, it is the first thing after the intro.
    if (!noJs) await expect(summary).toBeFocused();
    await expect(summary).toContainText(`Introductietekst — De introductietekst is ${longIntro.length} tekens; maximaal 200`);
    await expect(summary).toContainText("Uitgebreide profieltekst — De profieltekst is 8 tekens; schrijf er minstens 50");
    if (noJs) await expect(summary).toContainText(`Profielfoto — ${NOT_AN_IMAGE}`);
    await expect(introField(page)).toHaveValue(longIntro);
    await expect(introField(page)).toHaveAttribute("aria-invalid", "true");
    await expect(introField(page)).toHaveAccessibleDescription(new RegExp(`${longIntro.length}/200 tekens — ${excess} te veel`));
    await expect(profileField(page)).toHaveValue("Te kort.");
    await expect(profileField(page)).toHaveAccessibleDescription(/De profieltekst is 8 tekens; schrijf er minstens 50/);
    await expect(photoInput(page)).toHaveAccessibleDescription(new RegExp(NOT_AN_IMAGE));
    await expect(photoInput(page)).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page);

    // A good photo while the intro is still too long: with JavaScript the file stays chosen and
    // goes along next time; without, the browser empties the field, and the page says so.
    await profileField(page).fill(PROFILE_TEXT);
    await photoInput(page).setInputFiles(photo);
    if (!noJs) await expect(page.getByRole("application", { name: "Uitsnede van uw profielfoto" })).toBeVisible();
    expect((await submitForStatus(page, "/aanmelden/profiel", /Volgende stap/)).status()).toBe(400);
    await expect(summary).toContainText("Introductietekst — De introductietekst is");
    await expect(summary).not.toContainText("Uitgebreide profieltekst");
    await expect(profileField(page)).toHaveValue(PROFILE_TEXT);
    if (noJs) {
      await expect(photoInput(page)).toHaveAccessibleDescription(/Uw foto is nog niet opgeslagen.*Kies de foto daarna opnieuw\./);
    } else {
      await expect(photoInput(page)).not.toHaveAttribute("aria-invalid", "true");
      await expect(page.getByRole("application", { name: "Uitsnede van uw profielfoto" })).toBeVisible();
    }
    await introField(page).fill(INTRO_TEXT);
    if (noJs) await photoInput(page).setInputFiles(photo);
    await submit(page, /Volgende stap/);
    await expect(page).toHaveURL(/\/aanmelden\/beschikbaarheid$/);

    // Beschikbaarheid: a misspelt place, then saving without any dagdeel.
    await page.getByLabel(PLACES_OPTION, { exact: true }).check();
    await newPlaceField(page).fill("Woerdn");
    const unknown = await submitForStatus(page, "/aanmelden/beschikbaarheid", "Voeg nieuwe stad toe");
    expect(unknown.status()).toBe(400);
    await expect(summary).toContainText("Voeg nieuwe stad toe — Wij kennen de plaats “Woerdn” niet.");
    await expect(newPlaceField(page)).toHaveAccessibleDescription(/Wij kennen de plaats “Woerdn” niet\. Bedoelt u misschien .*\bWoerden\b.*\?/);
    await expect(newPlaceField(page)).toHaveValue("Woerdn");
    await expect(page.getByLabel(PLACES_OPTION, { exact: true })).toBeChecked();
    await expectAccessible(page);
    await addPlace(page, "Woerden");
    const noDaypart = await submitForStatus(page, "/aanmelden/beschikbaarheid", /Volgende stap/);
    expect(noDaypart.status()).toBe(400);
    const daypartLink = summary.getByRole("link", { name: "Ik ben beschikbaar op de volgende dagdelen — Kies minstens één dagdeel" });
    await expect(daypartLink).toHaveAttribute("href", "#dayparts");
    await expect(placeList(page)).toHaveText([/^Woerden/]);
    await expect(page.getByLabel(PLACES_OPTION, { exact: true })).toBeChecked();
    await daypartLink.click();
    const grid = page.getByRole("group", { name: "Ik ben beschikbaar op de volgende dagdelen" });
    if (noJs) await expect(page).toHaveURL(/#dayparts$/);
    else await expect(grid).toBeFocused();
    await expect(grid).toHaveAccessibleDescription(/Kies minstens één dagdeel/);
    await expect(placeList(page)).toHaveText([/^Woerden/]);
    await expectAccessible(page);
    await checkDayparts(page, ["Vrijdag ochtend"]);
    await submit(page, /Volgende stap/);
    await expect(page).toHaveURL(/\/aanmelden\/diensten$/);

    // Diensten & prijzen: a negative price, too many decimals and a PNG called .pdf.
    await page.getByLabel("Administratie", { exact: true }).check();
    await fillServiceLine(page, 0, { name: "Hulp bij de belastingaangifte", price: "-5", unit: "dienst", description: "Inclusief toeslagen" });
    await fillServiceLine(page, 1, { name: "Post doornemen", price: "12,345", unit: "uur" });
    await fillServiceLine(page, 2, { name: "Ordners opruimen", price: "20", unit: "uur" });
    await page.getByLabel("Algemene prijsomschrijving").fill("Eerste kennismaking is gratis.");
    await priceListInput(page).setInputFiles(pngAsPdf);
    const diensten = await submitForStatus(page, "/aanmelden/diensten", /Volgende stap/);
    expect(diensten.status()).toBe(400);
    await expect(summary).toContainText("Dienst 1, prijs — Het bedrag moet meer dan € 0 zijn");
    await expect(summary).toContainText("Dienst 2, prijs — Gebruik hoogstens twee cijfers achter de komma");
    await expect(summary).toContainText(`Uitgebreide prijslijst (PDF) — ${NOT_A_PDF}`);
    await expect(priceField(page, 0)).toHaveValue("-5");
    await expect(priceField(page, 0)).toHaveAttribute("aria-invalid", "true");
    await expect(priceField(page, 0)).toHaveAccessibleDescription(/Het bedrag moet meer dan € 0 zijn/);
    await expect(priceField(page, 1)).toHaveValue("12,345");
    await expect(priceField(page, 1)).toHaveAccessibleDescription(/Gebruik hoogstens twee cijfers achter de komma/);
    await expect(priceField(page, 2)).toHaveValue("20");
    await expect(priceField(page, 2)).not.toHaveAttribute("aria-invalid", "true");
    await expect(serviceLine(page, 0).getByLabel("Ik bied de volgende dienst aan")).toHaveValue("Hulp bij de belastingaangifte");
    await expect(serviceLine(page, 0).getByLabel("Dienst omschrijving")).toHaveValue("Inclusief toeslagen");
    await expect(serviceLine(page, 0).getByLabel("per", { exact: true })).toHaveValue("service");
    await expect(serviceLine(page, 1).getByLabel("Ik bied de volgende dienst aan")).toHaveValue("Post doornemen");
    await expect(serviceLine(page, 2).getByLabel("Ik bied de volgende dienst aan")).toHaveValue("Ordners opruimen");
    await expect(page.getByLabel("Algemene prijsomschrijving")).toHaveValue("Eerste kennismaking is gratis.");
    await expect(page.getByLabel("Administratie", { exact: true })).toBeChecked();
    await expect(priceListInput(page)).toHaveAccessibleDescription(new RegExp(NOT_A_PDF));
    await expect(priceListInput(page)).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page);

    await priceField(page, 0).fill("5");
    await priceField(page, 1).fill("12,35");
    await priceListInput(page).setInputFiles(pdf);
    await submit(page, /Volgende stap/);
    await expect(page).toHaveURL(/\/aanmelden\/betaling$/);
    await openStep(page, /Diensten & prijzen/, /\/aanmelden\/diensten$/);
    await expect(priceField(page, 0)).toHaveValue("5,00");
    await expect(priceField(page, 1)).toHaveValue("12,35");
    await expect(priceField(page, 2)).toHaveValue("20,00");
    await expect(page.getByRole("link", { name: "prijslijst-thuishulp.pdf" })).toBeVisible();
    await openStep(page, /Profiel/, /\/aanmelden\/profiel$/);
    await expect(page.getByRole("img", { name: "Uw huidige profielfoto, Truus" })).toBeVisible();
    await expect(introField(page)).toHaveValue(INTRO_TEXT);
  });

  test("another provider or a visitor cannot reach a provider's files or steps", async ({ page, browser, noJs }, testInfo) => {
    test.setTimeout(90_000);
    const photo = await portraitJpeg(testInfo);
    const pdf = await pricePdf(testInfo);
    const introA = "Annelies helpt u met opruimen en ordenen, stap voor stap.";
    const profileA = `${PROFILE_TEXT} Dit is de tekst van Annelies.`;

    // A fills in everything but has not paid, so nothing of A is public.
    await fillAanmelding(page, { firstName: "Annelies", email: uniqueEmail("eigen-a") });
    await fillPersoonlijk(page, { lastName: "Aalders" });
    await fillBedrijf(page);
    await fillProfiel(page, { introText: introA, profileText: profileA, photo });
    await fillBeschikbaarheid(page, { werkgebied: "nationwide", dayparts: ["Vrijdag ochtend"] });
    await fillDiensten(page, { categories: ["Opruimcoach"], services: [{ name: "Opruimen", price: "30" }], priceList: pdf });

    await openStep(page, /Profiel/, /\/aanmelden\/profiel$/);
    const srcA = (await page.getByRole("img", { name: "Uw huidige profielfoto, Annelies" }).getAttribute("src")) ?? "";
    const photoId = /^\/foto\/([0-9a-f]{32})\/480\.jpg$/.exec(srcA)?.[1];
    expect(photoId, srcA).toBeTruthy();
    const photoUrls = PHOTO_VARIANTS.map((variant) => `/foto/${photoId}/${variant}`);
    await openStep(page, /Diensten & prijzen/, /\/aanmelden\/diensten$/);
    const pdfUrl = (await page.getByRole("link", { name: "prijslijst-thuishulp.pdf" }).getAttribute("href")) ?? "";
    expect(pdfUrl).toMatch(/^\/prijslijst\/[0-9a-f]{32}$/);
    for (const url of [...photoUrls, pdfUrl]) expect((await page.request.get(url)).status(), `A opens ${url}`).toBe(200);

    // B, signed in in another browser, and a visitor get the same 404 as for a file that does not exist.
    const contextB = await browser.newContext({ javaScriptEnabled: !noJs });
    const visitor = await browser.newContext();
    try {
      const pageB = await contextB.newPage();
      await fillAanmelding(pageB, { firstName: "Bram", email: uniqueEmail("eigen-b") });
      for (const url of [...photoUrls, pdfUrl]) {
        const asB = await pageB.request.get(url);
        expect(asB.status(), `B opens ${url}`).toBe(404);
        expect(asB.headers()["cache-control"]).toBe("no-store");
        expect((await visitor.request.get(url)).status(), `a visitor opens ${url}`).toBe(404);
      }

      // B's own steps show B's data only.
      await fillPersoonlijk(pageB, { lastName: "Bakker" });
      await fillBedrijf(pageB);
      await expect(introField(pageB)).toHaveValue("");
      await expect(profileField(pageB)).toHaveValue("");
      await expect(pageB.getByRole("img", { name: /Uw huidige profielfoto/ })).toHaveCount(0);
      await expect(pageB.getByText(introA)).toHaveCount(0);
      await expect(photoInput(pageB)).toHaveAccessibleName("Kies een foto");

      // B posts A's photo id with a crop, and asks to delete "the" photo: only B's own record changes.
      const recrop = await pageB.request.post("/aanmelden/profiel", {
        multipart: {
          introText: "Bram doet klusjes.",
          profileText: `${PROFILE_TEXT} Dit is de tekst van Bram.`,
          cropPhotoId: photoId ?? "",
          cropLeft: "200",
          cropTop: "200",
          cropWidth: "400",
          cropHeight: "500",
        },
      });
      expect(recrop.status()).toBe(200);
      expect(new URL(recrop.url()).pathname).toBe("/aanmelden/beschikbaarheid");
      const remove = await pageB.request.post("/aanmelden/profiel", { multipart: { intent: "delete-photo" } });
      expect(remove.status()).toBe(200);
      await pageB.goto("/aanmelden/profiel");
      await expect(introField(pageB)).toHaveValue("Bram doet klusjes.");
      await expect(pageB.getByRole("img", { name: /Uw huidige profielfoto/ })).toHaveCount(0);

      // A's step is as A left it: same texts, same photo (a re-crop would have given it a new id).
      await openStep(page, /Profiel/, /\/aanmelden\/profiel$/);
      await page.reload();
      await expect(introField(page)).toHaveValue(introA);
      await expect(profileField(page)).toHaveValue(profileA);
      await expect(page.getByRole("img", { name: "Uw huidige profielfoto, Annelies" })).toHaveAttribute("src", srcA);
      for (const url of [...photoUrls, pdfUrl]) expect((await page.request.get(url)).status(), `A opens ${url} again`).toBe(200);
    } finally {
      await contextB.close();
      await visitor.close();
    }
  });
});
