/**
 * The checks staff tick per provider in /beheer, and what the public sees of
 * them under "Gezien door Vivium Services".
 */
export const VERIFICATION_CHECKS = [
  { key: "identity_seen", label: "Identiteitsbewijs gezien", publicLabel: "Identiteitsbewijs gezien" },
  { key: "met_in_person", label: "Persoonlijk gezien", publicLabel: "Persoonlijk gezien" },
  { key: "vog_received", label: "Verklaring omtrent gedrag ontvangen", publicLabel: "Verklaring omtrent gedrag" },
  { key: "video_approved", label: "Introductievideo goedgekeurd", publicLabel: "Introductievideo" },
] as const;

export type VerificationKey = (typeof VERIFICATION_CHECKS)[number]["key"];

export function isVerificationKey(value: unknown): value is VerificationKey {
  return VERIFICATION_CHECKS.some((check) => check.key === value);
}

export function verificationLabel(key: string): string {
  return VERIFICATION_CHECKS.find((check) => check.key === key)?.label ?? key;
}

/**
 * The public badges, in a fixed order. The video badge needs a video staff
 * approved that is actually on the profile, so it cannot promise a video
 * that is not there.
 */
export function publicBadges(keys: ReadonlySet<string>, hasApprovedVideo: boolean): string[] {
  return VERIFICATION_CHECKS.filter((check) => (check.key === "video_approved" ? hasApprovedVideo : keys.has(check.key))).map(
    (check) => check.publicLabel,
  );
}

/** The longest intake note staff can write on a provider. */
export const MAX_NOTE_LENGTH = 4000;
