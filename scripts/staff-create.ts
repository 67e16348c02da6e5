/**
 * `npm run staff:create -- --email naam@viviumservices.nl --name "Naam"`:
 * adds a staff account for the console (/beheer). On a terminal it asks for
 * the password (twice, not shown); otherwise it generates one and prints it
 * once. Passwords follow the provider rules (app/domain/password.ts).
 */
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { scriptConfig } from "./support/script-config";
import { migrateToLatest, openDatabase } from "../app/server/db.server";
import { createStaff, generatePassword, normaliseNewStaff, StaffAccountError } from "../app/server/staff.server";

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** Reads one line from the terminal without echoing it. */
function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (text: string) => void };
    let asked = false;
    output._writeToOutput = (text: string) => {
      // Only the question itself is written; typed characters are not shown.
      if (!asked) process.stdout.write(text);
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
    asked = true;
  });
}

const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } });
if (!values.email || !values.name) fail('Gebruik: npm run staff:create -- --email naam@viviumservices.nl --name "Voornaam Achternaam"');

const config = scriptConfig();

let password: string;
let generated = false;
if (process.stdin.isTTY && process.stdout.isTTY) {
  password = await askHidden("Wachtwoord (minstens 10 tekens): ");
  const again = await askHidden("Nog een keer: ");
  if (password !== again) fail("De twee wachtwoorden zijn niet gelijk. Er is niets aangemaakt.");
} else {
  password = generatePassword();
  generated = true;
}

try {
  normaliseNewStaff({ email: values.email, name: values.name, password });
} catch (error) {
  if (error instanceof StaffAccountError) fail(`${error.message} Er is niets aangemaakt.`);
  throw error;
}

const database = openDatabase(config.databaseFile);
try {
  await migrateToLatest(database.db);
  const id = await createStaff(database.db, { email: values.email, name: values.name, password });
  console.log(`Medewerker ${values.name.trim()} <${values.email.trim().toLowerCase()}> aangemaakt (id ${id}).`);
  if (generated) {
    console.log(`Wachtwoord (wordt maar één keer getoond): ${password}`);
  }
  console.log("Inloggen kan op /inloggen; daarna opent het beheer (/beheer).");
} catch (error) {
  if (error instanceof StaffAccountError) fail(`${error.message} Er is niets aangemaakt.`);
  throw error;
} finally {
  await database.close();
}
