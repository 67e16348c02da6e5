import fs from "node:fs/promises";
import path from "node:path";
import type { Browser, TestInfo } from "@playwright/test";
import { openDatabase, type AppDatabase } from "~/server/db.server";

/**
 * The e2e server's own database file, for what only staff can do (their
 * console comes later) and for checking what was stored. Playwright's
 * config puts the folder in E2E_DATA_DIR before the workers start.
 */
export function openServerDatabase(): AppDatabase {
  const dataDir = process.env.E2E_DATA_DIR;
  if (!dataDir) throw new Error("E2E_DATA_DIR is not set: run through playwright.config.ts");
  return openDatabase(path.join(dataDir, "vivium.sqlite"));
}

export function serverUploadsDir(): string {
  return path.join(process.env.E2E_DATA_DIR ?? "", "uploads");
}

/** The recording is made once per worker: every test uploads the same bytes under its own file name. */
let recording: Promise<Buffer> | undefined;

/**
 * A real, playable WebM of about a second, recorded by Chromium itself from
 * a drawn canvas (no camera, no ffmpeg), in a context with JavaScript on
 * whatever the test's own project is. Written to the test's output folder.
 */
export async function recordedWebm(browser: Browser, testInfo: TestInfo, name = "voorstelvideo.webm"): Promise<string> {
  recording ??= recordCanvas(browser).catch((error: unknown) => {
    recording = undefined;
    throw error;
  });
  const file = testInfo.outputPath(name);
  await fs.writeFile(file, await recording);
  return file;
}

async function recordCanvas(browser: Browser): Promise<Buffer> {
  const context = await browser.newContext({ javaScriptEnabled: true });
  try {
    const page = await context.newPage();
    await page.setContent("<canvas width='320' height='240'></canvas>");
    const base64 = await page.evaluate(async () => {
      const canvas = document.querySelector("canvas") as HTMLCanvasElement;
      const draw = canvas.getContext("2d") as CanvasRenderingContext2D;
      const stream = canvas.captureStream(15);
      const recorder = new MediaRecorder(stream, { mimeType: "video/webm;codecs=vp8" });
      const chunks: Blob[] = [];
      recorder.ondataavailable = (event) => chunks.push(event.data);
      const stopped = new Promise((resolve) => (recorder.onstop = resolve));
      let frame = 0;
      const timer = setInterval(() => {
        frame += 1;
        draw.fillStyle = frame % 2 ? "#0b4f6c" : "#f4f1ea";
        draw.fillRect(0, 0, 320, 240);
        draw.fillStyle = "#8a3b00";
        draw.fillRect((frame * 10) % 320, 100, 40, 40);
      }, 66);
      recorder.start(250);
      await new Promise((resolve) => setTimeout(resolve, 1200));
      recorder.stop();
      await stopped;
      clearInterval(timer);
      const bytes = new Uint8Array(await new Blob(chunks, { type: "video/webm" }).arrayBuffer());
      let binary = "";
      for (const byte of bytes) binary += String.fromCharCode(byte);
      return btoa(binary);
    });
    return Buffer.from(base64, "base64");
  } finally {
    await context.close();
  }
}

/** A text file named like a video: what a careless upload might be. */
export async function textNamedAsVideo(testInfo: TestInfo, name = "vakantie.webm"): Promise<string> {
  const file = testInfo.outputPath(name);
  await fs.writeFile(file, "Dit is geen video, maar een tekstbestand met de verkeerde naam.\n".repeat(10));
  return file;
}
