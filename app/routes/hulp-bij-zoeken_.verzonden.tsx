import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { CONTACT } from "~/domain/contact";

export const meta: MetaFunction = () => [
  { title: "Uw vraag is verstuurd — Hulp bij het zoeken — Vivium Services" },
  { name: "robots", content: "noindex" },
];

/** The page after a sent "Help mij zoeken" request (post/redirect/get): reloading it sends nothing again. */
export default function SearchHelpSent() {
  return (
    <section aria-labelledby="search-help-sent-title" className="search-help-page">
      <h1 id="search-help-sent-title">Uw vraag is verstuurd</h1>
      <p className="notice notice--success">Dank u wel. Uw vraag is bij ons kantoor aangekomen.</p>
      <h2>Wat gebeurt er nu?</h2>
      <ol>
        <li>We bellen u zo snel mogelijk terug, op werkdagen.</li>
        <li>Samen zoeken we iemand die u kan helpen.</li>
      </ol>
      <p>
        Wilt u ons zelf bellen? Dat kan op <a href={CONTACT.phoneHref}>{CONTACT.phone}</a>, {CONTACT.hours}.
      </p>
      <p>
        <Link to="/">Naar de startpagina</Link>
      </p>
    </section>
  );
}
