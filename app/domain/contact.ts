import { formatPhone } from "./phone";

/**
 * How people reach Vivium Services: the site footer and every e-mail show
 * these. A plain module, so that server code and e-mail templates can use it
 * without importing a React component file.
 */
const PHONE = "+31301234567";

export const CONTACT = {
  phone: formatPhone(PHONE),
  phoneHref: `tel:${PHONE}`,
  email: "info@viviumservices.nl",
  hours: "maandag tot en met vrijdag van 9.00 tot 17.00 uur",
  /** The same hours in brackets after the number, where a whole sentence would bury it. */
  hoursShort: "ma–vr 9.00–17.00",
} as const;
