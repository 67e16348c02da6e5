import { retryWhenBusy } from "~/server/db.server";
import { approveVideo, rejectVideo } from "~/server/videos.server";
import { expect, test } from "./support/fixtures";
import { chooseAtCheckout, signedInAtBetaling, startIdealPayment } from "./support/payment";
import { fillAanmelding, submit, uniqueEmail } from "./support/signup";
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from "./support/chromium";
import { openServerDatabase, recordedWebm, serverUploadsDir, textNamedAsVideo } from "./support/video";

// Chromium's stand-ins for a camera and its permission prompt, for the recorder
// journey. A file-level option (it needs its own browser), so it starts from the
// projects' executable and flags; other spec files are not affected.
test.use({
  launchOptions: {
    executablePath: CHROMIUM_EXECUTABLE,
    args: [...CHROMIUM_ARGS, "--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream"],
  },
});

/** The provider's database row, found by the unique last name the journey signed up with. */
async function providerByLastName(lastName: string) {
  const database = openServerDatabase();
  try {
    return await database.db.selectFrom("providers").select(["id", "slug"]).where("last_name", "=", lastName).executeTakeFirstOrThrow();
  } finally {
    await database.close();
  }
}

async function videosOf(providerId: number) {
  const database = openServerDatabase();
  try {
    return await database.db.selectFrom("provider_videos").selectAll().where("provider_id", "=", providerId).execute();
  } finally {
    await database.close();
  }
}

test.describe("the introduction video", () => {
  test.describe.configure({ timeout: 120_000 });

  test("a provider uploads a recorded file, it waits for approval, and once approved it is on the profile", async ({
    page,
    browser,
    expectAccessible,
  }, testInfo) => {
    const { lastName } = await signedInAtBetaling(page, "Bert");
    await startIdealPayment(page);
    await chooseAtCheckout(page, "Betaald");
    await expect(page).toHaveURL(/\/aanmelden\/voltooiing$/);
    const provider = await providerByLastName(lastName);
    const webm = await recordedWebm(browser, testInfo);

    await page.goto("/backoffice");
    await page.getByRole("navigation", { name: "Mijn omgeving" }).getByRole("link", { name: "Voorstelvideo" }).click();
    await expect(page).toHaveURL(/\/backoffice\/video$/);
    await expect(page.getByRole("heading", { level: 1, name: "Uw voorstelvideo" })).toBeVisible();
    await expect(page.getByText("U heeft nog geen voorstelvideo.")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Wat vertelt u in uw video?" })).toBeVisible();
    await expectAccessible(page);

    // Not a video, whatever its name says: refused, and nothing is stored.
    await page.getByLabel("Videobestand (WebM of MP4)").setInputFiles(await textNamedAsVideo(testInfo));
    await submit(page, "Video versturen");
    await expect(page.getByRole("alert")).toContainText("Dit bestand is geen WebM- of MP4-video");
    await expectAccessible(page);
    expect(await videosOf(provider.id)).toEqual([]);

    await page.getByLabel("Videobestand (WebM of MP4)").setInputFiles(webm);
    await submit(page, "Video versturen");
    await expect(page).toHaveURL(/\/backoffice\/video\?opgeslagen=1$/);
    await expect(page.getByRole("heading", { name: "Uw nieuwe video wacht op goedkeuring" })).toBeVisible();
    await expectAccessible(page);
    const [stored] = await videosOf(provider.id);
    expect(stored).toMatchObject({ status: "pending", content_type: "video/webm", source: "uploaded" });
    const src = `/video/${stored?.id}`;
    await expect(page.locator(`video source[src="${src}"]`)).toHaveCount(1);

    // The provider's preview can be scrubbed; nobody else sees the video yet.
    const part = await page.request.get(src, { headers: { Range: "bytes=0-99" } });
    expect(part.status()).toBe(206);
    expect(part.headers()["content-range"]).toMatch(/^bytes 0-99\/\d+$/);
    expect((await part.body()).subarray(0, 4)).toEqual(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]));
    const anonymous = await browser.newContext();
    expect((await anonymous.request.get(src)).status()).toBe(404);

    const profileUrl = `/dienstverlener/${provider.slug}`;
    await page.goto(profileUrl);
    await expect(page.getByRole("heading", { level: 2, name: "Introductievideo" })).toHaveCount(0);
    await expect(page.getByRole("region", { name: "Gezien door Vivium Services" })).not.toContainText("Introductievideo");

    // Staff approve (their console comes later; this is the function it will call).
    const database = openServerDatabase();
    try {
      // This second connection writes while the server may be writing too: retried as the helpers are.
      expect(await retryWhenBusy(() => approveVideo(database.db, provider.id, "E2E Staf", serverUploadsDir()))).toBe(true);
    } finally {
      await database.close();
    }

    await page.goto(profileUrl);
    await expect(page.getByRole("heading", { level: 2, name: "Introductievideo" })).toBeVisible();
    const video = page.locator("video.profile__video");
    await expect(video).toHaveAttribute("preload", "metadata");
    await expect(video.locator("source")).toHaveAttribute("src", src);
    await expect(page.getByRole("region", { name: "Gezien door Vivium Services" })).toContainText("Introductievideo");
    await expectAccessible(page);
    expect((await anonymous.request.get(src, { headers: { Range: "bytes=10-" } })).status()).toBe(206);
    await anonymous.close();

    await page.goto("/backoffice/video");
    await expect(page.getByRole("heading", { name: "Uw video staat op uw profiel" })).toBeVisible();
  });

  test("a rejected video shows the reason, and a new upload waits for approval again", async ({ page, browser, expectAccessible }, testInfo) => {
    const email = uniqueEmail("videoafgekeurd");
    await fillAanmelding(page, { firstName: "Truus", email });
    await page.goto("/backoffice/video");
    await page.getByLabel("Videobestand (WebM of MP4)").setInputFiles(await recordedWebm(browser, testInfo));
    await submit(page, "Video versturen");
    await expect(page.getByRole("heading", { name: "Uw nieuwe video wacht op goedkeuring" })).toBeVisible();

    const database = openServerDatabase();
    try {
      const provider = await database.db.selectFrom("providers").select("id").where("email", "=", email).executeTakeFirstOrThrow();
      expect(await retryWhenBusy(() => rejectVideo(database.db, provider.id, "Er staat een telefoonnummer in beeld."))).toBe(true);
    } finally {
      await database.close();
    }
    await page.goto("/backoffice/video");
    await expect(page.getByRole("heading", { name: "Uw nieuwe video is niet goedgekeurd" })).toBeVisible();
    await expect(page.getByText("De reden: Er staat een telefoonnummer in beeld.")).toBeVisible();
    await expectAccessible(page);

    await page.getByLabel("Videobestand (WebM of MP4)").setInputFiles(await recordedWebm(browser, testInfo, "tweede-poging.webm"));
    await submit(page, "Video versturen");
    await expect(page.getByRole("heading", { name: "Uw nieuwe video wacht op goedkeuring" })).toBeVisible();
    await expect(page.getByText("De reden:")).toHaveCount(0);
  });

  test("the recorder counts down, records until the space bar, shows the recording and saves it", async ({ page, noJs, expectAccessible }) => {
    test.skip(noJs, "recording needs JavaScript; without it the upload form is the way");
    // A new account is enough: the backoffice is open from the first signup step on.
    await fillAanmelding(page, { firstName: "Riet", email: uniqueEmail("recorder") });
    await page.goto("/backoffice/video");
    await expect(page.getByRole("heading", { level: 1, name: "Uw voorstelvideo" })).toBeVisible();

    await page.getByRole("button", { name: "Start opname" }).click();
    // A big number on screen, and the same count for screen readers, politely.
    await expect(page.locator(".recorder__countdown")).toHaveText(/^[1-5]$/);
    await expect(page.getByText(/^De opname begint over [1-5] seconden$/)).toBeVisible();
    await expect(page.locator("[aria-live=polite]")).toHaveText(/^(De opname begint over 5 seconden\.|[1-4])$/);
    const stop = page.getByRole("button", { name: "Stop opname (spatiebalk)" });
    await expect(stop).toBeVisible({ timeout: 8_000 });
    await expect(page.getByText(/Opname loopt — nog \d:\d\d/)).toBeVisible();
    await expect(page.locator("[aria-live=polite]")).toContainText("De opname is begonnen");
    await page.waitForTimeout(2_000);
    await page.keyboard.press("Space");

    await expect(page.getByRole("heading", { name: "Uw opname" })).toBeVisible();
    const playback = page.locator("video.recorder__playback");
    await expect(playback).toHaveAttribute("src", /^blob:/);
    await expectAccessible(page);

    // Again, stopped with the button this time.
    await page.getByRole("button", { name: "Opnieuw opnemen" }).click();
    await expect(stop).toBeVisible({ timeout: 8_000 });
    await page.waitForTimeout(1_500);
    await stop.click();
    await expect(page.getByRole("heading", { name: "Uw opname" })).toBeVisible();

    await page.getByRole("button", { name: "Opslaan" }).click();
    await expect(page.getByRole("heading", { name: "Uw nieuwe video wacht op goedkeuring" })).toBeVisible();
    await expect(page.getByText("Uw video is opgeslagen.")).toBeVisible();
    await expectAccessible(page);

    const src = await page.locator(".video-box video source").getAttribute("src");
    expect(src).toMatch(/^\/video\/[0-9a-f]{32}$/);
    const database = openServerDatabase();
    try {
      const row = await database.db.selectFrom("provider_videos").selectAll().where("id", "=", src?.slice("/video/".length) ?? "").executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: "pending", source: "recorded", content_type: "video/webm" });
      expect(row.byte_size).toBeGreaterThan(1000);
    } finally {
      await database.close();
    }
    const saved = await page.request.get(src ?? "", { headers: { Range: "bytes=0-3" } });
    expect(saved.status()).toBe(206);
    expect(await saved.body()).toEqual(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]));
  });

  test("the recorder explains what to do when camera access is refused", async ({ page, noJs }) => {
    test.skip(noJs, "recording needs JavaScript");
    await page.addInitScript(() => {
      navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException("Permission denied", "NotAllowedError"));
    });
    await fillAanmelding(page, { firstName: "Kees", email: uniqueEmail("geweigerd") });
    await page.goto("/backoffice/video");
    await page.getByRole("button", { name: "Start opname" }).click();
    await expect(page.getByRole("alert")).toContainText("geen toestemming");
    await expect(page.getByRole("alert")).toContainText("er is niets opgenomen");
    await expect(page.getByRole("button", { name: "Opnieuw proberen" })).toBeVisible();
    await expect(page.getByLabel("Videobestand (WebM of MP4)")).toBeVisible();
  });

  test("'De video tool werkt niet' sends a report with browser details to staff", async ({ page, noJs, expectAccessible }) => {
    const email = uniqueEmail("videoprobleem");
    await fillAanmelding(page, { firstName: "Anja", email });
    await page.goto("/backoffice/video");
    await page.getByRole("link", { name: "De video tool werkt niet" }).click();
    await expect(page).toHaveURL(/\/backoffice\/video\/probleem$/);
    await expect(page.getByRole("heading", { level: 1, name: "De video tool werkt niet" })).toBeVisible();
    await expect(page.locator(".video-report__details")).toContainText("Chrome");
    await expectAccessible(page);

    await submit(page, "Melding versturen");
    await expect(page.getByRole("alert")).toContainText("Vertel ons in een paar woorden wat er misging");
    await expectAccessible(page);

    await page.getByLabel("Wat ging er mis?").fill("Na het klikken op Start opname blijft het beeld zwart.");
    await submit(page, "Melding versturen");
    await expect(page.getByRole("heading", { level: 1, name: "Bedankt voor uw melding" })).toBeVisible();
    await expectAccessible(page);

    const database = openServerDatabase();
    try {
      const provider = await database.db.selectFrom("providers").select("id").where("email", "=", email).executeTakeFirstOrThrow();
      const report = await database.db.selectFrom("video_tool_reports").selectAll().where("provider_id", "=", provider.id).executeTakeFirstOrThrow();
      expect(report).toMatchObject({ description: "Na het klikken op Start opname blijft het beeld zwart.", status: "nieuw" });
      expect(report.user_agent).toContain("Chrome");
      if (noJs) expect(report.client_details).toBeNull();
      else expect(report.client_details).toContain("MediaRecorder");
      const mail = await database.db.selectFrom("outbox_messages").selectAll().where("dedupe_key", "=", `video-tool-report:${report.id}`).executeTakeFirstOrThrow();
      expect(mail.text_body).toContain("Na het klikken op Start opname blijft het beeld zwart.");
    } finally {
      await database.close();
    }
  });
});
