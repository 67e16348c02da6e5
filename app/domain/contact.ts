/**
 * How people reach Vivium Services: the site footer and every e-mail show
 * these. A plain module, so that server code and e-mail templates can use it
 * without importing a React component file.
 */
export const CONTACT = {
  phone: "030 123 45 67",
  phoneHref: "tel:+31301234567",
  email: "info@viviumservices.nl",
  hours: "maandag tot en met vrijdag van 9.00 tot 17.00 uur",
  /** The same hours in brackets after the number, where a whole sentence would bury it. */
  hoursShort: "ma–vr 9.00–17.00",
} as const;
