/**
 * The manual's category list, in its order, plus Kapper aan huis (people
 * search for a thuiskapper; migration 0016) and Overige for everything else.
 */
export const DEFAULT_CATEGORIES = [
  "Administratie",
  "Computerhulp",
  "Fysiotherapie",
  "Glazenwassers",
  "Haptotherapie",
  "Installateur",
  "Kapper aan huis",
  "Klusjesmannen",
  "Loodgieters",
  "Manicure aan huis",
  "Massage",
  "Nalatenschapsdossier",
  "Opruimcoach",
  "Pedicures (cosmetisch)",
  "Pedicures (medisch)",
  "Personenalarmering",
  "Podoloog",
  "Schilder aan huis",
  "Schoonheidsspecialisten",
  "Sport en Beweging",
  "Thuiskeepers",
  "Overige",
] as const;
