import { Link } from "@remix-run/react";
import { locationProblemMessage, lookupProblem } from "~/domain/location-messages";
import type { LocationLookup } from "~/server/geo.server";

/**
 * A "Waar?" that could not be used: says what is wrong with what was typed
 * and links to close place names. The typed postcode is named, because this
 * notice stands apart from the search box.
 */
export function LocationProblem({ location, hrefFor }: { location: LocationLookup | null; hrefFor: (waar: string) => string }) {
  if (!location || location.ok) return null;
  const { reason } = location;
  if (reason === "empty") return null;
  const message = locationProblemMessage(lookupProblem({ ...location, reason }, { namePostcode: true }), "postcode-or-place");
  const [only] = location.suggestions;
  return (
    <div className="notice notice--warning" role="alert">
      <h2>{message.problem}</h2>
      {only && location.suggestions.length === 1 ? (
        <p>
          Bedoelde u <Link to={hrefFor(only.name)}>{only.name}</Link>?
        </p>
      ) : location.suggestions.length > 0 ? (
        <>
          <p>Bedoelde u een van deze plaatsen?</p>
          <ul className="suggestions">
            {location.suggestions.map((place) => (
              <li key={place.id}>
                <Link to={hrefFor(place.name)}>{place.name}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{message.advice}.</p>
      )}
    </div>
  );
}
