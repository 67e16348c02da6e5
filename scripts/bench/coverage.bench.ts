/**
 * Coverage search: the indexed query (R*Tree + place index + nationwide
 * index, exact haversine after) against a full scan of every werkgebied, on
 * the same database in the same run. Prints the ratio; no absolute targets.
 *
 *   npm run bench            (20,000 providers, 300 locations)
 *   npm run bench -- 50000   (another provider count)
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { BUNDLED_POSTCODE_DIR } from "../../app/server/config.server";
import { performance } from "node:perf_hooks";
import { findCoveringProviders, findCoveringProvidersByScan, saveCoverage } from "../../app/server/coverage.server";
import { migrateToLatest, openDatabase } from "../../app/server/db.server";
import { resolveLocation, type ResolvedLocation } from "../../app/server/geo.server";
import { importPostcodes } from "../../app/server/postcode-import.server";

const providerCount = Number(process.argv[2] ?? 20_000);
const locationCount = 300;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vivium-bench-"));
const database = openDatabase(path.join(dir, "bench.sqlite"));
const { db } = database;

// A small deterministic generator, so every run measures the same data.
let seed = 42;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);

try {
  await migrateToLatest(db);
  await importPostcodes(db, path.resolve(process.env.POSTCODE_DATA_DIR ?? BUNDLED_POSTCODE_DIR));
  const areas = await db.selectFrom("pc4_areas").select(["pc4", "place_id"]).execute();
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;

  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < providerCount; i++) {
      const { id } = await trx
        .insertInto("providers")
        .values({ email: `bench${i}@example.nl`, first_name: `Bench ${i}`, status: "live", created_at: now, updated_at: now })
        .returning("id")
        .executeTakeFirstOrThrow();
      const base = pick(areas);
      const kind = random();
      if (kind < 0.01) await saveCoverage(trx, id, { mode: "nationwide" }, base.pc4);
      else if (kind < 0.35) await saveCoverage(trx, id, { mode: "places", placeIds: [base.place_id, pick(areas).place_id, pick(areas).place_id] }, base.pc4);
      else await saveCoverage(trx, id, { mode: "radius", radiusKm: 1 + Math.floor(random() * random() * 60) }, base.pc4);
    }
  });
  database.sqlite.exec("ANALYZE");

  const locations: ResolvedLocation[] = [];
  while (locations.length < locationCount) {
    const result = await resolveLocation(db, String(pick(areas).pc4));
    if (result.ok) locations.push(result.location);
  }

  async function measure(name: string, find: typeof findCoveringProviders) {
    for (const location of locations.slice(0, 20)) await find(db, location); // warm-up
    const start = performance.now();
    let found = 0;
    for (const location of locations) found += (await find(db, location)).length;
    const ms = performance.now() - start;
    console.log(`${name.padEnd(10)} ${(ms / locations.length).toFixed(3)} ms/query, ${(found / locations.length).toFixed(0)} providers found on average`);
    return { ms, found };
  }

  console.log(`coverage search: ${providerCount} providers, ${locations.length} locations`);
  const scan = await measure("full scan", findCoveringProvidersByScan);
  const index = await measure("index", findCoveringProviders);
  if (scan.found !== index.found) throw new Error(`index and scan disagree: ${index.found} vs ${scan.found}`);
  console.log(`ratio: the index is ${(scan.ms / index.ms).toFixed(1)}x faster than the full scan (same results)`);
} finally {
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
