import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { chooseAtCheckout, signedInAtBetaling, startIdealPayment } from "./support/payment";
import { fillAanmelding, PASSWORD, signIn, signOut, submit, uniqueEmail } from "./support/signup";

const NEW_PASSWORD = "Fietsbel-Rood-2027";

/** A second browser, with the same JavaScript setting and address as the test's own. */
async function secondBrowser(browser: Browser, noJs: boolean): Promise<Page> {
  const context = await browser.newContext({
    javaScriptEnabled: !noJs,
    locale: "nl-NL",
    timezoneId: "Europe/Amsterdam",
    baseURL: test.info().project.use.baseURL,
  });
  return context.newPage();
}

/** A new provider account, signed in on `page` (the signup's first step). */
async function newAccount(page: Page, tag: string): Promise<string> {
  const email = uniqueEmail(tag);
  await fillAanmelding(page, { firstName: "Bert", email });
  return email;
}

/** Signs in on `page` and waits until the sign-in has finished (with JavaScript it is a fetch). */
async function signInAndWait(page: Page, email: string, password = PASSWORD) {
  await signIn(page, email, password);
  await expect(page).not.toHaveURL(/\/inloggen/);
}

/** Opens the captured e-mail to `to` with this subject at /dev/mail. */
async function openMail(page: Page, to: string, subject: string): Promise<void> {
  await page.goto("/dev/mail");
  const row = page.getByRole("row").filter({ hasText: to }).filter({ hasText: subject });
  await expect(row).toHaveCount(1);
  await Promise.all([page.waitForLoadState("load"), row.getByRole("link").click()]);
  await expect(page.getByRole("heading", { level: 1, name: subject })).toBeVisible();
}

/** A link in the open e-mail's "Links in dit bericht", by where it points. */
const mailLink = (page: Page, path: RegExp) => page.getByRole("region", { name: "Links in dit bericht" }).getByRole("link", { name: path });

test.describe("account security", () => {
  // Each journey signs up, signs in more than once and hashes passwords (argon2id is slow on purpose).
  test.describe.configure({ timeout: 90_000 });

  test("a new e-mail address counts only after its link is used; then every session ends and the new address signs in", async ({ page, browser, noJs, expectAccessible }) => {
    const oldEmail = await newAccount(page, "email-oud");
    const tablet = await secondBrowser(browser, noJs);
    await signInAndWait(tablet, oldEmail);
    await tablet.goto("/backoffice/account");
    await expect(tablet.getByRole("heading", { level: 1, name: "E-mailadres en wachtwoord" })).toBeVisible();

    await page.goto("/backoffice");
    await Promise.all([page.waitForLoadState("load"), page.getByRole("navigation", { name: "Mijn omgeving" }).getByRole("link", { name: "E-mailadres en wachtwoord" }).click()]);
    await expect(page).toHaveURL(/\/backoffice\/account$/);
    await expect(page.getByText(`U logt in met het e-mailadres ${oldEmail}.`)).toBeVisible();
    await expect(page.getByText("Pas als u op die link klikt, wordt dat uw nieuwe e-mailadres en wordt u op alle apparaten uitgelogd.")).toBeVisible();
    await expectAccessible(page);

    const form = page.getByRole("form", { name: "E-mailadres wijzigen" });
    const typo = uniqueEmail("email-tikfout");
    await form.getByLabel("Uw nieuwe e-mailadres").fill(typo);
    await form.getByLabel("Uw huidige wachtwoord").fill("niet-mijn-wachtwoord");
    await submit(page, "Stuur de link naar mijn nieuwe e-mailadres");
    await expect(page.getByRole("alert")).toContainText("Uw huidige wachtwoord — Dit is niet uw huidige wachtwoord");
    await expect(form.getByLabel("Uw nieuwe e-mailadres")).toHaveValue(typo);
    // The server never sends a password back; with JavaScript the browser simply keeps the field as it was.
    if (noJs) await expect(form.getByLabel("Uw huidige wachtwoord")).toHaveValue("");
    await expectAccessible(page);

    // A mistyped address changes nothing: the page says where the link went and that the old address still counts.
    await form.getByLabel("Uw huidige wachtwoord").fill(PASSWORD);
    await submit(page, "Stuur de link naar mijn nieuwe e-mailadres");
    await expect(page).toHaveURL(/\/backoffice\/account\?e-mailadres=link-verstuurd$/);
    const pending = page.getByRole("region", { name: "Bevestig uw nieuwe e-mailadres" });
    await expect(pending).toContainText(`Wij hebben een link gestuurd naar ${typo}.`);
    await expect(pending).toContainText(`Tot die tijd blijft ${oldEmail} het e-mailadres waarmee u inlogt.`);
    await expectAccessible(page);
    await submit(page, "Wijziging annuleren");
    await expect(page.getByRole("status").filter({ hasText: "De wijziging van uw e-mailadres is geannuleerd." })).toBeVisible();
    await expect(page.getByRole("region", { name: "Bevestig uw nieuwe e-mailadres" })).toHaveCount(0);
    // The old address was told that a change was asked.
    await openMail(page, oldEmail, "U wilt uw e-mailadres wijzigen");
    await expect(page.getByRole("textbox")).toHaveValue(new RegExp(`wijzigen in ${typo.replace(/[.+]/g, "\\$&")}`));
    await page.goto("/backoffice/account");

    const newEmail = uniqueEmail("email-nieuw");
    const changeForm = page.getByRole("form", { name: "E-mailadres wijzigen" });
    await changeForm.getByLabel("Uw nieuwe e-mailadres").fill(newEmail);
    await changeForm.getByLabel("Uw huidige wachtwoord").fill(PASSWORD);
    await submit(page, "Stuur de link naar mijn nieuwe e-mailadres");
    await expect(page.getByRole("region", { name: "Bevestig uw nieuwe e-mailadres" })).toContainText(`Wij hebben een link gestuurd naar ${newEmail}.`);
    await submit(page, "Stuur de link opnieuw");
    await expect(page.getByRole("region", { name: "Bevestig uw nieuwe e-mailadres" })).toContainText(`Wij hebben de link nog een keer gestuurd naar ${newEmail}.`);

    // Until the link is used, the other browser stays signed in with the old address.
    await tablet.goto("/backoffice/account");
    await expect(tablet.getByText(`U logt in met het e-mailadres ${oldEmail}.`)).toBeVisible();

    await page.goto("/dev/mail");
    const linkMails = page.getByRole("row").filter({ hasText: newEmail }).filter({ hasText: "Bevestig uw nieuwe e-mailadres" });
    await expect(linkMails).toHaveCount(2);
    await Promise.all([page.waitForLoadState("load"), linkMails.first().getByRole("link").click()]);
    const confirmLink = await mailLink(page, /\/e-mailadres-bevestigen\/[A-Za-z0-9_-]{43}$/).getAttribute("href");
    const confirmPath = new URL(confirmLink ?? "").pathname;

    const confirmPage = await page.goto(confirmPath);
    expect(confirmPage?.headers()["referrer-policy"]).toMatch(/same-origin$/);
    expect(confirmPage?.headers()["cache-control"]).toBe("no-store");
    await expect(page.getByRole("heading", { level: 1, name: "Nieuw e-mailadres bevestigen" })).toBeVisible();
    await expect(page.getByText(`Wordt ${newEmail} uw nieuwe e-mailadres?`)).toBeVisible();
    await expectAccessible(page);
    await submit(page, "Ja, dit is mijn nieuwe e-mailadres");
    await expect(page).toHaveURL(/\/inloggen\?e-mailadres=gewijzigd$/);
    await expect(page.getByText("Uw e-mailadres is gewijzigd en u bent op alle apparaten uitgelogd. Log hieronder in met uw nieuwe e-mailadres.")).toBeVisible();
    await expectAccessible(page);

    // The other browser's session has ended too.
    await tablet.goto("/backoffice/account");
    await expect(tablet).toHaveURL(/\/inloggen\?redirectTo=%2Fbackoffice%2Faccount$/);
    await tablet.context().close();

    await signIn(page, oldEmail);
    await expect(page.getByRole("alert")).toContainText("Het e-mailadres of het wachtwoord klopt niet");
    await signInAndWait(page, newEmail);
    await page.goto("/backoffice/account");
    await expect(page.getByText(`U logt in met het e-mailadres ${newEmail}.`)).toBeVisible();

    await openMail(page, oldEmail, "Uw e-mailadres is gewijzigd");
    await expect(mailLink(page, /\/inloggen$/)).toBeVisible();
    await expect(page.getByRole("textbox")).toHaveValue(new RegExp(`gewijzigd in ${newEmail.replace(/[.+]/g, "\\$&")}`));

    // The link works once.
    const reused = await page.goto(confirmPath);
    expect(reused?.status()).toBe(410);
    await expect(page.getByRole("heading", { level: 1, name: "Deze link werkt niet meer" })).toBeVisible();
    await expect(page.getByText("Deze link is al gebruikt. Elke link werkt maar één keer.")).toBeVisible();
    await expectAccessible(page);
  });

  test("changing the password keeps this browser signed in and signs the other out", async ({ page, browser, noJs, expectAccessible }) => {
    const email = await newAccount(page, "wachtwoord-wijzigen");
    const tablet = await secondBrowser(browser, noJs);
    await signInAndWait(tablet, email);

    await page.goto("/backoffice/account");
    const form = page.getByRole("form", { name: "Wachtwoord wijzigen" });
    await form.getByLabel("Uw huidige wachtwoord").fill(PASSWORD);
    await form.getByLabel("Kies een nieuw wachtwoord").fill("wachtwoord123");
    await submit(page, "Wachtwoord wijzigen");
    await expect(page.getByRole("alert")).toContainText("Kies een nieuw wachtwoord — Dit wachtwoord wordt veel gebruikt");
    await expectAccessible(page);

    await form.getByLabel("Uw huidige wachtwoord").fill(PASSWORD);
    await form.getByLabel("Kies een nieuw wachtwoord").fill(NEW_PASSWORD);
    await submit(page, "Wachtwoord wijzigen");
    await expect(page).toHaveURL(/\/backoffice\/account\?wachtwoord=gewijzigd$/);
    await expect(page.getByRole("status").filter({ hasText: "Uw nieuwe wachtwoord is opgeslagen." })).toBeVisible();
    await expectAccessible(page);

    await tablet.goto("/backoffice/account");
    await expect(tablet).toHaveURL(/\/inloggen\?redirectTo=/);
    await signInAndWait(tablet, email, NEW_PASSWORD);
    await tablet.context().close();
  });

  test("a forgotten password is reset through the e-mailed link, which works once", async ({ page, expectAccessible }) => {
    const email = await newAccount(page, "vergeten");
    await signOut(page);

    await page.goto("/inloggen");
    await Promise.all([page.waitForLoadState("load"), page.getByRole("link", { name: "Wachtwoord vergeten?" }).click()]);
    await expect(page).toHaveURL(/\/wachtwoord-vergeten$/);
    await expect(page.getByRole("heading", { level: 1, name: "Wachtwoord vergeten" })).toBeVisible();
    await expectAccessible(page);
    await submit(page, "Stuur mij een link");
    await expect(page.getByRole("alert")).toContainText("Wat is uw e-mailadres? — Vul uw e-mailadres in");
    await expectAccessible(page);

    // An address without an account gets exactly the same answer.
    const unknown = uniqueEmail("niemand");
    await page.getByLabel("Wat is uw e-mailadres?").fill(unknown);
    await submit(page, "Stuur mij een link");
    await expect(page.getByRole("heading", { level: 1, name: "Kijk in uw e-mail" })).toBeVisible();
    await expect(page.getByText(`Als er een account is met het e-mailadres ${unknown}, dan hebben wij daar zojuist een e-mail naartoe gestuurd`)).toBeVisible();

    await page.goto("/wachtwoord-vergeten");
    await page.getByLabel("Wat is uw e-mailadres?").fill(email);
    await submit(page, "Stuur mij een link");
    await expect(page.getByRole("heading", { level: 1, name: "Kijk in uw e-mail" })).toBeVisible();
    await expect(page.getByText(`Als er een account is met het e-mailadres ${email}, dan hebben wij daar zojuist een e-mail naartoe gestuurd`)).toBeVisible();
    await expectAccessible(page);

    await openMail(page, email, "Kies een nieuw wachtwoord");
    const resetLink = await mailLink(page, /\/wachtwoord-herstellen\/[A-Za-z0-9_-]{43}$/).getAttribute("href");
    const resetPath = new URL(resetLink ?? "").pathname;

    const resetPage = await page.goto(resetPath);
    // The token in the address is not sent to other sites, and the page is not cached.
    expect(resetPage?.headers()["referrer-policy"]).toMatch(/same-origin$/);
    expect(resetPage?.headers()["cache-control"]).toBe("no-store");
    await expect(page.getByRole("heading", { level: 1, name: "Nieuw wachtwoord kiezen" })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel("Kies een nieuw wachtwoord").fill("kort");
    await submit(page, "Wachtwoord opslaan");
    await expect(page.getByRole("alert")).toContainText("Kies een wachtwoord van minstens 10 tekens");
    await expectAccessible(page);
    await page.getByLabel("Kies een nieuw wachtwoord").fill(NEW_PASSWORD);
    await submit(page, "Wachtwoord opslaan");
    await expect(page).toHaveURL(/\/inloggen\?wachtwoord=hersteld$/);
    await expect(page.getByText("Uw nieuwe wachtwoord is opgeslagen en u bent op alle apparaten uitgelogd.")).toBeVisible();

    await signIn(page, email, PASSWORD);
    await expect(page.getByRole("alert")).toContainText("Het e-mailadres of het wachtwoord klopt niet");
    await signInAndWait(page, email, NEW_PASSWORD);
    await signOut(page);

    // The link worked once.
    const response = await page.goto(resetPath);
    expect(response?.status()).toBe(410);
    await expect(page.getByRole("heading", { level: 1, name: "Deze link werkt niet meer" })).toBeVisible();
    await expect(page.getByText("Deze link is al gebruikt.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Vraag een nieuwe link aan" })).toHaveAttribute("href", "/wachtwoord-vergeten");
    await expectAccessible(page);
  });
});

test.describe("tijdelijk niet beschikbaar", () => {
  // The provider goes through all six signup steps and pays before they can pause.
  test.describe.configure({ timeout: 150_000 });

  test("a paused provider is left out of search, and the profile says until when", async ({ page, expectAccessible }) => {
    const { name, lastName, slug } = await signedInAtBetaling(page, "Pauline");
    await startIdealPayment(page);
    await chooseAtCheckout(page, "Betaald");
    await expect(page).toHaveURL(/\/aanmelden\/voltooiing$/);

    const searchResult = page.getByRole("article").getByRole("heading", { name });
    await page.goto(`/zoeken?wat=${lastName}`);
    await expect(searchResult).toBeVisible();

    await page.goto("/backoffice");
    await Promise.all([page.waitForLoadState("load"), page.getByRole("navigation", { name: "Mijn omgeving" }).getByRole("link", { name: "Tijdelijk niet beschikbaar" }).click()]);
    await expect(page).toHaveURL(/\/backoffice\/pauze$/);
    await expect(page.getByText("U bent beschikbaar.")).toBeVisible();
    await expectAccessible(page);

    const lastDay = new Date(Date.now() + 7 * 86_400_000);
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat("nl-NL", { timeZone: "Europe/Amsterdam", day: "2-digit", month: "2-digit", year: "numeric" }).formatToParts(lastDay).map((p) => [p.type, p.value]),
    );
    const shown = new Intl.DateTimeFormat("nl-NL", { timeZone: "Europe/Amsterdam", day: "numeric", month: "long", year: "numeric" }).format(lastDay);
    const field = page.getByLabel("Tot en met welke dag bent u niet beschikbaar? (optioneel)");
    await field.fill("31-02-2020");
    await submit(page, "Zet op tijdelijk niet beschikbaar");
    await expect(page.getByRole("alert")).toContainText("Deze datum klopt niet");
    await expect(field).toHaveValue("31-02-2020");
    await expectAccessible(page);
    await field.fill(`${parts.day}-${parts.month}-${parts.year}`);
    await submit(page, "Zet op tijdelijk niet beschikbaar");
    await expect(page.getByText(`U staat op tijdelijk niet beschikbaar tot en met ${shown}.`)).toBeVisible();
    await expectAccessible(page);

    await page.goto(`/zoeken?wat=${lastName}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(searchResult).toHaveCount(0);

    const profile = await page.goto(`/dienstverlener/${slug}`);
    expect(profile?.status()).toBe(200);
    await expect(page.getByText(`${name} is tijdelijk niet beschikbaar (tot en met ${shown}) en neemt op dit moment geen nieuwe aanvragen aan.`)).toBeVisible();
    await expect(page.getByRole("link", { name: /Contact opnemen/ })).toHaveCount(0);
    await expectAccessible(page);
    expect((await page.request.get(`/dienstverlener/${slug}/contact`)).status()).toBe(404);

    await page.goto("/backoffice/pauze");
    await submit(page, "Ik ben weer beschikbaar");
    await expect(page.getByText("U bent beschikbaar.")).toBeVisible();
    await page.goto(`/zoeken?wat=${lastName}`);
    await expect(searchResult).toBeVisible();
    await page.goto(`/dienstverlener/${slug}`);
    await expect(page.getByRole("link", { name: `Contact opnemen met Pauline` }).first()).toBeVisible();
  });
});
