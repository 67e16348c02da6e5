import type { Browser, Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { createLiveProvider } from "./support/providers";
import { signIn, submit } from "./support/signup";
import { recordedWebm } from "./support/video";

/**
 * Staff run a provider from /beheer: find them, tick the verification checks
 * (which show on the public profile), approve their introduction video,
 * suspend (gone from search, profile 404) and republish; every action is in
 * the audit log. Each test works on a provider made for it alone.
 */
const STAFF = { email: "beheer@demo.viviumservices.nl", password: "Vivium-demo-2026" };

/** A visitor without any session, in a context of their own. */
async function asVisitor<T>(browser: Browser, work: (page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext({ locale: "nl-NL" });
  try {
    return await work(await context.newPage());
  } finally {
    await context.close();
  }
}

function resultCard(page: Page, name: string) {
  return page.getByRole("article").filter({ has: page.getByRole("heading", { name, exact: true }) });
}

test.describe("the staff console", () => {
  test.describe.configure({ timeout: 120_000 });

  test("staff verify, approve a video, suspend and republish a provider, all in the audit log", async ({ page, browser, noJs, expectAccessible }, testInfo) => {
    const provider = {
      ...(await createLiveProvider({ firstName: "Marieke", lastName: "Visser", place: "Nijmegen", categories: ["Massage"], coverage: { mode: "radius", radiusKm: 10 } })),
      search: "/zoeken?waar=Nijmegen&categorie=massage",
    };

    // The console does not exist for visitors and providers.
    await asVisitor(browser, async (visitor) => {
      expect((await visitor.goto("/beheer"))?.status()).toBe(404);
      expect((await visitor.goto("/beheer/dienstverleners"))?.status()).toBe(404);
    });

    // The provider uploads an introduction video from their own omgeving.
    const webm = await recordedWebm(browser, testInfo);
    const providerContext = await browser.newContext({ locale: "nl-NL", javaScriptEnabled: !noJs });
    try {
      const providerPage = await providerContext.newPage();
      await signIn(providerPage, provider.email, provider.password);
      await expect(providerPage).toHaveURL(/\/(aanmelden|backoffice)/);
      expect((await providerPage.goto("/beheer"))?.status()).toBe(404);
      await providerPage.goto("/backoffice/video");
      await providerPage.getByLabel("Videobestand (WebM of MP4)").setInputFiles(webm);
      await submit(providerPage, "Video versturen");
      await expect(providerPage.getByRole("heading", { name: "Uw nieuwe video wacht op goedkeuring" })).toBeVisible();
    } finally {
      await providerContext.close();
    }

    // Staff sign in on the same page as providers and land on the console.
    await signIn(page, STAFF.email, STAFF.password);
    await expect(page).toHaveURL(/\/beheer$/);
    await expect(page.getByRole("heading", { level: 1, name: "Beheer" })).toBeVisible();
    await expect(page.getByText(/introductievideo('s wachten| wacht) op goedkeuring/)).toBeVisible();
    await expectAccessible(page);

    const nav = page.getByRole("navigation", { name: "Beheer" });
    await nav.getByRole("link", { name: "Dienstverleners" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Dienstverleners" })).toBeVisible();
    await expectAccessible(page);
    await page.getByLabel("Zoek op naam, e-mailadres, plaats of webadres").fill(provider.name);
    await page.getByRole("button", { name: "Zoeken" }).click();
    await expect(page.getByText("1 dienstverlener gevonden")).toBeVisible();
    await page.getByRole("link", { name: provider.name, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: provider.name })).toBeVisible();
    const detailUrl = page.url();
    await expectAccessible(page);

    // Verification checks, each with who and when.
    for (const check of ["Identiteitsbewijs gezien", "Persoonlijk gezien", "Verklaring omtrent gedrag ontvangen"]) {
      await submit(page, `Aanvinken: ${check}`);
      await expect(page.getByRole("status")).toContainText("De controle is aangevinkt.");
      await expect(page.getByRole("button", { name: `Uitvinken: ${check}` })).toBeVisible();
    }
    await expect(page.getByText(/ja, door Demo Medewerker op/).first()).toBeVisible();
    await expectAccessible(page);

    // An intake note after the introductory call, with who and when.
    await page.getByLabel("Nieuwe intakenotitie").fill("Kennismakingsgesprek gevoerd; wil nadenken over het Plus-pakket.");
    await submit(page, "Notitie opslaan");
    await expect(page.getByRole("status")).toContainText("De intakenotitie is opgeslagen.");
    const notes = page.getByRole("region", { name: "Intakenotities" });
    await expect(notes.getByText("Kennismakingsgesprek gevoerd; wil nadenken over het Plus-pakket.")).toBeVisible();
    await expect(notes.getByText(/Demo Medewerker/)).toBeVisible();

    // The waiting video: approved, which also ticks its check.
    await expect(page.getByText("Er wacht een nieuwe video op goedkeuring")).toBeVisible();
    await submit(page, "Video goedkeuren");
    await expect(page.getByRole("status")).toContainText("De voorstelvideo is goedgekeurd");
    await expect(page.getByRole("button", { name: "Uitvinken: Introductievideo goedgekeurd" })).toBeVisible();
    await expectAccessible(page);

    await asVisitor(browser, async (visitor) => {
      await visitor.goto(`/dienstverlener/${provider.slug}`);
      const seen = visitor.getByRole("region", { name: "Gezien door Vivium Services" });
      for (const text of ["Identiteitsbewijs gezien", "Persoonlijk gezien", "Verklaring omtrent gedrag", "Introductievideo"]) await expect(seen).toContainText(text);
      await expect(visitor.getByRole("heading", { level: 2, name: "Introductievideo" })).toBeVisible();
      await visitor.goto(provider.search);
      const card = resultCard(visitor, provider.name);
      await expect(card.getByText("Gezien door Vivium Services:")).toBeVisible();
      await expect(card.getByText("Identiteitsbewijs gezien")).toBeVisible();
    });

    // Suspend: a reason is required; then gone from search and the profile at once.
    await submit(page, "Offline zetten");
    await expect(page.getByRole("alert")).toContainText("Schrijf de reden op");
    await expectAccessible(page);
    await page.getByLabel("Waarom gaat het profiel offline?").fill("Er zijn klachten binnengekomen die wij eerst willen bespreken.");
    await submit(page, "Offline zetten");
    await expect(page.getByRole("status")).toContainText("Het profiel staat offline");
    await expect(page.getByRole("definition").filter({ hasText: "Er zijn klachten binnengekomen die wij eerst willen bespreken." })).toBeVisible();
    await expectAccessible(page);
    await asVisitor(browser, async (visitor) => {
      await visitor.goto(provider.search);
      await expect(resultCard(visitor, provider.name)).toHaveCount(0);
      expect((await visitor.goto(`/dienstverlener/${provider.slug}`))?.status()).toBe(404);
    });

    await submit(page, "Weer online zetten");
    await expect(page.getByRole("status")).toContainText("Het profiel staat weer online");
    await asVisitor(browser, async (visitor) => {
      await visitor.goto(provider.search);
      await expect(resultCard(visitor, provider.name)).toBeVisible();
      expect((await visitor.goto(`/dienstverlener/${provider.slug}`))?.status()).toBe(200);
    });

    // Every action is in the provider's log, on the page and in the audit log.
    await page.goto(detailUrl);
    const log = page.getByRole("region", { name: "Logboek van deze dienstverlener" });
    for (const action of ["Controle aangevinkt", "Intakenotitie toegevoegd", "Voorstelvideo goedgekeurd", "Offline gezet", "Weer online gezet"]) {
      await expect(log.getByRole("cell", { name: action, exact: true }).first()).toBeVisible();
    }
    await page.getByRole("link", { name: "Open in het logboek" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Logboek" })).toBeVisible();
    await expect(page.getByText(`Alleen acties voor ${provider.name}`)).toBeVisible();
    const rowsOf = (action: string) => page.getByRole("row").filter({ has: page.getByRole("cell", { name: action, exact: true }) });
    await expect(rowsOf("Offline gezet")).toContainText("Status: online");
    await expect(rowsOf("Offline gezet")).toContainText("Status: offline gezet");
    await expect(rowsOf("Offline gezet")).toContainText("Reden: Er zijn klachten binnengekomen");
    await expect(rowsOf("Offline gezet")).toContainText("Demo Medewerker");
    await expect(rowsOf("Controle aangevinkt")).toHaveCount(3);
    await expectAccessible(page);

    await page.getByLabel("Actie", { exact: true }).selectOption({ label: "Weer online gezet" });
    await page.getByRole("button", { name: "Filteren" }).click();
    await expect(page).toHaveURL(/actie=provider\.republish/);
    await expect(rowsOf("Offline gezet")).toHaveCount(0);
    await expect(rowsOf("Weer online gezet")).toHaveCount(1);

    await nav.getByRole("link", { name: "Medewerkers" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Medewerkers" })).toBeVisible();
    await expect(page.getByRole("cell", { name: STAFF.email })).toBeVisible();
    await expectAccessible(page);
    // A weak first password for a colleague is refused, with what was typed kept.
    await page.getByLabel("Naam van de nieuwe medewerker").fill("Piet Post");
    await page.getByLabel("E-mailadres", { exact: true }).fill("piet.post@viviumservices.nl");
    await page.getByLabel("Eerste wachtwoord").fill("wachtwoord");
    await submit(page, "Medewerker toevoegen");
    await expect(page.getByRole("alert")).toContainText("Eerste wachtwoord");
    await expect(page.getByLabel("Naam van de nieuwe medewerker")).toHaveValue("Piet Post");
    await expectAccessible(page);
  });
});
