/**
 * A redirect target from a query string or form, kept on this site: only
 * paths that start with a single `/` (no `//host`, no `/\host`, no scheme).
 */
export function safeRedirect(target: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof target !== "string" || target === "") return fallback;
  if (!target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) return fallback;
  // Control characters (tabs, newlines) are dropped by URL parsers and can turn `/\t/x` into `//x`.
  if ([...target].some((char) => char.charCodeAt(0) < 0x20)) return fallback;
  try {
    // A path that the URL parser reads as another origin is refused too.
    const parsed = new URL(target, "http://vivium.invalid");
    if (parsed.origin !== "http://vivium.invalid") return fallback;
  } catch {
    return fallback;
  }
  return target;
}
