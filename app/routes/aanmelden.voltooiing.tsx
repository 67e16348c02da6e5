import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StepPage } from "~/components/wizard";
import { config } from "~/server/config.server";
import { completeStep, requireWizardStep } from "~/server/wizard.server";
import type { WizardHandle } from "./aanmelden";
import { NOUNS, pluralForm } from "~/domain/plural";

export const handle: WizardHandle = { step: "voltooiing" };
export const meta: MetaFunction = () => [{ title: "Stap 8: Voltooiing — Aanmelden — Vivium Services" }];

export async function loader({ request }: LoaderFunctionArgs) {
  // Opens only once Betaling is done, which the paid administration fee does (see payments.server).
  const { db, providerId, provider, completed } = await requireWizardStep(request, "voltooiing");
  if (!completed.includes("voltooiing")) await completeStep(db, providerId, completed, "voltooiing");
  const categories = await db
    .selectFrom("provider_categories as pc")
    .innerJoin("categories as c", "c.id", "pc.category_id")
    .select(["c.name", "c.slug"])
    .where("pc.provider_id", "=", providerId)
    .orderBy("c.position")
    .execute();
  return {
    live: provider.status === "live",
    categories,
    profileAddress: provider.slug ? `${config().baseUrl}/dienstverlener/${provider.slug}` : null,
  };
}

export default function VoltooiingStep() {
  const { live, categories, profileAddress } = useLoaderData<typeof loader>();
  return (
    <StepPage
      title={live ? "Dank u wel! Uw profiel staat online" : "Dank u wel! Uw betaling is ontvangen"}
      intro={
        live ? (
          <p>
            Uw betaling is ontvangen en uw profiel is vanaf nu te vinden op Vivium Services. U krijgt hierover ook een
            e-mail.
          </p>
        ) : (
          <p>
            Uw betaling is ontvangen. Uw profiel staat op dit moment niet online; een medewerker neemt hierover contact
            met u op.
          </p>
        )
      }
    >
      {live ? (
        <div className="notice notice--success">
          {categories.length > 0 ? (
            <p>
              Klanten vinden u nu in{" "}
              de {pluralForm(categories.length, NOUNS.categorie)}{" "}
              {categories.map((category, index) => (
                <span key={category.slug}>
                  {index > 0 ? (index === categories.length - 1 ? " en " : ", ") : null}
                  <Link to={`/categorie/${category.slug}`}>{category.name}</Link>
                </span>
              ))}
              .
            </p>
          ) : null}
          {profileAddress ? (
            <p>
              Het adres van uw eigen profielpagina is <strong>{profileAddress}</strong>.
            </p>
          ) : null}
        </div>
      ) : null}

      <h2>Wat gebeurt er nu?</h2>
      <ol>
        <li>
          Een medewerker van Vivium Services belt u binnenkort om kennis te maken. Hij of zij vertelt u dan ook over
          onze promotiepakketten, waarmee u meer klanten bereikt. <Link to="/pakketten">Bekijk de pakketten</Link>.
        </li>
        <li>
          Neem in de backoffice een korte introductievideo op. Zo zien klanten wie er bij hen langskomt; een profiel
          met video wordt vaker gekozen.
        </li>
        <li>In de backoffice ziet u ook uw contactverzoeken en kunt u uw gegevens altijd aanpassen.</li>
      </ol>
      <div className="form-actions">
        <Link to="/backoffice" className="button">
          Naar de backoffice →
        </Link>
      </div>
    </StepPage>
  );
}
