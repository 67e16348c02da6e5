import { describe, expect, it } from "vitest";
import { facetCounts, filterValues, matches, parseStaffProviderFilters, type ProviderFacts } from "./staff-filters";

const facts = (overrides: Partial<ProviderFacts> = {}): ProviderFacts => ({
  status: "live",
  pausedNow: false,
  paidPayments: 1,
  openPayments: 0,
  anyPayments: 1,
  checks: 0,
  checkCount: 4,
  packageKey: null,
  categoryIds: [3],
  overdueRequests: 0,
  contacted: false,
  pendingVideo: false,
  approvedVideo: false,
  ...overrides,
});

describe("staff provider filters", () => {
  it("maps a provider's facts to filter values", () => {
    expect(filterValues("status", facts({ status: "draft" }))).toEqual(["wizard"]);
    expect(filterValues("status", facts({ pausedNow: true }))).toEqual(["paused"]);
    expect(filterValues("payment", facts({ paidPayments: 0, openPayments: 0, anyPayments: 0 }))).toEqual(["none"]);
    expect(filterValues("payment", facts({ openPayments: 1, anyPayments: 2 }))).toEqual(["paid", "open"]);
    expect(filterValues("verification", facts({ checks: 2 }))).toEqual(["partial"]);
    expect(filterValues("verification", facts({ checks: 4 }))).toEqual(["complete"]);
    expect(filterValues("package", facts({ packageKey: "plus" }))).toEqual(["plus"]);
    expect(filterValues("overdue", facts({ overdueRequests: 2 }))).toEqual(["yes"]);
    expect(filterValues("video", facts({ pendingVideo: true, approvedVideo: true }))).toEqual(["pending", "approved"]);
  });

  it("counts each filter's values among providers matching the other filters", () => {
    const all = [facts(), facts({ status: "suspended" }), facts({ checks: 4, categoryIds: [5] }), facts({ status: "draft", anyPayments: 0, paidPayments: 0 })];
    const counts = facetCounts(all, { q: "", status: "live" });
    // The status facet ignores the status filter itself…
    expect(Object.fromEntries(counts.status)).toEqual({ live: 2, suspended: 1, wizard: 1 });
    // …the others count only the live ones.
    expect(Object.fromEntries(counts.verification)).toEqual({ none: 1, complete: 1 });
    expect(Object.fromEntries(counts.category)).toEqual({ "3": 1, "5": 1 });
    expect(all.filter((f) => matches(f, { q: "", status: "live", verification: "complete" }))).toHaveLength(1);
  });

  it("drops unknown filter values from the query string", () => {
    const filters = parseStaffProviderFilters(new URLSearchParams("q=%20Bert%20&status=live&payment=gratis&category=12&package=plus&overdue=yes&category=x"));
    expect(filters).toEqual({ q: "Bert", status: "live", payment: undefined, verification: undefined, package: "plus", category: "12", overdue: "yes", call: undefined, video: undefined });
    expect(parseStaffProviderFilters(new URLSearchParams("category=drop%20table")).category).toBeUndefined();
  });
});
