import { parseWithZod as parseWithConform } from "@conform-to/zod/v4";

/**
 * Every form is read through this `parseWithZod`, never Conform's own.
 *
 * Conform turns field names into nested values (`services[2].price`) and a
 * refused submission sends all of them back to the page to fill the form in
 * again. Unbounded, one 20-byte field named `a[3000000]` became a list of
 * three million items in the page and took the server down. So before
 * parsing, the submission is cut to what a real form can send: list
 * positions up to MAX_LIST_INDEX (the longest list on any form, price lines
 * or places, stays far below it), names up to MAX_NAME_LENGTH, texts up to
 * MAX_TEXT_LENGTH (every schema allows less, so a cut text is still refused
 * with its own message), and at most MAX_FIELDS entries. What is dropped
 * was never a field of ours.
 */
export const MAX_LIST_INDEX = 199;
export const MAX_NAME_LENGTH = 100;
export const MAX_TEXT_LENGTH = 20_000;
export const MAX_FIELDS = 1_000;

const INDEX = /\[(\d+)\]/g;

function acceptableName(name: string): boolean {
  if (name.length > MAX_NAME_LENGTH) return false;
  for (const [, digits] of name.matchAll(INDEX)) {
    // More digits than the bound has cannot be below it (and would not fit a number).
    if (digits!.length > String(MAX_LIST_INDEX).length || Number(digits) > MAX_LIST_INDEX) return false;
  }
  return true;
}

/** The submission without what no form of ours sends: see above. */
export function boundedFormData(input: FormData | URLSearchParams): FormData {
  const bounded = new FormData();
  let count = 0;
  for (const [name, value] of input.entries()) {
    if (count >= MAX_FIELDS) break;
    if (!acceptableName(name)) continue;
    if (typeof value === "string") bounded.append(name, value.length > MAX_TEXT_LENGTH ? value.slice(0, MAX_TEXT_LENGTH) : value);
    else bounded.append(name, value);
    count += 1;
  }
  return bounded;
}

export const parseWithZod: typeof parseWithConform = ((payload: FormData | URLSearchParams, options: Parameters<typeof parseWithConform>[1]) =>
  parseWithConform(boundedFormData(payload), options)) as typeof parseWithConform;
