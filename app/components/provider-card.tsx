import { Link } from "@remix-run/react";
import { formatDistanceKm } from "~/domain/geo";
import { formatEuro } from "~/domain/money";
import { formatAverage } from "~/domain/review";
import { CONTACT } from "~/domain/contact";
import { SeenByChecks } from "./seen-by";
import type { AlternativeCard, ProviderCard as ProviderCardModel, Reach, Understood } from "~/server/search.server";
import { countOf, NOUNS } from "~/domain/plural";

/** What a card shows; search and the category page produce it. */
export type ProviderCardData = ProviderCardModel;

const UNIT = { hour: "per uur", service: "per dienst" } as const;

/** "Montfoort, Woerden en IJsselstein". */
function listOf(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} en ${names.at(-1)}`;
}

/** Where a provider who does not come to the searched place does come. */
export function reachText(reach: Reach): string {
  if (reach.mode === "radius") return `Komt tot ${formatDistanceKm(reach.km)}${reach.place ? ` rond ${reach.place}` : ""}`;
  return reach.places.length > 0 ? `Komt in ${listOf(reach.places)}` : "Komt alleen in een paar plaatsen";
}

/**
 * The mini profile card of search results and category pages. With `from`
 * (an alternative: the provider does not come there) the distance is said
 * as "woont … van", with where the provider does come.
 */
export function ProviderCard({
  card,
  headingLevel = 2,
  from,
  reach,
}: {
  card: ProviderCardData;
  headingLevel?: 2 | 3;
  from?: string;
  reach?: Reach | null;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const href = `/dienstverlener/${card.slug}`;
  return (
    <article className="provider-card provider-card--search">
      <div className="provider-card__photo">
        {card.photoId ? (
          <picture>
            <source type="image/webp" srcSet={`/foto/${card.photoId}/160.webp 160w, /foto/${card.photoId}/480.webp 480w`} sizes="160px" />
            <img src={`/foto/${card.photoId}/160.jpg`} alt={`Foto van ${card.name}`} width={160} height={160} loading="lazy" />
          </picture>
        ) : (
          <span className="provider-card__placeholder" aria-hidden="true">
            {card.name.slice(0, 1)}
          </span>
        )}
      </div>
      <div className="provider-card__body">
        <Heading>
          <Link to={href}>{card.name}</Link>
        </Heading>
        {card.categories.length > 0 ? <p className="provider-card__meta">{card.categories.join(", ")}</p> : null}
        {card.introText ? <p>{card.introText}</p> : null}
        <ul className="provider-card__facts">
          {card.nationwide ? (
            <li>Werkt in heel Nederland</li>
          ) : card.distanceKm !== null && from ? (
            <li>
              Woont {formatDistanceKm(card.distanceKm)} van {from}
            </li>
          ) : card.distanceKm !== null ? (
            <li>Afstand: {formatDistanceKm(card.distanceKm)}</li>
          ) : null}
          {reach ? <li>{reachText(reach)}</li> : null}
          <li>
            {card.rating
              ? `Gemiddeld ${formatAverage(card.rating.average)} van 5 sterren (${countOf(card.rating.count, NOUNS.beoordeling)})`
              : "Nog geen beoordelingen"}
          </li>
          {card.priceFrom ? (
            <li>
              Vanaf {formatEuro(card.priceFrom.cents)} {UNIT[card.priceFrom.unit]}
              <span className="provider-card__member">
                {" "}
                (leden: {formatEuro(card.priceFrom.memberCents)} {UNIT[card.priceFrom.unit]})
              </span>
            </li>
          ) : null}
        </ul>
        {card.badges.length > 0 ? (
          <SeenByChecks title="Gezien door Vivium Services:" checks={card.badges} />
        ) : null}
        <p>
          <Link to={href} className="button button--secondary">
            Bekijk profiel<span className="visually-hidden"> van {card.name}</span>
          </Link>
        </p>
      </div>
    </article>
  );
}

/**
 * The search form of the home page and /zoeken: a plain GET form, so that a
 * result has a shareable address and it works without JavaScript.
 */
export function SearchForm({ wat = "", waar = "", idPrefix = "zoek" }: { wat?: string; waar?: string; idPrefix?: string }) {
  return (
    <form method="get" action="/zoeken" className="search-form" role="search" aria-label="Zoek een dienstverlener">
      <div className="field">
        <label htmlFor={`${idPrefix}-wat`}>Wat zoekt u?</label>
        <span className="field__hint" id={`${idPrefix}-wat-hint`}>
          Bijvoorbeeld: pedicure, computerhulp of een naam
        </span>
        <input id={`${idPrefix}-wat`} name="wat" type="search" defaultValue={wat} maxLength={200} aria-describedby={`${idPrefix}-wat-hint`} />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-waar`}>Waar?</label>
        <span className="field__hint" id={`${idPrefix}-waar-hint`}>
          Uw postcode of woonplaats
        </span>
        <input
          id={`${idPrefix}-waar`}
          name="waar"
          type="text"
          defaultValue={waar}
          maxLength={100}
          autoComplete="postal-code"
          aria-describedby={`${idPrefix}-waar-hint`}
        />
      </div>
      <button type="submit" className="button">
        Zoeken
      </button>
    </form>
  );
}

/** Previous / next links; plain links, so they work without JavaScript. */
export function Pagination({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Paginering" className="pagination">
      <ul>
        {page > 1 ? (
          <li>
            <Link to={hrefFor(page - 1)} rel="prev">
              Vorige pagina
            </Link>
          </li>
        ) : null}
        <li aria-current="page">
          Pagina {page} van {pageCount}
        </li>
        {page < pageCount ? (
          <li>
            <Link to={hrefFor(page + 1)} rel="next">
              Volgende pagina
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}


/**
 * Nobody comes to the place: the nearest providers of the same search, with
 * how far they live and where they do come, and Vivium's own help.
 */
export function NearestAlternatives({
  alternatives,
  place,
  what,
  helpHref,
}: {
  alternatives: AlternativeCard[];
  place: string;
  /** "pedicure", "Pedicures (medisch)": what was sought, for the sentence. */
  what: string | null;
  helpHref: string;
}) {
  return (
    <>
      {alternatives.length > 0 ? (
        <section aria-labelledby="alternatives-title">
          <h2 id="alternatives-title">Dienstverleners die het dichtst bij wonen</h2>
          <p>
            Deze dienstverleners{what ? ` voor ${what}` : ""} komen op dit moment niet naar {place}, maar wonen wel het dichtst bij. Misschien
            kunt u met hen iets afspreken.
          </p>
          <ul className="card-list">
            {alternatives.map((card) => (
              <li key={card.id}>
                <ProviderCard card={card} headingLevel={3} from={place} reach={card.reach} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <SearchHelp helpHref={helpHref} />
    </>
  );
}

/** Vivium's office helps find someone: by phone or with a short form. */
export function SearchHelp({ helpHref }: { helpHref: string }) {
  return (
    <section aria-labelledby="search-help-title" className="notice">
      <h2 id="search-help-title">Wij helpen u zoeken</h2>
      <p>
        Niet gevonden wat u zoekt? Bel ons op <a href={CONTACT.phoneHref}>{CONTACT.phone}</a> ({CONTACT.hours}). Of laat uw naam en
        telefoonnummer achter, dan bellen wij u.
      </p>
      <p>
        <Link to={helpHref} className="button button--secondary">
          Help mij zoeken
        </Link>
      </p>
    </section>
  );
}

/**
 * How the keyword text was read: "Resultaten voor pedicure (u typte
 * pedicuure)", words left out, "Bedoelde u …?", results for most words only.
 */
export function UnderstoodNotice({ understood, hrefFor }: { understood: Understood; hrefFor: (wat: string) => string }) {
  const lines: JSX.Element[] = [];
  if (understood.corrections.length > 0) {
    lines.push(
      <p key="corrected">
        Resultaten voor <strong>{understood.searched}</strong> (u typte {understood.corrections.map((c) => c.typed).join(", ")}).
      </p>,
    );
  }
  if (understood.placeFromKeyword) {
    lines.push(
      <p key="place">
        Wij zoeken dienstverleners die in <strong>{understood.placeFromKeyword}</strong> komen.
      </p>,
    );
  }
  if (understood.unknown.length > 0 && understood.searched !== "") {
    lines.push(
      <p key="unknown">
        Op {listOf(understood.unknown.map((word) => `“${word}”`))} is niet gezocht:{" "}
        {understood.unknown.length === 1 ? "dat woord komt" : "die woorden komen"} bij geen enkele dienstverlener voor.
      </p>,
    );
  }
  if (understood.partial) {
    lines.push(<p key="partial">Niemand past bij al uw woorden. Dit zijn de dienstverleners die bij de meeste woorden passen.</p>);
  }
  if (understood.didYouMean) {
    lines.push(
      <p key="did-you-mean">
        Bedoelde u <Link to={hrefFor(understood.didYouMean)}>{understood.didYouMean}</Link>?
      </p>,
    );
  }
  return lines.length > 0 ? <div className="search-understood">{lines}</div> : null;
}
