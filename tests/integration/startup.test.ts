import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "~/server/config.server";
import { createStaff } from "~/server/staff.server";
import { adviseFirstStaffAccount } from "~/server/startup.server";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

const production = () =>
  loadConfig({
    NODE_ENV: "production",
    BASE_URL: "https://www.viviumservices.nl",
    SESSION_SECRET: "startup-test-session-secret-long-enough-0123456789",
    MOLLIE_API_KEY: "test_startupstartupstartupstartupstar",
    SMTP_URL: "smtp://127.0.0.1:2525",
  });

describe("the first staff account hint at start-up", () => {
  let t: TestDatabase;
  let lines: string[];
  const log = (line: string) => lines.push(line);
  beforeEach(async () => {
    t = await createTestDatabase({ postcodes: false });
    lines = [];
  });
  afterEach(() => t.cleanup());

  it("tells in production, with no staff account yet, how to create the first one", async () => {
    await adviseFirstStaffAccount(t, production(), log);
    expect(lines).toEqual([
      'Er is nog geen medewerkersaccount: maak het eerste aan met `npm run staff:create -- --email naam@viviumservices.nl --name "Voornaam Achternaam"` (zie README, "Installation on a server").',
    ]);
  });

  it("says nothing once there is a staff account", async () => {
    await createStaff(t.db, { email: "eerste@viviumservices.nl", name: "Eerste Medewerker", password: "Tuinhek-Blauw-42" });
    await adviseFirstStaffAccount(t, production(), log);
    expect(lines).toEqual([]);
  });

  it("says nothing outside production, where the demo data brings a staff account", async () => {
    await adviseFirstStaffAccount(t, loadConfig({ NODE_ENV: "test", DATA_DIR: t.dir }), log);
    expect(lines).toEqual([]);
  });
});
