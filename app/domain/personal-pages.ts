/**
 * Pages that show one person's data: a provider's own area and signup, the
 * staff console, payment and review pages, sign-in and password pages, and a
 * customer's contact form and its confirmation. Browsers and proxies must not
 * keep them (`Cache-Control: private, no-store`): on a shared computer in a
 * library, the back button must not bring back someone else's details.
 * Paths of the `.data` requests Remix makes for these pages match too.
 */
const PERSONAL = [
  /^\/(backoffice|beheer|aanmelden|betaling|beoordeling|inloggen|uitloggen|wachtwoord-vergeten|wachtwoord-herstellen|e-mailadres-bevestigen|account-verwijderd)(\/|\.data$|$)/,
  /^\/dienstverlener\/[^/]+\/contact(\/|\.data$|$)/,
];

export function isPersonalPage(path: string): boolean {
  return PERSONAL.some((pattern) => pattern.test(path));
}
