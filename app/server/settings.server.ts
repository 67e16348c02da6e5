import { redirect } from "@remix-run/node";
import { database, type Db } from "./db.server";
import { requireProvider } from "./session.server";

export const SETTINGS_PATH = "/backoffice/instellingen";

export const SETTINGS_SECTIONS = ["persoonlijk", "bedrijf", "profiel", "werkgebied", "diensten"] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number];

/**
 * The signed-in provider for a settings page. As in the wizard, only the
 * session decides whose data is shown or changed.
 */
export async function requireSettingsProvider(request: Request) {
  const providerId = await requireProvider(request);
  const { db } = database();
  const provider = await db.selectFrom("providers").selectAll().where("id", "=", providerId).executeTakeFirst();
  if (!provider) throw redirect("/inloggen");
  return { db, providerId, provider };
}

/** After a section is saved: back to the overview, which says so. Runs inside the step's transaction. */
export function afterSettingsSaved(providerId: number, section: SettingsSection) {
  return async (trx: Db): Promise<string> => {
    await trx.updateTable("providers").set({ updated_at: new Date().toISOString() }).where("id", "=", providerId).execute();
    return `${SETTINGS_PATH}?${new URLSearchParams({ opgeslagen: section })}`;
  };
}

export function isSettingsSection(value: string | null): value is SettingsSection {
  return value !== null && (SETTINGS_SECTIONS as readonly string[]).includes(value);
}
