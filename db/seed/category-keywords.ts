/**
 * Zoekwoorden: the words people type for each category, by category name.
 * They are indexed with the category name (migration 0016), so "voeten",
 * "valalarm" or "ramen lappen" find the right providers. Staff keep them on
 * /beheer/categorieen; this is the list a new database starts with.
 */
export const DEFAULT_CATEGORY_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  Administratie: ["administratie", "papieren", "post", "brieven", "rekeningen", "betalingen", "belasting", "belastingaangifte", "aangifte", "toeslagen", "formulieren", "financien", "budget", "bankzaken", "boekhouding", "DigiD"],
  Computerhulp: ["computer", "pc", "laptop", "tablet", "iPad", "telefoon", "smartphone", "mobiel", "internet", "wifi", "e-mail", "mail", "printer", "WhatsApp", "videobellen", "apps", "software", "virus", "DigiD", "televisie"],
  Fysiotherapie: ["fysio", "fysiotherapeut", "oefentherapie", "revalidatie", "pijn", "rug", "nek", "schouder", "knie", "heup", "valpreventie", "balans"],
  Glazenwassers: ["glazenwasser", "ramen", "lappen", "ramen lappen", "ramen wassen", "glas", "kozijnen", "zonnepanelen", "dakgoot"],
  Haptotherapie: ["haptotherapeut", "aanraking", "gevoel", "spanning", "rouw", "angst", "stress"],
  Installateur: ["installatie", "cv", "cv-ketel", "ketel", "verwarming", "elektra", "elektricien", "stopcontact", "lamp", "verlichting", "thermostaat", "airco", "warmtepomp"],
  "Kapper aan huis": ["kapper", "thuiskapper", "kapster", "haar", "haren", "knippen", "haarknippen", "kapsel", "föhnen", "permanent", "verven", "kappers"],
  Klusjesmannen: ["klusjesman", "klussen", "klus", "klusser", "handyman", "ophangen", "repareren", "reparatie", "timmeren", "monteren", "meubels", "rookmelder", "lamp ophangen", "tuin", "lijst ophangen"],
  Loodgieters: ["loodgieter", "lekkage", "lek", "kraan", "wc", "toilet", "afvoer", "verstopping", "riool", "douche", "water", "leiding"],
  "Manicure aan huis": ["manicure", "nagels", "handen", "nagelverzorging", "nagellak", "lakken", "handverzorging"],
  Massage: ["masseur", "masseuse", "masseren", "ontspanning", "rugmassage", "nekmassage", "stoelmassage", "spierpijn"],
  Nalatenschapsdossier: ["testament", "erfenis", "nalatenschap", "levenstestament", "wilsverklaring", "uitvaart", "uitvaartwensen", "notaris", "dossier", "overlijden"],
  Opruimcoach: ["opruimen", "ordenen", "opruimhulp", "ontspullen", "verhuizen", "verhuizing", "kleiner wonen", "zolder", "kasten"],
  "Pedicures (cosmetisch)": ["pedicure", "pedicuren", "voeten", "voetverzorging", "nagels", "teennagels", "eelt", "voetbad", "voetmassage"],
  "Pedicures (medisch)": ["pedicure", "medisch pedicure", "voeten", "voetverzorging", "nagels", "teennagels", "eelt", "likdoorn", "likdoorns", "ingegroeide nagel", "kalknagel", "diabetes", "diabetische voet", "reumavoet"],
  Personenalarmering: ["alarm", "valalarm", "alarmknop", "noodknop", "halszender", "polsalarm", "valdetectie", "meldkamer", "alarmering", "alleen wonen", "vallen"],
  Podoloog: ["podotherapeut", "podotherapie", "steunzolen", "inlegzolen", "zolen", "voeten", "voetklachten", "hielpijn", "looppatroon"],
  "Schilder aan huis": ["schilder", "schilderen", "schilderwerk", "verven", "verf", "behangen", "behang", "muren", "plafond", "kozijnen", "lakken"],
  Schoonheidsspecialisten: ["schoonheidsspecialist", "schoonheidsspecialiste", "gezichtsbehandeling", "huidverzorging", "huid", "harsen", "wenkbrauwen", "make-up", "visagie"],
  "Sport en Beweging": ["sport", "sporten", "bewegen", "beweging", "gym", "gymnastiek", "fitness", "yoga", "stoelyoga", "oefeningen", "conditie", "wandelen", "personal trainer", "beweegles"],
  Thuiskeepers: ["thuiskeeper", "huishoudelijke hulp", "huishoudster", "huishouden", "schoonmaken", "schoonmaak", "poetsen", "gezelschap", "boodschappen", "begeleiding", "wandelen", "mantelzorg", "oppas", "koken", "strijken"],
  Overige: [],
};
