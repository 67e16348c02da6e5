/**
 * The relevance suite: what seniors and their children type into "Wat?"
 * (and "Waar?"), against the demo data (db/seed/demo-providers.ts), each
 * with the providers that must be among the first three results.
 *
 * Rules for an expectation (checked by checkExpectations in relevance.ts
 * through the category filter of the reference scan, not by the engine
 * under test):
 * - the provider is live in the demo and offers the help asked for (`help`,
 *   a category slug);
 * - when a location is given in "Waar?" (`waar`) or typed in the keyword box
 *   (`place`), the provider's werkgebied covers it; local providers come
 *   before nationwide ones;
 * - with more than three fitting providers only those that must be first
 *   are expected (without a location: use a query with a location, or a
 *   category with three providers or fewer).
 *
 * Who fits where (demo data): pedicure in Woerden/Montfoort/IJsselstein/
 * Oudewater Hanneke Bos, Rotterdam Ria Jansen, Venlo Truus Willems, Emmen
 * Esther Kuipers, Leiden Els van Leeuwen, Den Haag Fatma Yilmaz; kapper
 * (Harmelen, 15 km: Woerden, Utrecht, Montfoort…) Daphne Rijnders; computerhulp
 * Utrecht Annelies de Vries, Tilburg Ahmed Bouzid, Almere Mustafa Kaya, Hoorn
 * Erik Schouten, Leeuwarden Willem de Boer, Doetinchem Theo Gerritsen;
 * klusjesman Amsterdam/Amstelveen Mohamed El Amrani, Gouda Bram Koster,
 * Hilversum Marco Rossi, Helmond Frank Jacobs, Sneek Pieter Hoekstra,
 * Enschede Gerrit Vos; thuiskeeper Woerden Bert Klinkenberg, Maastricht Joke
 * Meijer, Dordrecht Saskia Timmermans, Drachten Sjoerd Postma, Harderwijk
 * Greet Zijlstra; nationwide: Kees Bakker and Nicole Dekker (administratie),
 * Nicole Dekker (nalatenschap), Ruud Kramer (personenalarmering).
 */

export type CaseKind =
  /** A category word, no location. */
  | "category"
  /** A category word with "Waar?" filled. */
  | "waar"
  /** A word for the help that is not the category's name (zoekwoorden). */
  | "synonym"
  /** Compound words, written together or apart. */
  | "compound"
  /** A whole sentence, filler and all. */
  | "sentence"
  /** A misspelt word. */
  | "typo"
  /** A place or postcode in the keyword box, "Waar?" empty. */
  | "place-in-wat"
  /** A provider's or company's name. */
  | "name";

export type RelevanceCase = {
  kind: CaseKind;
  /** The keyword box. */
  wat: string;
  /** The location box (postcode or place); absent = empty. */
  waar?: string;
  /** Display names that must all be among the first three results. */
  expect: string[];
  note?: string;
  /** The help asked for, as a category slug: the fairness check's category filter. */
  help?: string;
  /** The place or postcode the keyword box names (kind place-in-wat): the fairness check's location. */
  place?: string;
};

export const RELEVANCE_QUERIES: RelevanceCase[] = [
  // ── Category words, no location (categories with at most three providers) ──
  { kind: "category", wat: "kapper", expect: ["Daphne Rijnders"], help: "kapper-aan-huis" },
  { kind: "category", wat: "glazenwasser", expect: ["Dirk Hendriks", "Henk van Dijk"], help: "glazenwassers" },
  { kind: "category", wat: "fysiotherapie", expect: ["Ingrid Smit", "Lotte van den Heuvel"], help: "fysiotherapie" },
  { kind: "category", wat: "massage", expect: ["Carla Verbeek", "Marieke Visser"], help: "massage", note: "before pedicures offering a voetmassage" },
  { kind: "category", wat: "personenalarmering", expect: ["Ruud Kramer"], help: "personenalarmering" },
  { kind: "category", wat: "nalatenschapsdossier", expect: ["Nicole Dekker"], help: "nalatenschapsdossier" },
  { kind: "category", wat: "opruimcoach", expect: ["Greet Zijlstra", "Sandra Mulder", "Wilma Prins"], help: "opruimcoach" },
  { kind: "category", wat: "schilder", expect: ["Gerrit Vos", "Hans Wouters", "Jan van der Berg"], help: "schilder-aan-huis" },
  { kind: "category", wat: "manicure", expect: ["Anja Brouwer", "Fatma Yilmaz", "Monique Lambregts"], help: "manicure-aan-huis" },
  { kind: "category", wat: "administratie", expect: ["Kees Bakker", "Nicole Dekker"], help: "administratie" },
  { kind: "category", wat: "sport en beweging", expect: ["Rob de Graaf", "Yvonne Peters"], help: "sport-en-beweging" },

  // ── Category words with "Waar?" ──
  { kind: "waar", wat: "pedicure", waar: "3447 GT", expect: ["Hanneke Bos"], help: "pedicures-medisch" },
  { kind: "waar", wat: "pedicure", waar: "Rotterdam", expect: ["Ria Jansen"], help: "pedicures-medisch" },
  { kind: "waar", wat: "pedicure", waar: "Emmen", expect: ["Esther Kuipers"], help: "pedicures-medisch" },
  { kind: "waar", wat: "pedicure", waar: "5911", expect: ["Truus Willems"], help: "pedicures-medisch", note: "Venlo" },
  { kind: "waar", wat: "kapper", waar: "3481", expect: ["Daphne Rijnders"], help: "kapper-aan-huis", note: "Harmelen" },
  { kind: "waar", wat: "kapper", waar: "Utrecht", expect: ["Daphne Rijnders"], help: "kapper-aan-huis", note: "within her 15 km" },
  { kind: "waar", wat: "klusjesman", waar: "1012", expect: ["Mohamed El Amrani"], help: "klusjesmannen", note: "Amsterdam" },
  { kind: "waar", wat: "klusjesman", waar: "Helmond", expect: ["Frank Jacobs"], help: "klusjesmannen" },
  { kind: "waar", wat: "klusjesman", waar: "Sneek", expect: ["Pieter Hoekstra"], help: "klusjesmannen" },
  { kind: "waar", wat: "computerhulp", waar: "8911", expect: ["Willem de Boer"], help: "computerhulp", note: "Leeuwarden" },
  { kind: "waar", wat: "computerhulp", waar: "Doetinchem", expect: ["Theo Gerritsen"], help: "computerhulp" },
  { kind: "waar", wat: "glazenwasser", waar: "5211", expect: ["Dirk Hendriks"], help: "glazenwassers", note: "'s-Hertogenbosch" },
  { kind: "waar", wat: "thuiskeeper", waar: "3311", expect: ["Saskia Timmermans"], help: "thuiskeepers", note: "Dordrecht" },
  { kind: "waar", wat: "thuiskeeper", waar: "Harderwijk", expect: ["Greet Zijlstra"], help: "thuiskeepers" },
  { kind: "waar", wat: "manicure", waar: "4611", expect: ["Monique Lambregts"], help: "manicure-aan-huis", note: "Bergen op Zoom" },
  { kind: "waar", wat: "schilder", waar: "7511", expect: ["Gerrit Vos"], help: "schilder-aan-huis", note: "Enschede" },
  { kind: "waar", wat: "opruimcoach", waar: "Harderwijk", expect: ["Greet Zijlstra", "Sandra Mulder"], help: "opruimcoach" },
  { kind: "waar", wat: "administratie", waar: "Woerden", expect: ["Kees Bakker", "Nicole Dekker"], help: "administratie", note: "both nationwide" },
  { kind: "waar", wat: "fysiotherapie", waar: "Middelburg", expect: ["Lotte van den Heuvel"], help: "fysiotherapie" },
  { kind: "waar", wat: "massage", waar: "Apeldoorn", expect: ["Carla Verbeek"], help: "massage", note: "Deventer, 15 km" },

  // ── Synonyms (zoekwoorden) ──
  { kind: "synonym", wat: "voeten", waar: "Woerden", expect: ["Hanneke Bos"], help: "pedicures-medisch" },
  { kind: "synonym", wat: "nagels", waar: "Den Haag", expect: ["Fatma Yilmaz"], help: "manicure-aan-huis" },
  { kind: "synonym", wat: "valalarm", expect: ["Ruud Kramer"], help: "personenalarmering" },
  { kind: "synonym", wat: "alarmknop", waar: "3447", expect: ["Ruud Kramer"], help: "personenalarmering" },
  { kind: "synonym", wat: "noodknop", expect: ["Ruud Kramer"], help: "personenalarmering" },
  { kind: "synonym", wat: "testament", expect: ["Nicole Dekker"], help: "nalatenschapsdossier" },
  { kind: "synonym", wat: "erfenis", expect: ["Nicole Dekker"], help: "nalatenschapsdossier" },
  { kind: "synonym", wat: "ramen lappen", waar: "Groningen", expect: ["Henk van Dijk"], help: "glazenwassers" },
  { kind: "synonym", wat: "ramen wassen", waar: "Den Bosch", expect: ["Dirk Hendriks"], help: "glazenwassers" },
  { kind: "synonym", wat: "huishoudelijke hulp", waar: "Woerden", expect: ["Bert Klinkenberg"], help: "thuiskeepers" },
  { kind: "synonym", wat: "boodschappen", waar: "Dordrecht", expect: ["Saskia Timmermans"], help: "thuiskeepers" },
  { kind: "synonym", wat: "gezelschap", waar: "Maastricht", expect: ["Joke Meijer"], help: "thuiskeepers" },
  { kind: "synonym", wat: "huishouden", waar: "Drachten", expect: ["Sjoerd Postma"], help: "thuiskeepers" },
  { kind: "synonym", wat: "laptop", waar: "Utrecht", expect: ["Annelies de Vries"], help: "computerhulp" },
  { kind: "synonym", wat: "ipad", waar: "Tilburg", expect: ["Ahmed Bouzid"], help: "computerhulp" },
  { kind: "synonym", wat: "printer", waar: "Almere", expect: ["Mustafa Kaya"], help: "computerhulp" },
  { kind: "synonym", wat: "whatsapp", waar: "Hoorn", expect: ["Erik Schouten"], help: "computerhulp" },
  { kind: "synonym", wat: "tablet", waar: "Leeuwarden", expect: ["Willem de Boer"], help: "computerhulp" },
  { kind: "synonym", wat: "DigiD", waar: "Utrecht", expect: ["Annelies de Vries"], help: "computerhulp", note: "local computerhulp before the nationwide administratie" },
  { kind: "synonym", wat: "knippen", waar: "Harmelen", expect: ["Daphne Rijnders"], help: "kapper-aan-huis" },
  { kind: "synonym", wat: "haren knippen", waar: "Woerden", expect: ["Daphne Rijnders"], help: "kapper-aan-huis", note: "Hanneke Bos, who cuts toenails, also comes there" },
  { kind: "synonym", wat: "yoga", waar: "Breda", expect: ["Yvonne Peters"], help: "sport-en-beweging" },
  { kind: "synonym", wat: "fysio", expect: ["Ingrid Smit", "Lotte van den Heuvel"], help: "fysiotherapie" },
  { kind: "synonym", wat: "fysio", waar: "Eindhoven", expect: ["Ingrid Smit"], help: "fysiotherapie" },
  { kind: "synonym", wat: "valpreventie", waar: "Middelburg", expect: ["Lotte van den Heuvel"], help: "fysiotherapie" },
  { kind: "synonym", wat: "masseur", waar: "Deventer", expect: ["Carla Verbeek"], help: "massage" },
  { kind: "synonym", wat: "belastingaangifte", expect: ["Kees Bakker", "Nicole Dekker"], help: "administratie" },
  { kind: "synonym", wat: "toeslagen", waar: "Zwolle", expect: ["Kees Bakker", "Nicole Dekker"], help: "administratie" },
  { kind: "synonym", wat: "opruimen", waar: "Amersfoort", expect: ["Sandra Mulder"], help: "opruimcoach" },
  { kind: "synonym", wat: "verhuizen", waar: "Harderwijk", expect: ["Greet Zijlstra", "Sandra Mulder"], help: "opruimcoach" },
  { kind: "synonym", wat: "behangen", waar: "Arnhem", expect: ["Jan van der Berg"], help: "schilder-aan-huis" },
  { kind: "synonym", wat: "rookmelder", waar: "Gouda", expect: ["Bram Koster"], help: "klusjesmannen" },
  { kind: "synonym", wat: "lamp ophangen", waar: "Hilversum", expect: ["Marco Rossi"], help: "klusjesmannen" },
  { kind: "synonym", wat: "likdoorns", waar: "Rotterdam", expect: ["Ria Jansen"], help: "pedicures-medisch" },
  { kind: "synonym", wat: "diabetische voet", waar: "Venlo", expect: ["Truus Willems"], help: "pedicures-medisch" },
  { kind: "synonym", wat: "eelt", waar: "Leiden", expect: ["Els van Leeuwen"], help: "pedicures-cosmetisch" },
  { kind: "synonym", wat: "handen", waar: "Bergen op Zoom", expect: ["Monique Lambregts"], help: "manicure-aan-huis" },
  { kind: "synonym", wat: "uitvaartwensen", expect: ["Nicole Dekker"], help: "nalatenschapsdossier" },

  // ── Compounds, together or apart ──
  { kind: "compound", wat: "thuiskapper", expect: ["Daphne Rijnders"], help: "kapper-aan-huis" },
  { kind: "compound", wat: "kapster aan huis", expect: ["Daphne Rijnders"], help: "kapper-aan-huis" },
  { kind: "compound", wat: "computer hulp", waar: "Utrecht", expect: ["Annelies de Vries"], help: "computerhulp" },
  { kind: "compound", wat: "computer hulp aan huis", waar: "Leeuwarden", expect: ["Willem de Boer"], help: "computerhulp" },
  { kind: "compound", wat: "computerles", waar: "Tilburg", expect: ["Ahmed Bouzid"], help: "computerhulp" },
  { kind: "compound", wat: "voetverzorging", waar: "Woerden", expect: ["Hanneke Bos"], help: "pedicures-medisch" },
  { kind: "compound", wat: "pedicure aan huis", waar: "Emmen", expect: ["Esther Kuipers"], help: "pedicures-cosmetisch" },
  { kind: "compound", wat: "alarm", expect: ["Ruud Kramer"], help: "personenalarmering", note: "inside personenalarmering" },
  { kind: "compound", wat: "personen alarm", expect: ["Ruud Kramer"], help: "personenalarmering" },
  { kind: "compound", wat: "klushulp", waar: "Amsterdam", expect: ["Mohamed El Amrani"], help: "klusjesmannen" },
  { kind: "compound", wat: "klusjes man", waar: "Gouda", expect: ["Bram Koster"], help: "klusjesmannen" },
  { kind: "compound", wat: "ramenwasser", waar: "Groningen", expect: ["Henk van Dijk"], help: "glazenwassers" },
  { kind: "compound", wat: "schilderwerk", waar: "Enschede", expect: ["Gerrit Vos"], help: "schilder-aan-huis" },
  { kind: "compound", wat: "nagelverzorging", waar: "Den Helder", expect: ["Anja Brouwer"], help: "manicure-aan-huis" },
  { kind: "compound", wat: "voetmassage", waar: "Leiden", expect: ["Els van Leeuwen"], help: "pedicures-cosmetisch" },
  { kind: "compound", wat: "stoelmassage", waar: "Nijmegen", expect: ["Marieke Visser"], help: "massage" },
  { kind: "compound", wat: "opruim coach", waar: "Assen", expect: ["Wilma Prins"], help: "opruimcoach" },
  { kind: "compound", wat: "huishoudhulp", waar: "Dordrecht", expect: ["Saskia Timmermans"], help: "thuiskeepers" },
  { kind: "compound", wat: "fysiotherapeut aan huis", waar: "Eindhoven", expect: ["Ingrid Smit"], help: "fysiotherapie" },

  // ── Whole sentences ──
  { kind: "sentence", wat: "ik zoek iemand die mijn ramen kan lappen", waar: "Groningen", expect: ["Henk van Dijk"], help: "glazenwassers" },
  { kind: "sentence", wat: "iemand om de ramen te wassen", waar: "Rosmalen", expect: ["Dirk Hendriks"], help: "glazenwassers" },
  { kind: "sentence", wat: "hulp met mijn laptop", waar: "Utrecht", expect: ["Annelies de Vries"], help: "computerhulp" },
  { kind: "sentence", wat: "wie kan mijn moeder helpen met haar tablet", waar: "Almere", expect: ["Mustafa Kaya"], help: "computerhulp" },
  { kind: "sentence", wat: "mijn computer doet het niet meer", waar: "Tilburg", expect: ["Ahmed Bouzid"], help: "computerhulp" },
  { kind: "sentence", wat: "kan iemand whatsapp op mijn telefoon zetten", waar: "Hoorn", expect: ["Erik Schouten"], help: "computerhulp" },
  { kind: "sentence", wat: "mijn vader is gevallen en wil een alarmknop", expect: ["Ruud Kramer"], help: "personenalarmering" },
  { kind: "sentence", wat: "ik wil mijn testament en nalatenschap goed regelen", expect: ["Nicole Dekker"], help: "nalatenschapsdossier" },
  { kind: "sentence", wat: "ik heb hulp nodig met de belastingaangifte", expect: ["Kees Bakker", "Nicole Dekker"], help: "administratie" },
  { kind: "sentence", wat: "wie knipt mijn haar thuis", waar: "Woerden", expect: ["Daphne Rijnders"], help: "kapper-aan-huis" },
  { kind: "sentence", wat: "mijn moeder heeft diabetes en moet naar de pedicure", waar: "Montfoort", expect: ["Hanneke Bos"], help: "pedicures-medisch" },
  { kind: "sentence", wat: "mijn nagels moeten geknipt worden", waar: "Den Haag", expect: ["Fatma Yilmaz"], help: "manicure-aan-huis" },
  { kind: "sentence", wat: "iemand die boodschappen doet voor mijn vader", waar: "Maastricht", expect: ["Joke Meijer"], help: "thuiskeepers" },
  { kind: "sentence", wat: "gezelschap voor mijn moeder die alleen woont", waar: "Woerden", expect: ["Bert Klinkenberg"], help: "thuiskeepers" },
  { kind: "sentence", wat: "wie kan een lamp ophangen bij mijn oma", waar: "Amstelveen", expect: ["Mohamed El Amrani"], help: "klusjesmannen" },
  { kind: "sentence", wat: "ik wil graag een massage thuis", waar: "Nijmegen", expect: ["Marieke Visser"], help: "massage" },
  { kind: "sentence", wat: "hulp bij het opruimen van het huis van mijn ouders", waar: "Amersfoort", expect: ["Sandra Mulder"], help: "opruimcoach" },
  { kind: "sentence", wat: "ik zoek een fysiotherapeut die aan huis komt", waar: "Middelburg", expect: ["Lotte van den Heuvel"], help: "fysiotherapie" },
  { kind: "sentence", wat: "oefeningen om fit te blijven voor ouderen", waar: "Alkmaar", expect: ["Rob de Graaf"], help: "sport-en-beweging" },
  { kind: "sentence", wat: "de kozijnen moeten geverfd worden", waar: "Arnhem", expect: ["Jan van der Berg"], help: "schilder-aan-huis" },

  // ── Typos ──
  { kind: "typo", wat: "pedicuure", waar: "Woerden", expect: ["Hanneke Bos"], help: "pedicures-medisch" },
  { kind: "typo", wat: "computr", waar: "Utrecht", expect: ["Annelies de Vries"], help: "computerhulp" },
  { kind: "typo", wat: "glazewasser", waar: "Groningen", expect: ["Henk van Dijk"], help: "glazenwassers" },
  { kind: "typo", wat: "glazenwaser", waar: "Den Bosch", expect: ["Dirk Hendriks"], help: "glazenwassers" },
  { kind: "typo", wat: "klusjesmann", waar: "Gouda", expect: ["Bram Koster"], help: "klusjesmannen" },
  { kind: "typo", wat: "masage", waar: "Deventer", expect: ["Carla Verbeek"], help: "massage" },
  { kind: "typo", wat: "kaper", waar: "Harmelen", expect: ["Daphne Rijnders"], help: "kapper-aan-huis" },
  { kind: "typo", wat: "fysioterapie", expect: ["Ingrid Smit", "Lotte van den Heuvel"], help: "fysiotherapie" },
  { kind: "typo", wat: "manicur", waar: "Den Helder", expect: ["Anja Brouwer"], help: "manicure-aan-huis" },
  { kind: "typo", wat: "persoonsalarmering", expect: ["Ruud Kramer"], help: "personenalarmering" },
  { kind: "typo", wat: "nalatenschapdossier", expect: ["Nicole Dekker"], help: "nalatenschapsdossier" },
  { kind: "typo", wat: "administatie", expect: ["Kees Bakker", "Nicole Dekker"], help: "administratie" },
  { kind: "typo", wat: "schillder", waar: "Roermond", expect: ["Hans Wouters"], help: "schilder-aan-huis" },
  { kind: "typo", wat: "thuiskeper", waar: "Drachten", expect: ["Sjoerd Postma"], help: "thuiskeepers" },
  { kind: "typo", wat: "pedicurre in Rotterdam", expect: ["Ria Jansen"], help: "pedicures-medisch", place: "Rotterdam" },

  // ── A place in the keyword box, "Waar?" empty ──
  { kind: "place-in-wat", wat: "pedicure in Woerden", expect: ["Hanneke Bos"], help: "pedicures-medisch", place: "Woerden" },
  { kind: "place-in-wat", wat: "pedicure 3447", expect: ["Hanneke Bos"], help: "pedicures-medisch", place: "3447" },
  { kind: "place-in-wat", wat: "kapper harmelen", expect: ["Daphne Rijnders"], help: "kapper-aan-huis", place: "Harmelen" },
  { kind: "place-in-wat", wat: "kapper in woerden", expect: ["Daphne Rijnders"], help: "kapper-aan-huis", place: "Woerden" },
  { kind: "place-in-wat", wat: "computerhulp utrecht", expect: ["Annelies de Vries"], help: "computerhulp", place: "Utrecht" },
  { kind: "place-in-wat", wat: "computerhulp in Leeuwarden", expect: ["Willem de Boer"], help: "computerhulp", place: "Leeuwarden" },
  { kind: "place-in-wat", wat: "hulp met de computer in Hoorn", expect: ["Erik Schouten"], help: "computerhulp", place: "Hoorn" },
  { kind: "place-in-wat", wat: "klusjesman in Amstelveen", expect: ["Mohamed El Amrani"], help: "klusjesmannen", place: "Amstelveen" },
  { kind: "place-in-wat", wat: "klusjesman omgeving Gouda", expect: ["Bram Koster"], help: "klusjesmannen", place: "Gouda" },
  { kind: "place-in-wat", wat: "glazenwasser groningen", expect: ["Henk van Dijk"], help: "glazenwassers", place: "Groningen" },
  { kind: "place-in-wat", wat: "thuiskeeper in Maastricht", expect: ["Joke Meijer"], help: "thuiskeepers", place: "Maastricht" },
  { kind: "place-in-wat", wat: "manicure den haag", expect: ["Fatma Yilmaz"], help: "manicure-aan-huis", place: "Den Haag" },
  { kind: "place-in-wat", wat: "pedicure leiden", expect: ["Els van Leeuwen"], help: "pedicures-cosmetisch", place: "Leiden" },
  { kind: "place-in-wat", wat: "massage nijmegen", expect: ["Marieke Visser"], help: "massage", place: "Nijmegen" },
  { kind: "place-in-wat", wat: "schilder in arnhem", expect: ["Jan van der Berg"], help: "schilder-aan-huis", place: "Arnhem" },
  { kind: "place-in-wat", wat: "fysiotherapie eindhoven", expect: ["Ingrid Smit"], help: "fysiotherapie", place: "Eindhoven" },
  { kind: "place-in-wat", wat: "opruimcoach amersfoort", expect: ["Sandra Mulder"], help: "opruimcoach", place: "Amersfoort" },
  { kind: "place-in-wat", wat: "yoga breda", expect: ["Yvonne Peters"], help: "sport-en-beweging", place: "Breda" },
  { kind: "place-in-wat", wat: "alarmknop Zwolle", expect: ["Ruud Kramer"], help: "personenalarmering", place: "Zwolle" },
  { kind: "place-in-wat", wat: "testament amsterdam", expect: ["Nicole Dekker"], help: "nalatenschapsdossier", place: "Amsterdam" },

  // ── Names of providers and companies ──
  { kind: "name", wat: "Hanneke Bos", expect: ["Hanneke Bos"] },
  { kind: "name", wat: "Annelies de Vries", expect: ["Annelies de Vries"] },
  { kind: "name", wat: "Klusbedrijf El Amrani", expect: ["Mohamed El Amrani"] },
  { kind: "name", wat: "alarmzeker", expect: ["Ruud Kramer"] },
  { kind: "name", wat: "Knipservice Rijnders", expect: ["Daphne Rijnders"] },
  { kind: "name", wat: "dekker dossiers", expect: ["Nicole Dekker"] },
  { kind: "name", wat: "Van Dijk Glasbewassing", expect: ["Henk van Dijk"] },
  { kind: "name", wat: "hoekstra klussen", expect: ["Pieter Hoekstra"] },
  { kind: "name", wat: "Opgeruimd Leven", expect: ["Sandra Mulder"] },
  { kind: "name", wat: "bakker administratie", expect: ["Kees Bakker"] },
  { kind: "name", wat: "Rossi", expect: ["Marco Rossi"] },
  { kind: "name", wat: "hendriks glans", expect: ["Dirk Hendriks"] },
  { kind: "name", wat: "Daphne", expect: ["Daphne Rijnders"] },
  { kind: "name", wat: "ria jansen pedicure", expect: ["Ria Jansen"], help: "pedicures-medisch" },
  { kind: "name", wat: "Bert Klinkenberg", waar: "Woerden", expect: ["Bert Klinkenberg"], help: "thuiskeepers" },
  { kind: "name", wat: "Klinkeberg", expect: ["Bert Klinkenberg"], note: "name with a letter missing" },
];
