import { type Kysely, sql } from "kysely";

// Two things that let a search choose its page in SQL and keep answers:
//
// - provider_search_names: the live providers, each with the display name
//   folded for ordering (lower case, accents off: "Özdemir" sorts as
//   "ozdemir"), in a narrow table of their own. Equal matches are ordered by
//   name; with the key in SQL a page is `ORDER BY … name_key, id LIMIT 20`,
//   where before every tying provider's name was read and sorted in
//   JavaScript (thousands for a broad word), and a category page counts its
//   live providers without reading their wide providers rows. Kept by
//   triggers, so no code path has to remember it.
// - search_index_state.results_version: counted up by every write that can
//   change a search answer without touching the text index of 0006/0016
//   (werkgebied, its places, dagdelen, a pause). Together with `version`
//   (the index) it tells the app's cache of result pages when to forget.
//   Pauses that end by the clock are handled by the cache itself.

/**
 * Letters SQLite's lower() leaves alone (it folds ASCII only), with what
 * they sort as. Frozen here, as a migration must be; the app reads the key,
 * it never computes it.
 */
const FOLDS: [string, string][] = [
  ..."àáâãäå".split("").map((c): [string, string] => [c, "a"]),
  ..."ÀÁÂÃÄÅ".split("").map((c): [string, string] => [c, "a"]),
  ["æ", "ae"], ["Æ", "ae"], ["ç", "c"], ["Ç", "c"], ["ć", "c"], ["č", "c"], ["Č", "c"],
  ..."èéêëęě".split("").map((c): [string, string] => [c, "e"]),
  ..."ÈÉÊËĘĚ".split("").map((c): [string, string] => [c, "e"]),
  ..."ìíîïı".split("").map((c): [string, string] => [c, "i"]),
  ..."ÌÍÎÏİ".split("").map((c): [string, string] => [c, "i"]),
  ["ñ", "n"], ["Ñ", "n"], ["ń", "n"], ["ł", "l"], ["Ł", "l"], ["ğ", "g"], ["Ğ", "g"],
  ..."òóôõöøő".split("").map((c): [string, string] => [c, "o"]),
  ..."ÒÓÔÕÖØŐ".split("").map((c): [string, string] => [c, "o"]),
  ["ş", "s"], ["Ş", "s"], ["š", "s"], ["Š", "s"], ["ś", "s"], ["ß", "ss"],
  ..."ùúûüű".split("").map((c): [string, string] => [c, "u"]),
  ..."ÙÚÛÜŰ".split("").map((c): [string, string] => [c, "u"]),
  ["ý", "y"], ["ÿ", "y"], ["Ý", "y"], ["ž", "z"], ["Ž", "z"], ["ź", "z"], ["ż", "z"],
];

/** SQL: the display name (as displayName: the parts that are there, one space between), lower case. */
const nameSql = (alias: string) =>
  `lower(${alias}.first_name || coalesce(' ' || nullif(${alias}.infix, ''), '') || coalesce(' ' || nullif(${alias}.last_name, ''), ''))`;

/**
 * SQL statements that fold the accents out of the keys that `where` selects,
 * a few letters per statement: one expression with every replace() nested
 * overflows the parser stack of a stock sqlite3 build, which then cannot
 * even read the schema.
 */
function foldStatements(where: string): string {
  const statements: string[] = [];
  for (let i = 0; i < FOLDS.length; i += 8) {
    const folded = FOLDS.slice(i, i + 8).reduce((text, [from, to]) => `replace(${text}, '${from}', '${to}')`, "name_key");
    statements.push(`UPDATE provider_search_names SET name_key = ${folded} WHERE ${where};`);
  }
  return statements.join("\n");
}

/** The row of one provider again: there when live, with its name as it is now. */
const refreshName = (id: string) => `
  DELETE FROM provider_search_names WHERE id = ${id};
  INSERT INTO provider_search_names (id, name_key) SELECT p.id, ${nameSql("p")} FROM providers p WHERE p.id = ${id} AND p.status = 'live';
  ${foldStatements(`id = ${id}`)}`;

const BUMP = "UPDATE search_index_state SET results_version = results_version + 1;";

const TRIGGERS: [name: string, sql: string][] = [
  ["names_insert", `AFTER INSERT ON providers BEGIN ${refreshName("new.id")} END`],
  ["names_update", `AFTER UPDATE OF status, first_name, infix, last_name ON providers BEGIN ${refreshName("new.id")} END`],
  ["names_delete", `AFTER DELETE ON providers BEGIN DELETE FROM provider_search_names WHERE id = old.id; END`],
  ["results_pause", `AFTER UPDATE OF paused_at, paused_until ON providers BEGIN ${BUMP} END`],
  ["results_coverage_insert", `AFTER INSERT ON provider_coverage BEGIN ${BUMP} END`],
  ["results_coverage_update", `AFTER UPDATE ON provider_coverage BEGIN ${BUMP} END`],
  ["results_coverage_delete", `AFTER DELETE ON provider_coverage BEGIN ${BUMP} END`],
  ["results_places_insert", `AFTER INSERT ON provider_coverage_places BEGIN ${BUMP} END`],
  ["results_places_update", `AFTER UPDATE ON provider_coverage_places BEGIN ${BUMP} END`],
  ["results_places_delete", `AFTER DELETE ON provider_coverage_places BEGIN ${BUMP} END`],
  ["results_dayparts_insert", `AFTER INSERT ON provider_dayparts BEGIN ${BUMP} END`],
  ["results_dayparts_update", `AFTER UPDATE ON provider_dayparts BEGIN ${BUMP} END`],
  ["results_dayparts_delete", `AFTER DELETE ON provider_dayparts BEGIN ${BUMP} END`],
];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE provider_search_names (id INTEGER PRIMARY KEY, name_key TEXT NOT NULL)`.execute(db);
  await sql.raw(`INSERT INTO provider_search_names (id, name_key) SELECT p.id, ${nameSql("p")} FROM providers p WHERE p.status = 'live'`).execute(db);
  for (const statement of foldStatements("1").split("\n")) await sql.raw(statement).execute(db);
  await sql`ALTER TABLE search_index_state ADD COLUMN results_version INTEGER NOT NULL DEFAULT 1`.execute(db);
  for (const [name, body] of TRIGGERS) await sql.raw(`CREATE TRIGGER search_${name} ${body}`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name] of TRIGGERS) await sql.raw(`DROP TRIGGER search_${name}`).execute(db);
  await sql`ALTER TABLE search_index_state DROP COLUMN results_version`.execute(db);
  await sql`DROP TABLE provider_search_names`.execute(db);
}
