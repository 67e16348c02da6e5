import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";

import { CONTACT } from "~/domain/contact";
import type { SignedInPerson } from "~/domain/signed-in";

export function SiteHeader({ signedIn }: { signedIn: SignedInPerson | null }) {
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link to="/" className="site-name">
          <span aria-hidden="true" className="site-name__mark">
            V
          </span>
          Vivium Services
        </Link>
        <nav aria-label="Hoofdmenu">
          <ul className="site-nav">
            {signedIn ? (
              <>
                <li>
                  <Link to={signedIn.ownPages.href}>{signedIn.ownPages.label}</Link>
                </li>
                <li>
                  <Form method="post" action="/uitloggen">
                    <button type="submit" className="button--secondary">
                      Uitloggen <span className="visually-hidden">({signedIn.firstName})</span>
                    </button>
                  </Form>
                </li>
              </>
            ) : (
              <>
                <li>
                  <Link to="/aanmelden">Dienstverlener worden</Link>
                </li>
                <li>
                  <Link to="/inloggen" className="button button--secondary">
                    Inloggen
                  </Link>
                </li>
              </>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="container site-footer__inner">
        <section aria-labelledby="footer-contact">
          <h2 id="footer-contact">Hulp nodig?</h2>
          <p>
            Bel ons op <a href={CONTACT.phoneHref}>{CONTACT.phone}</a>
            <br />
            {CONTACT.hours}.
          </p>
          <p>
            Of mail naar <a href={`mailto:${CONTACT.email}`}>{CONTACT.email}</a>.
          </p>
        </section>
        <section aria-labelledby="footer-providers">
          <h2 id="footer-providers">Voor dienstverleners</h2>
          <ul>
            <li>
              <Link to="/aanmelden">Aanmelden als dienstverlener</Link>
            </li>
            <li>
              <Link to="/pakketten">Promotiepakketten</Link>
            </li>
            <li>
              <Link to="/inloggen">Inloggen</Link>
            </li>
          </ul>
        </section>
      </div>
      <p className="container site-footer__legal">
        © {new Date().getFullYear()} Vivium Services · <Link to="/over-deze-site">Over deze site</Link> ·{" "}
        <Link to="/privacy">Privacyverklaring</Link> · <Link to="/algemene-voorwaarden">Algemene voorwaarden</Link>
      </p>
    </footer>
  );
}

export function PageShell({ children, signedIn }: { children: ReactNode; signedIn: SignedInPerson | null }) {
  return (
    <>
      <a href="#inhoud" className="skip-link">
        Direct naar de inhoud
      </a>
      <SiteHeader signedIn={signedIn} />
      <main id="inhoud" tabIndex={-1} className="container main">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
