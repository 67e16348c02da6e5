/**
 * The filters of the provider list in /beheer/dienstverleners: their values,
 * Dutch labels, and how a provider's facts map to them. Pure, so the list
 * and its counts per filter value are computed the same way everywhere.
 */
import { PACKAGES } from "./packages";

export const STATUS_FILTER = [
  { value: "wizard", label: "In de aanmelding" },
  { value: "awaiting_payment", label: "Wacht op betaling" },
  { value: "live", label: "Online" },
  { value: "paused", label: "Gepauzeerd" },
  { value: "suspended", label: "Offline gezet" },
] as const;

export const PAYMENT_FILTER = [
  { value: "paid", label: "Betaald" },
  { value: "open", label: "Openstaand" },
  { value: "none", label: "Geen betaling" },
] as const;

export const VERIFICATION_FILTER = [
  { value: "none", label: "Nog niets gecontroleerd" },
  { value: "partial", label: "Deels gecontroleerd" },
  { value: "complete", label: "Alles gecontroleerd" },
] as const;

export const PACKAGE_FILTER = [{ value: "none", label: "Geen pakket" }, ...PACKAGES.map((p) => ({ value: p.key, label: p.name }))] as const;

export const OVERDUE_FILTER = [
  { value: "yes", label: "Heeft te late aanvragen" },
  { value: "no", label: "Geen te late aanvragen" },
] as const;

export const CALL_FILTER = [
  { value: "todo", label: "Nog niet gebeld" },
  { value: "done", label: "Gebeld of gezien" },
] as const;

export const VIDEO_FILTER = [
  { value: "pending", label: "Wacht op goedkeuring" },
  { value: "approved", label: "Goedgekeurd" },
  { value: "none", label: "Geen video" },
] as const;

export type FilterKey = "status" | "payment" | "verification" | "package" | "category" | "overdue" | "call" | "video";
export type StaffProviderFilters = { q: string } & Partial<Record<FilterKey, string>>;

/** What the list knows of each provider, enough to decide every filter. */
export type ProviderFacts = {
  status: string;
  pausedNow: boolean;
  paidPayments: number;
  openPayments: number;
  anyPayments: number;
  checks: number;
  checkCount: number;
  packageKey: string | null;
  categoryIds: number[];
  overdueRequests: number;
  /** Intake notes written, or "persoonlijk gezien" ticked: staff have been in touch. */
  contacted: boolean;
  pendingVideo: boolean;
  approvedVideo: boolean;
};

export function statusValue(facts: Pick<ProviderFacts, "status" | "pausedNow">): string {
  if (facts.status === "draft") return "wizard";
  if (facts.status === "live" && facts.pausedNow) return "paused";
  return facts.status;
}

/** The values of one filter a provider has; a provider can be both "paid" and "open". */
export function filterValues(key: FilterKey, facts: ProviderFacts): string[] {
  switch (key) {
    case "status":
      return [statusValue(facts)];
    case "payment": {
      const values: string[] = [];
      if (facts.paidPayments > 0) values.push("paid");
      if (facts.openPayments > 0) values.push("open");
      if (facts.anyPayments === 0) values.push("none");
      return values;
    }
    case "verification":
      return [facts.checks === 0 ? "none" : facts.checks >= facts.checkCount ? "complete" : "partial"];
    case "package":
      return [facts.packageKey ?? "none"];
    case "category":
      return facts.categoryIds.map(String);
    case "overdue":
      return [facts.overdueRequests > 0 ? "yes" : "no"];
    case "call":
      return [facts.contacted ? "done" : "todo"];
    case "video": {
      const values: string[] = [];
      if (facts.pendingVideo) values.push("pending");
      if (facts.approvedVideo) values.push("approved");
      return values.length > 0 ? values : ["none"];
    }
  }
}

export const FILTER_KEYS: readonly FilterKey[] = ["status", "payment", "verification", "package", "category", "overdue", "call", "video"];

export function matches(facts: ProviderFacts, filters: StaffProviderFilters, except?: FilterKey): boolean {
  return FILTER_KEYS.every((key) => {
    const wanted = filters[key];
    if (key === except || !wanted) return true;
    return filterValues(key, facts).includes(wanted);
  });
}

/** Counts per value of each filter, among the providers that match all other filters. */
export function facetCounts(all: readonly ProviderFacts[], filters: StaffProviderFilters): Record<FilterKey, Map<string, number>> {
  const counts = Object.fromEntries(FILTER_KEYS.map((key) => [key, new Map<string, number>()])) as Record<FilterKey, Map<string, number>>;
  for (const facts of all) {
    for (const key of FILTER_KEYS) {
      if (!matches(facts, filters, key)) continue;
      for (const value of filterValues(key, facts)) counts[key].set(value, (counts[key].get(value) ?? 0) + 1);
    }
  }
  return counts;
}

/** Reads the filters from a query string, dropping unknown values. */
export function parseStaffProviderFilters(params: URLSearchParams): StaffProviderFilters {
  const pick = (key: FilterKey, allowed: readonly { value: string }[]) => {
    const value = params.get(key) ?? "";
    return allowed.some((option) => option.value === value) ? value : undefined;
  };
  const category = params.get("category") ?? "";
  return {
    q: (params.get("q") ?? "").trim().slice(0, 100),
    status: pick("status", STATUS_FILTER),
    payment: pick("payment", PAYMENT_FILTER),
    verification: pick("verification", VERIFICATION_FILTER),
    package: pick("package", PACKAGE_FILTER),
    category: /^\d{1,9}$/.test(category) ? category : undefined,
    overdue: pick("overdue", OVERDUE_FILTER),
    call: pick("call", CALL_FILTER),
    video: pick("video", VIDEO_FILTER),
  };
}
