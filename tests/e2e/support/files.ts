import fs from "node:fs/promises";
import type { TestInfo } from "@playwright/test";
import sharp from "sharp";
import { minimalPdf } from "../../support/minimal-pdf";

/**
 * Upload fixtures, made at test time in the test's own output folder so no
 * binary file lives in the repository.
 */

export const PORTRAIT_WIDTH = 1200;
export const PORTRAIT_HEIGHT = 1500;

/**
 * A 1200 × 1500 portrait JPEG: white background, a "face" at a third of the
 * height, a blue "jumper" and a coloured block in each corner, so that any
 * crop is plainly visible.
 */
export async function portraitJpeg(testInfo: TestInfo, name = "portret.jpg"): Promise<string> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${PORTRAIT_WIDTH}" height="${PORTRAIT_HEIGHT}">
    <rect width="100%" height="100%" fill="#ffffff"/>
    <rect x="0" y="0" width="300" height="300" fill="#d62828"/>
    <rect x="900" y="0" width="300" height="300" fill="#2a9d8f"/>
    <rect x="0" y="1200" width="300" height="300" fill="#f4a261"/>
    <rect x="900" y="1200" width="300" height="300" fill="#6a4c93"/>
    <ellipse cx="600" cy="500" rx="200" ry="250" fill="#e9c46a"/>
    <rect x="300" y="800" width="600" height="700" fill="#1d3557"/>
  </svg>`;
  const file = testInfo.outputPath(name);
  await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toFile(file);
  return file;
}

/** A small PNG: a real image, but not a PDF (used renamed to .pdf). */
export async function smallPng(testInfo: TestInfo, name: string): Promise<string> {
  const file = testInfo.outputPath(name);
  await sharp({ create: { width: 400, height: 500, channels: 3, background: "#2a9d8f" } }).png().toFile(file);
  return file;
}

/** A plain text file with an image's name: what the browser may call a JPEG, but is none. */
export async function textRenamedAsJpeg(testInfo: TestInfo, name = "vakantiefoto.jpg"): Promise<string> {
  const file = testInfo.outputPath(name);
  await fs.writeFile(file, "Dit is geen foto, maar een tekstbestand met de verkeerde naam.\n");
  return file;
}

/** A minimal but valid one-page PDF: header, objects, cross-reference table, trailer and %%EOF. */
export async function pricePdf(testInfo: TestInfo, name = "prijslijst-thuishulp.pdf"): Promise<string> {
  const body = minimalPdf("Prijslijst Thuishulp");
  const file = testInfo.outputPath(name);
  await fs.writeFile(file, body, "latin1");
  return file;
}
