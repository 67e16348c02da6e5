import { describe, expect, it } from "vitest";
import { invitesReview, isOpen, isOverdue, OUTCOME_LABELS, transition } from "./contact-request-status";

describe("contact request status rules", () => {
  it("allows new → in behandeling → afgehandeld", () => {
    expect(transition("new", { to: "in_progress" })).toEqual({ ok: true, status: "in_progress", outcome: null });
    expect(transition("in_progress", { to: "handled", outcome: "appointment" })).toEqual({ ok: true, status: "handled", outcome: "appointment" });
  });

  it("allows new → afgehandeld directly, with either outcome", () => {
    expect(transition("new", { to: "handled", outcome: "no_appointment" })).toEqual({ ok: true, status: "handled", outcome: "no_appointment" });
    expect(transition("new", { to: "handled", outcome: "appointment" })).toEqual({ ok: true, status: "handled", outcome: "appointment" });
  });

  it("keeps afgehandeld final", () => {
    expect(transition("handled", { to: "in_progress" })).toEqual({ ok: false, reason: "already-handled" });
    expect(transition("handled", { to: "handled", outcome: "appointment" })).toEqual({ ok: false, reason: "already-handled" });
  });

  it("does not set in behandeling twice", () => {
    expect(transition("in_progress", { to: "in_progress" })).toEqual({ ok: false, reason: "already-in-progress" });
  });

  it("requires an outcome for afgehandeld", () => {
    expect(transition("new", { to: "handled", outcome: null })).toEqual({ ok: false, reason: "outcome-required" });
    expect(transition("in_progress", { to: "handled", outcome: undefined })).toEqual({ ok: false, reason: "outcome-required" });
    expect(transition("in_progress", { to: "handled", outcome: "maybe" as never })).toEqual({ ok: false, reason: "outcome-required" });
  });

  it("calls new and in behandeling open, afgehandeld not", () => {
    expect(isOpen("new")).toBe(true);
    expect(isOpen("in_progress")).toBe(true);
    expect(isOpen("handled")).toBe(false);
  });

  it("calls a new request overdue from its deadline on, and an answered one never", () => {
    const deadlineAt = "2026-03-04T16:00:00.000Z";
    expect(isOverdue({ status: "new", deadlineAt }, new Date("2026-03-04T15:59:59.999Z"))).toBe(false);
    expect(isOverdue({ status: "new", deadlineAt }, new Date(deadlineAt))).toBe(true);
    expect(isOverdue({ status: "in_progress", deadlineAt }, new Date("2026-03-10T00:00:00Z"))).toBe(false);
    expect(isOverdue({ status: "handled", deadlineAt }, new Date("2026-03-10T00:00:00Z"))).toBe(false);
  });
});

describe("dates on request pages and in e-mails", () => {
  it("shows Dutch time with the weekday, across daylight saving", async () => {
    const { formatDay, formatMoment } = await import("./contact-request-status");
    expect(formatMoment("2026-03-04T16:00:00.000Z")).toBe("woensdag 4 maart 2026 om 17:00");
    expect(formatMoment("2026-07-01T16:00:00.000Z")).toBe("woensdag 1 juli 2026 om 18:00");
    expect(formatDay("2026-03-04T23:30:00.000Z")).toBe("5 maart 2026");
  });
});

describe("invitesReview", () => {
  it("asks only a customer who was helped for a review, not one who was not", () => {
    expect(invitesReview("appointment")).toBe(true);
    expect(invitesReview("no_appointment")).toBe(false);
  });

  it("calls the outcomes geholpen and niet geholpen", () => {
    expect(OUTCOME_LABELS).toEqual({ appointment: "Geholpen", no_appointment: "Niet geholpen" });
  });
});
