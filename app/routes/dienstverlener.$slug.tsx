import { redirect, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CoverageMap } from "~/components/coverage-map";
import { DayName } from "~/components/day-name";
import { SeenByChecks } from "~/components/seen-by";
import { TableScroll } from "~/components/table-scroll";
import { formatEuro, memberPriceCents } from "~/domain/money";
import { photoUrl } from "~/domain/profile-photo";
import { formatAverage, ratingSentence } from "~/domain/review";
import { DAYPARTS, WEEKDAYS } from "~/domain/wizard";
import { database } from "~/server/db.server";
import { findPublicProfile, type PublicProfile } from "~/server/profile.server";
import { recordProfileView } from "~/server/stats.server";
import stylesHref from "~/styles/profile-page.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  if (!data) return [{ title: "Pagina niet gevonden — Vivium Services" }];
  const { profile } = data;
  const category = profile.categories[0]?.name;
  return [
    { title: [profile.name, category, "Vivium Services"].filter(Boolean).join(" — ") },
    { name: "description", content: description(profile) },
  ];
};

function description(profile: PublicProfile): string {
  const text = profile.introText || `Maak kennis met ${profile.name} via Vivium Services.`;
  return text.length > 160 ? `${text.slice(0, 157).trimEnd()}…` : text;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db } = database();
  const result = await findPublicProfile(db, params.slug ?? "");
  if (result.kind === "redirect") throw redirect(`/dienstverlener/${encodeURIComponent(result.slug)}`, 301);
  if (result.kind === "not-found") throw new Response("Niet gevonden", { status: 404 });
  recordProfileView(result.providerId, request.headers.get("user-agent"));
  return { profile: result.profile };
}

const UNIT_LABELS = { hour: "per uur", service: "per dienst" } as const;

export default function ProviderProfile() {
  const { profile } = useLoaderData<typeof loader>();
  const category = profile.categories[0] ?? null;
  return (
    <article className="profile" aria-labelledby="profile-title">
      <nav aria-label="Kruimelpad" className="breadcrumbs">
        <ol>
          <li>
            <Link to="/">Startpagina</Link>
          </li>
          {category ? (
            <li>
              <Link to={`/categorie/${category.slug}`}>{category.name}</Link>
            </li>
          ) : null}
          <li aria-current="page">{profile.name}</li>
        </ol>
      </nav>

      <header className="profile__header">
        <ProfilePhoto profile={profile} />
        <div className="profile__heading">
          <h1 id="profile-title">Maak kennis met {profile.name}</h1>
          {profile.categories.length > 0 ? (
            <p className="profile__categories">{profile.categories.map((c) => c.name).join(" · ")}</p>
          ) : null}
          {profile.introText ? <p className="profile__intro">{profile.introText}</p> : null}
          {profile.paused ? (
            <p className="notice profile__paused">
              {profile.name} is tijdelijk niet beschikbaar{profile.pausedUntilText ? ` (${profile.pausedUntilText})` : ""} en neemt op dit
              moment geen nieuwe aanvragen aan.
            </p>
          ) : (
            <ContactButton profile={profile} />
          )}
        </div>
      </header>

      {profile.video ? (
        <section className="profile__section" aria-labelledby="video-title">
          <h2 id="video-title">Introductievideo</h2>
          {/* A captions track only when staff added a captions file to the video. */}
          {/* eslint-disable-next-line jsx-a11y/media-has-caption */}
          <video className="profile__video" controls preload="metadata" poster={profile.video.poster ?? undefined}>
            <source src={profile.video.src} />
            {profile.video.captionsSrc ? <track kind="captions" src={profile.video.captionsSrc} srcLang="nl" label="Nederlands" default /> : null}
          </video>
        </section>
      ) : null}

      {profile.profileParagraphs.length > 0 ? (
        <section className="profile__section" aria-labelledby="about-title">
          <h2 id="about-title">Over {profile.firstName}</h2>
          {profile.profileParagraphs.map((paragraph, index) => (
            <p key={index}>{paragraph}</p>
          ))}
        </section>
      ) : null}

      <Services profile={profile} />

      <section className="profile__section" aria-labelledby="area-title">
        <h2 id="area-title">Werkgebied</h2>
        {profile.coverage ? (
          <CoverageMap
            map={profile.coverage.map}
            sentence={profile.coverage.sentence}
            firstName={profile.firstName}
            basePlace={profile.coverage.basePlace}
          />
        ) : (
          <p>Vraag {profile.firstName} gerust of uw woonplaats binnen het werkgebied valt.</p>
        )}
      </section>

      <Dayparts profile={profile} />
      <SeenBy profile={profile} />
      <Reviews profile={profile} />

      {profile.paused ? null : (
        <section className="profile__section profile__contact" aria-labelledby="contact-title">
          <h2 id="contact-title">Wilt u {profile.firstName} iets vragen of een afspraak maken?</h2>
          <ContactButton profile={profile} />
        </section>
      )}
    </article>
  );
}

function ContactButton({ profile }: { profile: PublicProfile }) {
  return (
    <p className="profile__contact-button">
      <Link to={`/dienstverlener/${profile.slug}/contact`} className="button button--large">
        Contact opnemen met {profile.firstName}
      </Link>
    </p>
  );
}

function ProfilePhoto({ profile }: { profile: PublicProfile }) {
  if (!profile.photoId) {
    return (
      <div className="profile__photo profile__photo--placeholder" role="img" aria-label={`Nog geen foto van ${profile.name}`}>
        <span aria-hidden="true">{profile.firstName.slice(0, 1).toUpperCase()}</span>
      </div>
    );
  }
  const id = profile.photoId;
  return (
    <picture>
      <source type="image/webp" srcSet={`${photoUrl(id, "480.webp")} 480w, ${photoUrl(id, "960.webp")} 960w`} sizes="16rem" />
      <img
        className="profile__photo"
        src={photoUrl(id, "480.jpg")}
        srcSet={`${photoUrl(id, "480.jpg")} 480w, ${photoUrl(id, "960.jpg")} 960w`}
        sizes="16rem"
        width={480}
        height={600}
        alt={`Foto van ${profile.name}`}
      />
    </picture>
  );
}

function Services({ profile }: { profile: PublicProfile }) {
  return (
    <section className="profile__section" aria-labelledby="services-title">
      <h2 id="services-title">Diensten en prijzen</h2>
      {profile.services.length > 0 ? (
        <TableScroll className="profile__table-wrap profile__services-wrap" label={`Diensten en prijzen van ${profile.name}`}>
          <table className="profile__table profile__services">
            <caption className="visually-hidden">Diensten en prijzen van {profile.name}</caption>
            <thead>
              <tr>
                <th scope="col">Dienst</th>
                <th scope="col">Prijs</th>
                <th scope="col">Ledenprijs</th>
                <th scope="col">Omschrijving</th>
              </tr>
            </thead>
            <tbody>
              {profile.services.map((service, index) => (
                <tr key={index}>
                  <th scope="row">{service.name}</th>
                  <td className="profile__price">
                    {formatEuro(service.priceCents)} {UNIT_LABELS[service.unit]}
                  </td>
                  <td className="profile__price">
                    {formatEuro(memberPriceCents(service.priceCents))} {UNIT_LABELS[service.unit]}
                  </td>
                  <td>{service.description}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p>{profile.firstName} heeft nog geen prijzen opgegeven. Vraag gerust naar de mogelijkheden.</p>
      )}
      {profile.services.length > 0 ? (
        // On a phone the four columns do not fit: the same prices as one block per service,
        // with nothing left out. CSS shows either this list or the table, never both.
        <ul className="profile__service-list">
          {profile.services.map((service, index) => (
            <li key={index} className="profile__service">
              <h3 className="profile__service-name">{service.name}</h3>
              <dl className="profile__service-prices">
                <dt>Prijs</dt>
                <dd className="profile__price">
                  {formatEuro(service.priceCents)} {UNIT_LABELS[service.unit]}
                </dd>
                <dt>Ledenprijs</dt>
                <dd className="profile__price">
                  {formatEuro(memberPriceCents(service.priceCents))} {UNIT_LABELS[service.unit]}
                </dd>
              </dl>
              {service.description ? <p className="profile__service-description">{service.description}</p> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="profile__member-note">
        Bent u lid van Vivium? Dan betaalt u de ledenprijs: 10% korting op de gewone prijs.
      </p>
      {profile.priceNote ? (
        <>
          <h3>Algemene prijsomschrijving</h3>
          <p>{profile.priceNote}</p>
        </>
      ) : null}
      {profile.priceListId ? (
        <p>
          <a href={`/prijslijst/${profile.priceListId}`} className="profile__pdf-link">
            Bekijk de uitgebreide prijslijst (PDF)
          </a>
        </p>
      ) : null}
    </section>
  );
}

function Dayparts({ profile }: { profile: PublicProfile }) {
  const available = new Set(profile.dayparts.map((d) => `${d.weekday}-${d.daypart}`));
  return (
    <section className="profile__section" aria-labelledby="dayparts-title">
      <h2 id="dayparts-title">Wanneer kan {profile.firstName}?</h2>
      <TableScroll className="profile__table-wrap" label={`Dagdelen waarop ${profile.firstName} beschikbaar is`}>
        <table className="profile__table profile__dayparts">
          <caption className="visually-hidden">Dagdelen waarop {profile.firstName} beschikbaar is</caption>
          <thead>
            <tr>
              <td />
              {DAYPARTS.map((part) => (
                <th key={part} scope="col">
                  {capitalise(part)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {WEEKDAYS.map((day, weekday) => (
              <tr key={day}>
                <th scope="row">
                  <DayName day={day} />
                </th>
                {DAYPARTS.map((part, daypart) =>
                  available.has(`${weekday}-${daypart}`) ? (
                    <td key={part} className="profile__daypart profile__daypart--yes">
                      <span aria-hidden="true">✓</span>
                      <span className="visually-hidden">beschikbaar</span>
                    </td>
                  ) : (
                    <td key={part} className="profile__daypart profile__daypart--no">
                      <span aria-hidden="true">–</span>
                      <span className="visually-hidden">niet beschikbaar</span>
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {profile.dayparts.length === 0 ? <p>{profile.firstName} spreekt de tijden graag met u af.</p> : null}
    </section>
  );
}

function SeenBy({ profile }: { profile: PublicProfile }) {
  const checks = [
    profile.checks.identitySeen ? "Identiteitsbewijs gezien" : null,
    profile.checks.metInPerson ? "Persoonlijk gezien" : null,
    profile.checks.vogReceived ? "Verklaring omtrent gedrag" : null,
    profile.checks.introVideo ? "Introductievideo" : null,
  ].filter((c): c is string => c !== null);
  return (
    <section className="profile__section" aria-labelledby="seen-title">
      <h2 id="seen-title">Gezien door Vivium Services</h2>
      {checks.length > 0 ? (
        <SeenByChecks checks={checks} />
      ) : (
        <p>Vivium Services belt elke nieuwe dienstverlener voor een kennismaking.</p>
      )}
    </section>
  );
}

/** Whole stars, rounded: the exact figure is always there in text as well. */
function starGlyphs(value: number): string {
  const rounded = Math.min(5, Math.max(0, Math.round(value)));
  return "★".repeat(rounded) + "☆".repeat(5 - rounded);
}

function Stars({ value }: { value: number }) {
  const label = `${formatAverage(value)} van de 5 sterren`;
  return (
    <span className="profile__stars">
      <span aria-hidden="true">{starGlyphs(value)}</span>
      <span className="visually-hidden">{label}</span>
    </span>
  );
}

function Reviews({ profile }: { profile: PublicProfile }) {
  const { reviews } = profile;
  return (
    <section className="profile__section" aria-labelledby="reviews-title">
      <h2 id="reviews-title">Beoordelingen</h2>
      {reviews.count === 0 || reviews.average === null ? (
        <p>Nog geen beoordelingen.</p>
      ) : (
        <>
          <p className="profile__average">
            <span className="profile__stars" aria-hidden="true">
              {starGlyphs(reviews.average)}
            </span>{" "}
            Gemiddeld {ratingSentence(reviews.average, reviews.count)}
          </p>
          <ul className="profile__reviews">
            {reviews.items.map((review, index) => (
              <li key={index}>
                <p>
                  <Stars value={review.stars} /> — {review.author}, {review.date}
                </p>
                <p className="profile__review-text">{review.text}</p>
                {review.reply ? (
                  <div className="profile__review-reply">
                    <p>
                      <strong>Reactie van {profile.firstName}</strong>, {review.reply.date}
                    </p>
                    <p className="profile__review-text">{review.reply.text}</p>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function capitalise(text: string): string {
  return text.slice(0, 1).toUpperCase() + text.slice(1);
}
