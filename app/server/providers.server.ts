export function displayName(p: { first_name: string; infix: string | null; last_name: string | null }): string {
  return [p.first_name, p.infix, p.last_name].filter(Boolean).join(" ");
}
