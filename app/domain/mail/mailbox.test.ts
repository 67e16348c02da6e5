import { describe, expect, it } from "vitest";
import { formatAmsterdamDateTime, linksInText, moveInlineStyles } from "~/domain/mail/mailbox";
import { providerLiveMail } from "~/domain/mail/templates";

describe("moveInlineStyles", () => {
  it("replaces every style attribute by a rule in the stylesheet, and links it", () => {
    const { html, css } = moveInlineStyles(
      `<html><head><title>t</title></head><body style="margin:0"><p style="color:#111;font-family:&quot;Open Sans&quot;, Arial">a</p><p style='margin:0'>b</p></body></html>`,
      "/dev/mail/7/styles.css",
    );
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).toContain('<link rel="stylesheet" href="/dev/mail/7/styles.css"></head>');
    expect(html).toContain('<body data-preview-style="0">');
    expect(html).toContain('<p data-preview-style="1">a</p>');
    // The same declarations share a rule.
    expect(html).toContain('<p data-preview-style="0">b</p>');
    expect(css).toBe(`[data-preview-style="0"] { margin:0 }\n[data-preview-style="1"] { color:#111;font-family:"Open Sans", Arial }\n`);
  });

  it("moves <style> elements too", () => {
    const { html, css } = moveInlineStyles("<head><style>p { color: red }</style></head><p>x</p>", "/s.css");
    expect(html).toBe('<head><link rel="stylesheet" href="/s.css"></head><p>x</p>');
    expect(css).toBe("p { color: red }\n");
  });

  it("leaves text that merely mentions style= alone", () => {
    const { html } = moveInlineStyles("<p>schrijf style=&quot;x&quot; niet</p>", "/s.css");
    expect(html).toContain("<p>schrijf style=&quot;x&quot; niet</p>");
  });

  it("keeps all styling of a real e-mail", () => {
    const original = providerLiveMail({ firstName: "Bert", profileUrl: "https://vivium.test/p", backofficeUrl: "https://vivium.test/b" }).html;
    const { html, css } = moveInlineStyles(original, "/s.css");
    expect(html.match(/data-preview-style=/g)).toHaveLength(original.match(/ style=/g)?.length ?? -1);
    expect(css).toContain("font-size:18px");
    expect(html).toContain("Beste Bert,");
  });
});

describe("formatAmsterdamDateTime", () => {
  it("shows Dutch time in Dutch, summer and winter", () => {
    expect(formatAmsterdamDateTime("2026-07-01T08:05:03.000Z")).toBe("1 juli 2026 om 10:05:03");
    expect(formatAmsterdamDateTime("2026-01-15T23:30:00.000Z")).toBe("16 januari 2026 om 00:30:00");
  });

  it("shows anything that is not a date as it is", () => {
    expect(formatAmsterdamDateTime("gisteren")).toBe("gisteren");
  });
});

describe("linksInText", () => {
  it("finds each web address once, without the punctuation after it", () => {
    const text = "Kijk op https://vivium.test/p/bert. Of https://vivium.test/backoffice?x=1, en nog eens https://vivium.test/p/bert";
    expect(linksInText(text)).toEqual(["https://vivium.test/p/bert", "https://vivium.test/backoffice?x=1"]);
  });
});
