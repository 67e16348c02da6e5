import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

export const SETTINGS_SAVE_LABEL = "Opslaan";

/** A settings section's page: its title, a short intro and a way back to the overview. */
export function SettingsPage({ title, intro, children }: { title: string; intro: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby="settings-title" className="step-page settings-page">
      <p>
        <Link to="/backoffice/instellingen">← Terug naar Instellingen</Link>
      </p>
      <h1 id="settings-title">{title}</h1>
      <div className="step-page__intro">{intro}</div>
      {children}
    </section>
  );
}

/** "Opslaan" saves and returns to the overview; "Annuleren" returns without saving. */
export function SettingsActions() {
  return (
    <div className="form-actions">
      <button type="submit" name="intent" value="save">
        {SETTINGS_SAVE_LABEL}
      </button>
      <Link to="/backoffice/instellingen" className="button button--secondary">
        Annuleren
      </Link>
    </div>
  );
}
