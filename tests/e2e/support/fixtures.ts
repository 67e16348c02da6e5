import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { test as base, expect, type Page } from "@playwright/test";
import type { AxeResults, RunOptions } from "axe-core";

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

type Violations = AxeResults["violations"];

type Fixtures = {
  /** True in the project that runs with JavaScript switched off. */
  noJs: boolean;
  /** Runs axe (WCAG 2.2 AA) on the page as it is now and fails on any violation. */
  expectAccessible: (page: Page) => Promise<void>;
};

type WorkerFixtures = {
  /** The page states that passed already in this run, in any worker of either project: the same markup gives the same axe result. */
  scannedStates: { has: (state: string) => boolean; add: (state: string) => void };
  /** One page per worker, with axe loaded once, that scans a copy of what a test's page shows. */
  axeScanner: { scan: (markup: string) => Promise<Violations> };
};

/** The page's markup without its scripts: axe checks what is shown, and the site's code must not run a second time. */
function withoutScripts(html: string): string {
  return html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "");
}

/**
 * What makes two page states the same for axe: the markup it scans, without
 * the parts that differ per response but never change what axe checks (the
 * CSP nonce, hidden inputs' values such as tokens). A page that looks the same
 * with and without JavaScript is one state, scanned once.
 */
function fingerprint(url: string, markup: string): string {
  const stable = markup.replace(/ nonce="[^"]*"/g, "").replace(/(<input[^>]*type="hidden"[^>]*value=")[^"]*"/g, '$1"');
  return createHash("sha1").update(new URL(url).pathname).update("\0").update(stable).digest("hex");
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  noJs: async ({ javaScriptEnabled }, use) => {
    await use(!javaScriptEnabled);
  },
  scannedStates: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      // A folder the config made for this run, one empty file per state that passed, shared by the
      // workers of both projects. Without it (a spec run outside the config) each worker keeps its own.
      const dir = process.env.E2E_AXE_STATES;
      const seen = new Set<string>();
      await use({
        has: (state) => seen.has(state) || (dir !== undefined && fs.existsSync(path.join(dir, state))),
        add: (state) => {
          seen.add(state);
          if (dir !== undefined) fs.writeFileSync(path.join(dir, state), "");
        },
      });
    },
    { scope: "worker" },
  ],
  axeScanner: [
    // Loading axe (half a megabyte of script) into every page it checks cost about two seconds a
    // call. Here it is loaded once per worker: the scanner page stays on one address of the site,
    // and each scan replaces only its document (`setContent` keeps the window, and axe with it), so
    // the site's stylesheets and images load as usual and colour contrast is measured for real.
    async ({ browser }, use) => {
      const context = await browser.newContext({ javaScriptEnabled: true, locale: "nl-NL" });
      // The server playwright.config.ts started (baseURL is a per-test option, not a worker's).
      const home = `http://127.0.0.1:${process.env.E2E_PORT}/__axe-scanner`;
      const scannerPage = async () => {
        const opened = await context.newPage();
        await opened.route(home, (route) => route.fulfill({ contentType: "text/html; charset=utf-8", body: "<!doctype html><title>axe</title>" }));
        await opened.goto(home);
        // Without a route the browser's own cache serves the stylesheets again for every scan.
        await opened.unrouteAll();
        return opened;
      };
      const reused = await scannerPage();
      const scanIn = async (page: Page, markup: string): Promise<Violations> => {
        await page.setContent(markup, { waitUntil: "load" });
        if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(AXE_SOURCE);
        // Only the violations come back: the passes and their nodes are most of axe's answer.
        const violations = await page.evaluate(async (tags) => {
          const axe = (window as unknown as { axe: { run: (context: Document, options: RunOptions) => Promise<AxeResults> } }).axe;
          const results = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
          // axe flags a scroll box only when this page's data makes it overflow, so a suite run
          // would pass or fail by chance. Every box that can scroll sideways must be a named,
          // focusable region whether or not it overflows now.
          const unreachable = [...document.body.querySelectorAll<HTMLElement>("*")].filter((element) => {
            // Form fields and a listbox (the place suggestions) are operated by keyboard already.
            if (["TEXTAREA", "SELECT", "INPUT"].includes(element.tagName) || element.getAttribute("role") === "listbox") return false;
            const overflow = getComputedStyle(element).overflowX;
            if (overflow !== "auto" && overflow !== "scroll") return false;
            const named = element.hasAttribute("aria-label") || element.hasAttribute("aria-labelledby");
            return !(element.tabIndex === 0 && element.getAttribute("role") === "region" && named);
          });
          if (unreachable.length === 0) return results.violations;
          const box = {
            id: "scroll-box-keyboard",
            impact: "serious",
            help: "A box that can scroll sideways needs tabindex=0, role=region and a name",
            nodes: unreachable.map((element) => ({ target: [element.outerHTML.slice(0, 120)] })),
          };
          return [...results.violations, box as unknown as (typeof results.violations)[number]];
        }, WCAG_TAGS);
        return [...violations, ...(await sidewaysScrolling(page))];
      };
      await use({
        scan: async (markup) => {
          const found = await scanIn(reused, markup);
          if (found.length === 0) return found;
          // The same markup again in a page of its own, axe loaded afresh: what it finds there is the
          // page's fault. A window that has run axe over many documents once lost a label's link to its
          // field (label on #hasWorkAddress-ja, seen once in CI, never again on that markup).
          const fresh = await scannerPage();
          try {
            return await scanIn(fresh, markup);
          } finally {
            await fresh.close();
          }
        },
      });
      await context.close();
    },
    { scope: "worker" },
  ],
  expectAccessible: async ({ scannedStates, axeScanner }, use) => {
    // With JavaScript on or off, what axe checks is the document the test's page shows at this
    // moment (after a POST with errors, after a script changed it): its markup, scanned in the
    // worker's scanner page, where the site's stylesheets apply but its scripts do not run again.
    await use(async (page: Page) => {
      const markup = withoutScripts(await page.content());
      const url = page.url();
      const state = fingerprint(url, markup);
      // This exact page state passed already in this run: axe would say the same again.
      if (scannedStates.has(state)) return;
      report(await axeScanner.scan(markup), url);
      scannedStates.add(state);
    });
  },
});

/**
 * Phone widths: 390 px (a common phone) and 320 px (a small phone, and a
 * 640 px window at 200% zoom). At each the page must not scroll sideways;
 * a box of its own that scrolls (a wide table in a named region) may.
 */
const PHONE_WIDTHS = [390, 320];
const DESKTOP = { width: 1280, height: 720 };

async function sidewaysScrolling(page: Page): Promise<Violations> {
  const found: Violations = [];
  try {
    for (const width of PHONE_WIDTHS) {
      await page.setViewportSize({ width, height: 844 });
      const widest = await page.evaluate(() => {
        const root = document.documentElement;
        if (root.scrollWidth <= root.clientWidth) return null;
        const edge = root.clientWidth;
        /** Whether `from` or a box around it keeps what it holds inside (scrolls or clips); text also in an absolute box (.visually-hidden). */
        const contained = (from: HTMLElement | null, { text }: { text: boolean }) => {
          for (let box = from; box; box = box.parentElement) {
            const style = getComputedStyle(box);
            if (["auto", "scroll", "hidden", "clip"].includes(style.overflowX) || (text && style.position === "absolute")) return true;
          }
          return false;
        };
        // The innermost elements that reach past the right edge, leaving out those inside a box of their own.
        const culprits = [...document.body.querySelectorAll<HTMLElement>("*")].filter(
          (element) => element.getBoundingClientRect().right > edge + 0.5 && !contained(element.parentElement, { text: false }),
        );
        // Text can reach past the edge while its box does not (a long word, a line that may not wrap).
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const parent = node.parentElement;
          if (!parent || culprits.includes(parent)) continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          if (range.getBoundingClientRect().right > edge + 0.5 && !contained(parent, { text: true })) culprits.push(parent);
        }
        const innermost = culprits.filter((element) => !culprits.some((other) => other !== element && element.contains(other)));
        return { scrollWidth: root.scrollWidth, elements: innermost.slice(0, 5).map((element) => element.outerHTML.slice(0, 160)) };
      });
      if (widest) {
        found.push({
          id: `page-scrolls-sideways-${width}`,
          impact: "serious",
          help: `At ${width} px wide the page is ${widest.scrollWidth} px wide`,
          nodes: widest.elements.map((html) => ({ target: [html] })),
        } as unknown as Violations[number]);
      }
    }
  } finally {
    await page.setViewportSize(DESKTOP);
  }
  return found;
}

function report(violations: Violations, url: string) {
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`);
  expect(summary, `axe violations on ${url}`).toEqual([]);
}

export { expect };
