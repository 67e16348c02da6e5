import type { PriceUnit } from "#db/schema";

/**
 * Invented providers that make a fresh install look like the real thing:
 * spread over the country, every coverage mode, realistic texts and prices.
 * Names, phone numbers and addresses are made up.
 */
export type DemoService = { name: string; euros: number; unit: PriceUnit; description: string };

export type DemoProvider = {
  firstName: string;
  infix?: string;
  lastName: string;
  gender: "man" | "vrouw";
  company?: string;
  place: string;
  /** Index into the category's services and texts. */
  categories: string[];
  coverage: { mode: "radius"; radiusKm: number } | { mode: "places"; extraPlaces: string[] } | { mode: "nationwide" };
  /** Weekdays 0 (maandag) to 6, parts 0 (ochtend) to 2 (avond). */
  dayparts: "weekdays" | "mornings" | "afternoons" | "weekdays-and-saturday" | "evenings" | "whole-week";
};

type CategoryTexts = { intro: string; profile: string; services: DemoService[]; priceNote: string };

export const CATEGORY_TEXTS: Record<string, CategoryTexts> = {
  Administratie: {
    intro: "Ik help u rustig en overzichtelijk met post, rekeningen, belastingaangifte en toeslagen.",
    profile:
      "Veel mensen vinden papieren en formulieren lastig. Ik kom bij u thuis, neem de tijd en leg alles stap voor stap uit.\n\nIk heb twintig jaar op een administratiekantoor gewerkt en weet hoe de Belastingdienst en de gemeente werken.\n\nU houdt zelf de regie: ik doe niets zonder uw toestemming en laat alles netjes geordend achter.",
    services: [
      { name: "Hulp bij de post", euros: 35, unit: "hour", description: "Samen de post doornemen, betalingen klaarzetten en ordenen." },
      { name: "Belastingaangifte", euros: 65, unit: "service", description: "Uw jaarlijkse aangifte inkomstenbelasting, inclusief controle." },
      { name: "Toeslagen aanvragen", euros: 45, unit: "service", description: "Huur- en zorgtoeslag aanvragen of wijzigen." },
    ],
    priceNote: "Binnen 10 km geen voorrijkosten; daarbuiten € 0,25 per km.",
  },
  Computerhulp: {
    intro: "Computer, tablet of telefoon doet niet wat u wilt? Ik kom langs en leg het geduldig uit.",
    profile:
      "Ik ben al jaren de vaste computerhulp van veel ouderen in de buurt. Van e-mail en videobellen tot DigiD en internetbankieren.\n\nIk werk met geduld en in gewone taal. Geen vakjargon, wel een briefje met de stappen voor later.\n\nU betaalt alleen voor de tijd die ik echt bij u ben.",
    services: [
      { name: "Computerhulp aan huis", euros: 30, unit: "hour", description: "Problemen oplossen, installeren en uitleg op uw eigen apparaat." },
      { name: "Tablet of telefoon instellen", euros: 45, unit: "service", description: "Nieuw apparaat klaarmaken met e-mail, WhatsApp en foto's." },
      { name: "Les videobellen", euros: 25, unit: "hour", description: "Leren videobellen met de (klein)kinderen." },
    ],
    priceNote: "Geen voorrijkosten in mijn werkgebied. Niet opgelost? Dan betaalt u niets.",
  },
  Fysiotherapie: {
    intro: "Fysiotherapeut aan huis: beter bewegen en minder pijn, in uw eigen vertrouwde omgeving.",
    profile:
      "Als BIG-geregistreerd fysiotherapeut behandel ik cliënten thuis, zodat u niet hoeft te reizen.\n\nIk help bij herstel na een operatie, bij vallen voorkomen en bij klachten aan rug, nek en gewrichten.\n\nSamen maken we een plan dat bij u past, met oefeningen die u zelf kunt doen.",
    services: [
      { name: "Behandeling aan huis", euros: 48, unit: "service", description: "Behandeling van 30 minuten, vaak vergoed door uw zorgverzekeraar." },
      { name: "Valpreventie-training", euros: 40, unit: "service", description: "Oefeningen voor balans en kracht, om vallen te voorkomen." },
    ],
    priceNote: "Met een aanvullende verzekering wordt de behandeling vaak vergoed.",
  },
  Glazenwassers: {
    intro: "Weer helder zicht naar buiten: ramen binnen en buiten, netjes en op afspraak.",
    profile:
      "Ik ben glazenwasser met een eigen bedrijf en werk al vijftien jaar in de regio.\n\nIk kom op een vaste dag, zodat u weet waar u aan toe bent. Ook de kozijnen neem ik mee.\n\nBetrouwbaar, verzekerd en altijd even tijd voor een praatje.",
    services: [
      { name: "Ramen buiten", euros: 25, unit: "service", description: "Alle ramen aan de buitenkant van een rijtjeshuis." },
      { name: "Ramen binnen en buiten", euros: 45, unit: "service", description: "Alle ramen binnen en buiten, inclusief kozijnen." },
    ],
    priceNote: "Prijzen gelden voor een gewone eengezinswoning; appartementen op aanvraag.",
  },
  Klusjesmannen: {
    intro: "Lamp ophangen, deur die klemt, kraan die lekt? Ik los kleine klussen in huis snel op.",
    profile:
      "Ik ben een handige klusjesman met een hart voor ouderen. Kleine klussen zijn voor mij nooit te klein.\n\nIk werk netjes, ruim op na afloop en vertel vooraf wat het gaat kosten.\n\nVeel klanten bellen mij al jaren voor alles wat in en om het huis moet gebeuren.",
    services: [
      { name: "Klussen in en om huis", euros: 35, unit: "hour", description: "Ophangen, repareren, monteren en kleine timmerklussen." },
      { name: "Rookmelders plaatsen", euros: 20, unit: "service", description: "Per rookmelder, inclusief testen. Melder zelf niet inbegrepen." },
      { name: "Meubels in elkaar zetten", euros: 32.5, unit: "hour", description: "Bouwpakketten monteren en oude meubels afvoeren." },
    ],
    priceNote: "Materiaal wordt apart berekend tegen inkoopprijs.",
  },
  "Pedicures (medisch)": {
    intro: "Medisch pedicure aan huis: zorg voor diabetische en reumatische voeten, met oog voor detail.",
    profile:
      "Ik ben medisch pedicure en behandel veel ouderen thuis, ook met diabetes of reuma.\n\nGoede voetzorg helpt u langer zelfstandig en pijnvrij te lopen.\n\nIk werk met steriele instrumenten en volg de richtlijnen van ProVoet.",
    services: [
      { name: "Medische voetbehandeling", euros: 42, unit: "service", description: "Nagels knippen, eelt en likdoorns verwijderen, advies." },
      { name: "Diabetische voetcontrole", euros: 35, unit: "service", description: "Jaarlijkse controle van gevoel en doorbloeding." },
    ],
    priceNote: "Voorrijkosten € 3,50 per bezoek.",
  },
  "Pedicures (cosmetisch)": {
    intro: "Heerlijk verzorgde voeten zonder de deur uit te gaan. Rustig, zorgvuldig en hygiënisch.",
    profile:
      "Als pedicure kom ik bij u thuis met alles wat nodig is.\n\nIk neem de tijd voor een voetbad, het knippen van de nagels en een ontspannende voetmassage.\n\nVeel van mijn klanten zie ik elke zes weken; dat vind ik het mooiste van mijn werk.",
    services: [
      { name: "Basis pedicurebehandeling", euros: 32, unit: "service", description: "Voetbad, nagels knippen en vijlen, eelt verwijderen." },
      { name: "Voetmassage", euros: 15, unit: "service", description: "Een ontspannende massage van 15 minuten." },
    ],
    priceNote: "Geen voorrijkosten.",
  },
  "Manicure aan huis": {
    intro: "Verzorgde handen en nagels, thuis in uw eigen stoel. Ook voor bewoners van een verzorgingshuis.",
    profile:
      "Ik ben manicure en kom graag bij u langs voor een verzorgende behandeling.\n\nEen behandeling is ook een moment van aandacht en een goed gesprek.\n\nIk werk met milde, geurvrije producten.",
    services: [
      { name: "Manicure", euros: 25, unit: "service", description: "Nagels vijlen, nagelriemen verzorgen en handcrème." },
      { name: "Manicure met lak", euros: 30, unit: "service", description: "Zoals de manicure, met een kleurtje naar keuze." },
    ],
    priceNote: "Voor twee behandelingen op hetzelfde adres krijgt u € 5 korting.",
  },
  Massage: {
    intro: "Ontspannende en pijnverlichtende massage aan huis, afgestemd op uw lichaam.",
    profile:
      "Ik ben gediplomeerd masseur en masseer al jaren ouderen aan huis.\n\nMijn massages zijn rustig en zacht, en altijd afgestemd op wat u prettig vindt.\n\nIk neem een inklapbare massagetafel mee, maar masseren in uw eigen stoel kan ook.",
    services: [
      { name: "Ontspanningsmassage", euros: 45, unit: "service", description: "Massage van rug, nek en schouders, 45 minuten." },
      { name: "Stoelmassage", euros: 25, unit: "service", description: "Massage in uw eigen stoel, 20 minuten." },
    ],
    priceNote: "Geen voorrijkosten binnen mijn werkgebied.",
  },
  Thuiskeepers: {
    intro: "Een vertrouwd gezicht in huis: gezelschap, boodschappen en een oogje in het zeil.",
    profile:
      "Als thuiskeeper ben ik er voor ouderen die graag thuis blijven wonen.\n\nIk doe boodschappen, ga mee naar de dokter, drink een kop koffie en houd de familie op de hoogte als u dat wilt.\n\nBetrouwbaarheid staat bij mij voorop; ik heb een Verklaring Omtrent het Gedrag.",
    services: [
      { name: "Gezelschap en begeleiding", euros: 27.5, unit: "hour", description: "Samen wandelen, spelletjes doen of mee naar afspraken." },
      { name: "Boodschappen doen", euros: 22.5, unit: "hour", description: "Boodschappen halen en opruimen, ook met u samen." },
    ],
    priceNote: "Reiskosten binnen 5 km inbegrepen.",
  },
  "Schilder aan huis": {
    intro: "Binnen- en buitenschilderwerk door een vakman die netjes werkt en op tijd komt.",
    profile:
      "Ik ben zelfstandig schilder met meer dan 25 jaar ervaring.\n\nIk dek alles goed af en ruim elke dag netjes op, zodat u er zo weinig mogelijk last van heeft.\n\nVooraf krijgt u een duidelijke prijsopgave, zonder verrassingen.",
    services: [
      { name: "Schilderwerk binnen", euros: 42.5, unit: "hour", description: "Muren, plafonds, deuren en kozijnen binnen." },
      { name: "Kozijnen buiten", euros: 47.5, unit: "hour", description: "Schuren, gronden en aflakken van buitenkozijnen." },
    ],
    priceNote: "Verf en materiaal worden apart berekend.",
  },
  Opruimcoach: {
    intro: "Opruimen zonder stress. Samen maken we ruimte, in uw tempo en met respect voor uw spullen.",
    profile:
      "Als opruimcoach help ik bij verhuizen naar een kleinere woning of gewoon bij meer overzicht in huis.\n\nU beslist wat blijft en wat weg mag; ik help met sorteren, afvoeren en een fijne plek voor alles.\n\nIk werk discreet en met veel geduld.",
    services: [
      { name: "Opruimsessie", euros: 40, unit: "hour", description: "Samen een kamer of kast opruimen, minimaal 2 uur." },
      { name: "Verhuisbegeleiding", euros: 38, unit: "hour", description: "Hulp bij inpakken, sorteren en inrichten na de verhuizing." },
    ],
    priceNote: "Afvoeren naar kringloop of milieustraat tegen kostprijs.",
  },
  "Sport en Beweging": {
    intro: "Fit blijven met plezier: beweeglessen aan huis of in kleine groepjes in de buurt.",
    profile:
      "Ik ben bewegingsdocent en geef les aan ouderen, thuis of in de wijk.\n\nBewegen houdt u sterk en zelfstandig, en het is gezellig.\n\nDe oefeningen zijn veilig en worden aangepast aan wat u kunt.",
    services: [
      { name: "Beweegles aan huis", euros: 30, unit: "service", description: "Persoonlijke les van 45 minuten in uw eigen huiskamer." },
      { name: "Stoelyoga in groepjes", euros: 8, unit: "service", description: "Yoga op de stoel in een groep van maximaal 8 personen." },
    ],
    priceNote: "Een proefles is gratis.",
  },
  Personenalarmering: {
    intro: "Een alarmknop om uw hals of pols, zodat er altijd iemand komt als u hulp nodig heeft.",
    profile:
      "Wij installeren personenalarmering in heel Nederland.\n\nEen monteur komt bij u thuis, legt alles uit en test het alarm samen met u.\n\nOnze meldkamer is dag en nacht bereikbaar.",
    services: [
      { name: "Installatie alarmknop", euros: 49, unit: "service", description: "Plaatsen en testen van het alarmkastje met halszender." },
      { name: "Abonnement meldkamer", euros: 19.95, unit: "service", description: "Per maand, 24 uur per dag bereikbaar." },
    ],
    priceNote: "Soms vergoed via de Wmo van uw gemeente.",
  },
  Nalatenschapsdossier: {
    intro: "Alles goed geregeld voor later: een overzichtelijk dossier voor uw nabestaanden.",
    profile:
      "Ik help u om uw wensen en belangrijke gegevens op één plek vast te leggen.\n\nVan verzekeringen tot uitvaartwensen: uw familie weet straks precies waar alles is.\n\nIk werk vertrouwelijk en kom bij u thuis of help via een videogesprek.",
    services: [
      { name: "Nalatenschapsdossier opstellen", euros: 195, unit: "service", description: "Twee gesprekken en een compleet dossier op papier." },
      { name: "Adviesgesprek", euros: 55, unit: "hour", description: "Vrijblijvend gesprek over wat u kunt regelen." },
    ],
    priceNote: "Geen reiskosten in heel Nederland.",
  },
  "Kapper aan huis": {
    intro: "Uw kapper aan huis: knippen, föhnen of een permanent in uw eigen vertrouwde stoel.",
    profile:
      "Ik ben al ruim twintig jaar kapper en kom sinds een paar jaar bij mensen thuis, ook in verzorgingshuizen.\n\nNiet meer naar de kapsalon hoeven is voor veel van mijn klanten een uitkomst: geen reis, geen wachten, gewoon een kop koffie in uw eigen keuken.\n\nIk neem alles mee, van kapmantel tot föhn, en ruim na afloop netjes op.",
    services: [
      { name: "Knippen dames", euros: 27.5, unit: "service", description: "Wassen, knippen en in model föhnen." },
      { name: "Knippen heren", euros: 19.5, unit: "service", description: "Knippen met schaar en tondeuse, ook de nek en wenkbrauwen." },
      { name: "Permanent", euros: 65, unit: "service", description: "Permanent voor kort tot halflang haar, inclusief knippen." },
    ],
    priceNote: "Geen voorrijkosten binnen mijn werkgebied. Twee klanten op hetzelfde adres? Dan krijgt de tweede € 2,50 korting.",
  },
};

export const DEMO_PROVIDERS: DemoProvider[] = [
  { firstName: "Bert", lastName: "Klinkenberg", gender: "man", company: "Klinkenberg Thuishulp", place: "Woerden", categories: ["Thuiskeepers"], coverage: { mode: "radius", radiusKm: 15 }, dayparts: "weekdays" },
  { firstName: "Annelies", infix: "de", lastName: "Vries", gender: "vrouw", place: "Utrecht", categories: ["Computerhulp"], coverage: { mode: "radius", radiusKm: 10 }, dayparts: "weekdays-and-saturday" },
  { firstName: "Mohamed", lastName: "El Amrani", gender: "man", company: "Klusbedrijf El Amrani", place: "Amsterdam", categories: ["Klusjesmannen"], coverage: { mode: "places", extraPlaces: ["Amstelveen", "Diemen", "Ouderkerk aan de Amstel"] }, dayparts: "whole-week" },
  { firstName: "Ria", lastName: "Jansen", gender: "vrouw", place: "Rotterdam", categories: ["Pedicures (medisch)"], coverage: { mode: "radius", radiusKm: 12 }, dayparts: "mornings" },
  { firstName: "Henk", infix: "van", lastName: "Dijk", gender: "man", company: "Van Dijk Glasbewassing", place: "Groningen", categories: ["Glazenwassers"], coverage: { mode: "radius", radiusKm: 25 }, dayparts: "weekdays" },
  { firstName: "Fatma", lastName: "Yilmaz", gender: "vrouw", place: "'s-Gravenhage", categories: ["Manicure aan huis", "Pedicures (cosmetisch)"], coverage: { mode: "places", extraPlaces: ["Rijswijk", "Voorburg", "Wassenaar"] }, dayparts: "afternoons" },
  { firstName: "Kees", lastName: "Bakker", gender: "man", company: "Bakker Administratie", place: "Zwolle", categories: ["Administratie"], coverage: { mode: "nationwide" }, dayparts: "weekdays" },
  { firstName: "Ingrid", lastName: "Smit", gender: "vrouw", place: "Eindhoven", categories: ["Fysiotherapie"], coverage: { mode: "radius", radiusKm: 8 }, dayparts: "weekdays" },
  { firstName: "Willem", infix: "de", lastName: "Boer", gender: "man", place: "Leeuwarden", categories: ["Computerhulp"], coverage: { mode: "radius", radiusKm: 30 }, dayparts: "evenings" },
  { firstName: "Sandra", lastName: "Mulder", gender: "vrouw", company: "Opgeruimd Leven", place: "Amersfoort", categories: ["Opruimcoach"], coverage: { mode: "radius", radiusKm: 40 }, dayparts: "weekdays-and-saturday" },
  { firstName: "Jan", infix: "van der", lastName: "Berg", gender: "man", company: "Schildersbedrijf Van der Berg", place: "Arnhem", categories: ["Schilder aan huis"], coverage: { mode: "radius", radiusKm: 20 }, dayparts: "weekdays" },
  { firstName: "Marieke", lastName: "Visser", gender: "vrouw", place: "Nijmegen", categories: ["Massage"], coverage: { mode: "places", extraPlaces: ["Beuningen", "Malden", "Groesbeek"] }, dayparts: "afternoons" },
  { firstName: "Ahmed", lastName: "Bouzid", gender: "man", place: "Tilburg", categories: ["Computerhulp"], coverage: { mode: "radius", radiusKm: 15 }, dayparts: "whole-week" },
  { firstName: "Joke", lastName: "Meijer", gender: "vrouw", place: "Maastricht", categories: ["Thuiskeepers"], coverage: { mode: "radius", radiusKm: 10 }, dayparts: "mornings" },
  { firstName: "Pieter", lastName: "Hoekstra", gender: "man", company: "Hoekstra Klussen", place: "Sneek", categories: ["Klusjesmannen"], coverage: { mode: "radius", radiusKm: 35 }, dayparts: "weekdays-and-saturday" },
  { firstName: "Els", infix: "van", lastName: "Leeuwen", gender: "vrouw", place: "Leiden", categories: ["Pedicures (cosmetisch)"], coverage: { mode: "places", extraPlaces: ["Oegstgeest", "Leiderdorp", "Voorschoten"] }, dayparts: "weekdays" },
  { firstName: "Ruud", lastName: "Kramer", gender: "man", company: "Alarmzeker BV", place: "Apeldoorn", categories: ["Personenalarmering"], coverage: { mode: "nationwide" }, dayparts: "whole-week" },
  { firstName: "Yvonne", lastName: "Peters", gender: "vrouw", place: "Breda", categories: ["Sport en Beweging"], coverage: { mode: "radius", radiusKm: 12 }, dayparts: "mornings" },
  { firstName: "Gerrit", lastName: "Vos", gender: "man", place: "Enschede", categories: ["Klusjesmannen", "Schilder aan huis"], coverage: { mode: "radius", radiusKm: 20 }, dayparts: "weekdays" },
  { firstName: "Nicole", lastName: "Dekker", gender: "vrouw", company: "Dekker Dossiers", place: "Haarlem", categories: ["Nalatenschapsdossier", "Administratie"], coverage: { mode: "nationwide" }, dayparts: "weekdays" },
  { firstName: "Sjoerd", lastName: "Postma", gender: "man", place: "Drachten", categories: ["Thuiskeepers"], coverage: { mode: "places", extraPlaces: ["Gorredijk", "Burgum"] }, dayparts: "whole-week" },
  { firstName: "Anja", lastName: "Brouwer", gender: "vrouw", place: "Den Helder", categories: ["Manicure aan huis"], coverage: { mode: "radius", radiusKm: 15 }, dayparts: "afternoons" },
  { firstName: "Mustafa", lastName: "Kaya", gender: "man", place: "Almere", categories: ["Computerhulp"], coverage: { mode: "radius", radiusKm: 20 }, dayparts: "evenings" },
  { firstName: "Truus", lastName: "Willems", gender: "vrouw", place: "Venlo", categories: ["Pedicures (medisch)"], coverage: { mode: "radius", radiusKm: 18 }, dayparts: "weekdays" },
  { firstName: "Dirk", lastName: "Hendriks", gender: "man", company: "Hendriks Glans", place: "'s-Hertogenbosch", categories: ["Glazenwassers"], coverage: { mode: "places", extraPlaces: ["Rosmalen", "Vught", "Den Dungen"] }, dayparts: "weekdays" },
  { firstName: "Lotte", infix: "van den", lastName: "Heuvel", gender: "vrouw", place: "Middelburg", categories: ["Fysiotherapie"], coverage: { mode: "radius", radiusKm: 20 }, dayparts: "weekdays-and-saturday" },
  { firstName: "Bram", lastName: "Koster", gender: "man", place: "Gouda", categories: ["Klusjesmannen"], coverage: { mode: "radius", radiusKm: 10 }, dayparts: "whole-week" },
  { firstName: "Wilma", lastName: "Prins", gender: "vrouw", place: "Assen", categories: ["Opruimcoach"], coverage: { mode: "radius", radiusKm: 30 }, dayparts: "mornings" },
  { firstName: "Erik", lastName: "Schouten", gender: "man", place: "Hoorn", categories: ["Computerhulp"], coverage: { mode: "places", extraPlaces: ["Enkhuizen", "Medemblik", "Purmerend"] }, dayparts: "afternoons" },
  { firstName: "Carla", lastName: "Verbeek", gender: "vrouw", place: "Deventer", categories: ["Massage"], coverage: { mode: "radius", radiusKm: 15 }, dayparts: "weekdays" },
  { firstName: "Hans", lastName: "Wouters", gender: "man", place: "Roermond", categories: ["Schilder aan huis"], coverage: { mode: "radius", radiusKm: 25 }, dayparts: "weekdays" },
  { firstName: "Saskia", lastName: "Timmermans", gender: "vrouw", place: "Dordrecht", categories: ["Thuiskeepers"], coverage: { mode: "radius", radiusKm: 10 }, dayparts: "whole-week" },
  { firstName: "Rob", infix: "de", lastName: "Graaf", gender: "man", place: "Alkmaar", categories: ["Sport en Beweging"], coverage: { mode: "radius", radiusKm: 15 }, dayparts: "evenings" },
  { firstName: "Esther", lastName: "Kuipers", gender: "vrouw", place: "Emmen", categories: ["Pedicures (medisch)", "Pedicures (cosmetisch)"], coverage: { mode: "radius", radiusKm: 25 }, dayparts: "weekdays" },
  { firstName: "Frank", lastName: "Jacobs", gender: "man", place: "Helmond", categories: ["Klusjesmannen"], coverage: { mode: "radius", radiusKm: 12 }, dayparts: "weekdays-and-saturday" },
  { firstName: "Monique", lastName: "Lambregts", gender: "vrouw", place: "Bergen op Zoom", categories: ["Manicure aan huis"], coverage: { mode: "places", extraPlaces: ["Roosendaal", "Halsteren"] }, dayparts: "mornings" },
  { firstName: "Theo", lastName: "Gerritsen", gender: "man", place: "Doetinchem", categories: ["Computerhulp"], coverage: { mode: "radius", radiusKm: 20 }, dayparts: "weekdays" },
  { firstName: "Greet", lastName: "Zijlstra", gender: "vrouw", place: "Harderwijk", categories: ["Opruimcoach", "Thuiskeepers"], coverage: { mode: "radius", radiusKm: 25 }, dayparts: "afternoons" },
  { firstName: "Marco", lastName: "Rossi", gender: "man", company: "Rossi Installatie", place: "Hilversum", categories: ["Klusjesmannen"], coverage: { mode: "radius", radiusKm: 15 }, dayparts: "weekdays" },
  { firstName: "Hanneke", lastName: "Bos", gender: "vrouw", place: "Montfoort", categories: ["Pedicures (medisch)"], coverage: { mode: "places", extraPlaces: ["Woerden", "IJsselstein", "Oudewater"] }, dayparts: "weekdays" },
  { firstName: "Daphne", lastName: "Rijnders", gender: "vrouw", company: "Knipservice Rijnders", place: "Harmelen", categories: ["Kapper aan huis"], coverage: { mode: "radius", radiusKm: 15 }, dayparts: "afternoons" },
];
