import { describe, expect, it } from "vitest";
import { CONTACT } from "~/domain/contact";
import { escapeHtml, renderMail } from "~/domain/mail/layout";

const hostile = `<script>alert("x")</script> & 'quotes'`;

describe("renderMail", () => {
  it("escapes every value it puts into the HTML", () => {
    const { html } = renderMail({
      preheader: hostile,
      heading: hostile,
      paragraphs: [hostile, ["Zie ", { label: hostile, url: `https://example.nl/?a=1&b="><img src=x onerror=alert(1)>` }]],
      button: { label: hostile, url: "https://example.nl/knop?x=<y>" },
      footerNote: hostile,
    });
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).toContain(escapeHtml(hostile));
    expect(html).toContain('href="https://example.nl/?a=1&amp;b=&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"');
    expect(html).toContain('href="https://example.nl/knop?x=&lt;y&gt;"');
  });

  it("puts the same content in the plain text, without markup", () => {
    const { text } = renderMail({
      preheader: "Voorproefje",
      heading: "Uw profiel staat online",
      paragraphs: ["Beste Bert,", ["Bekijk ", { label: "uw profiel", url: "https://vivium.test/p/bert" }, "."]],
      button: { label: "Naar uw omgeving", url: "https://vivium.test/backoffice" },
      footerNote: "U ontvangt dit bericht omdat u dienstverlener bent.",
    });
    expect(text).toContain("Uw profiel staat online\n=======================");
    expect(text).toContain("Beste Bert,");
    expect(text).toContain("Bekijk uw profiel (https://vivium.test/p/bert).");
    expect(text).toContain("Naar uw omgeving:\nhttps://vivium.test/backoffice");
    expect(text).toContain("U ontvangt dit bericht omdat u dienstverlener bent.");
    expect(text).not.toMatch(/<[a-z]/i);
  });

  it("shows the Vivium Services name and how to reach us in both parts", () => {
    const { text, html } = renderMail({ preheader: "p", heading: "Kop", paragraphs: ["Tekst"] });
    for (const part of [text, html]) {
      expect(part).toContain("Vivium Services");
      expect(part).toContain(CONTACT.phone);
      expect(part).toContain(CONTACT.email);
      expect(part).toContain(CONTACT.hours);
    }
    expect(html).toContain(`href="${CONTACT.phoneHref}"`);
    expect(html).toContain(`href="mailto:${CONTACT.email}"`);
  });

  it("uses large text throughout the HTML: nothing under 18px", () => {
    const { html } = renderMail({
      preheader: "p",
      heading: "Kop",
      paragraphs: ["Tekst"],
      button: { label: "Knop", url: "https://vivium.test/" },
      footerNote: "Kleine lettertjes",
    });
    const sizes = [...html.matchAll(/font-size:(\d+)px/g)].map((match) => Number(match[1]));
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(18);
  });

  it("turns line breaks within a paragraph into <br> in the HTML only", () => {
    const { text, html } = renderMail({ preheader: "p", heading: "Kop", paragraphs: ["Met vriendelijke groet,\nHet team"] });
    expect(html).toContain("Met vriendelijke groet,<br>\nHet team");
    expect(text).toContain("Met vriendelijke groet,\nHet team");
  });

  it("offers the button's address as text too, for mail apps that hide buttons", () => {
    const { html } = renderMail({ preheader: "p", heading: "Kop", paragraphs: [], button: { label: "Knop", url: "https://vivium.test/a" } });
    expect(html).toContain("Kopieer dan dit adres in uw browser");
    expect(html.match(/href="https:\/\/vivium\.test\/a"/g)).toHaveLength(2);
  });

  it.each(["javascript:alert(1)", "data:text/html,<b>x</b>", "/relatief/pad", "vbscript:x"])("refuses the link %s", (url) => {
    expect(() => renderMail({ preheader: "p", heading: "Kop", paragraphs: [], button: { label: "Knop", url } })).toThrow(TypeError);
    expect(() => renderMail({ preheader: "p", heading: "Kop", paragraphs: [[{ label: "hier", url }]] })).toThrow(TypeError);
  });
});
