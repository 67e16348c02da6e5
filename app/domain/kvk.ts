/**
 * A Kamer van Koophandel number: exactly eight digits. People copy it from
 * letters and invoices as `1234 5678` or `12.34.56.78`; leading zeros are
 * real digits, so it stays a string.
 */
export function parseKvkNumber(input: string): string | null {
  const compact = input.replace(/[\s.]/g, "");
  return /^\d{8}$/.test(compact) ? compact : null;
}
