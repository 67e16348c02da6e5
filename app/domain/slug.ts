/** `Pedicures (medisch)` → `pedicures-medisch`; `Zoë van 't Hof` → `zoe-van-t-hof`. */
export function slugify(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** The first slug not yet taken: `jan-jansen`, `jan-jansen-2`, … */
export function uniqueSlug(base: string, taken: (slug: string) => boolean): string {
  const root = base === "" ? "dienstverlener" : base;
  if (!taken(root)) return root;
  for (let n = 2; ; n++) {
    const candidate = `${root}-${n}`;
    if (!taken(candidate)) return candidate;
  }
}
