/**
 * Search: the indexed query (FTS5 + coverage index, top 20 and a count)
 * against the naive query (haversine over every provider), on the same
 * database in the same run, at 1,000, 10,000 and 100,000 synthetic providers
 * on real postcodes. Prints p50/p95 per kind of query and the ratio, and
 * fails when the two disagree on any query.
 *
 *   npm run bench:search                 (1000 10000 100000)
 *   npm run bench:search -- 5000 20000   (other sizes)
 *   BENCH_KEEP=1 npm run bench:search -- 10000   (keep the database to explore)
 *
 * Each query is timed three ways: "fresh", with every kept answer
 * forgotten first (search_index_state counted up, as any write to the data
 * does), so the indexes do all the work; "kept", asked again as visitors
 * do (app/server/search-cache.server.ts); and the naive scan.
 *
 * Target: at 100,000 providers, for every kind of query (also typed like
 * people: typos, compounds, zoekwoorden, a place in the keyword box) the
 * fresh p95 is under 50 ms and at least 10x lower than the naive one;
 * postcode only, kept, has a p50 of at most 3 ms.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { BUNDLED_POSTCODE_DIR } from "../../app/server/config.server";
import { performance } from "node:perf_hooks";
import { seedCategories } from "../../db/seed/seed";
import { migrateToLatest, openDatabase } from "../../app/server/db.server";
import { boundingBox } from "../../app/domain/geo";
import { importPostcodes } from "../../app/server/postcode-import.server";
import { searchProviders, searchProvidersByScan, type SearchParams } from "../../app/server/search.server";

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const SIZES = sizes.length > 0 ? sizes : [1_000, 10_000, 100_000];
// Five fresh, kept and naive timings per query: 60 per kind, so one slow collection does not decide the p95.
const REPEATS = 5;

const FIRST = ["Anna", "Bert", "Carla", "Dirk", "Els", "Frank", "Greet", "Henk", "Ineke", "Jan", "Karin", "Luuk", "Mieke", "Nico", "Olga", "Piet", "Ria", "Sander", "Truus", "Wim", "Yvonne", "Zeynep", "Mohamed", "Fatima"];
const LAST = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "El Amrani", "Yilmaz", "Kok", "Verhoeven"];
const SERVICES = ["Pedicure aan huis", "Computerhulp", "Hulp met de tablet", "Tuinonderhoud", "Kapper aan huis", "Boodschappen doen", "Gezelschap en wandelen", "Klusjes in huis", "Administratie en post", "Schoonmaken", "Vervoer naar het ziekenhuis", "Maaltijden koken", "Fietsreparatie", "Hondenuitlaatservice", "Massage", "Manicure"];
const INTROS = [
  "Ik help ouderen al jaren met veel geduld en in gewone taal.",
  "Vriendelijke en betrouwbare hulp bij u thuis, ook in het weekend.",
  "Met ervaring in de zorg kom ik graag bij u langs.",
  "Ik neem de tijd voor u en leg alles rustig uit.",
];

// A small deterministic generator, so every run measures the same data.
let seed = 7;
const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

async function runSize(count: number, postcodeDir: string): Promise<boolean> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vivium-search-bench-"));
  const database = openDatabase(path.join(dir, "bench.sqlite"));
  const { db, sqlite } = database;
  seed = 7;
  try {
    await migrateToLatest(db);
    await importPostcodes(db, postcodeDir);
    await seedCategories(db);
    const areas = sqlite.prepare("SELECT pc4, place_id, lat, lon FROM pc4_areas WHERE has_addresses = 1 ORDER BY pc4").all() as {
      pc4: number;
      place_id: number;
      lat: number;
      lon: number;
    }[];
    const categories = sqlite.prepare("SELECT id FROM categories WHERE retired_at IS NULL").all() as { id: number }[];

    const started = performance.now();
    const now = new Date().toISOString();
    const insertProvider = sqlite.prepare(
      "INSERT INTO providers (id, slug, email, status, first_name, last_name, intro_text, profile_text, created_at, updated_at) VALUES (?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?)",
    );
    const insertCategory = sqlite.prepare("INSERT OR IGNORE INTO provider_categories (provider_id, category_id) VALUES (?, ?)");
    const insertService = sqlite.prepare("INSERT INTO provider_services (provider_id, position, name, price_cents, unit, description) VALUES (?, ?, ?, ?, 'hour', ?)");
    const insertDaypart = sqlite.prepare("INSERT OR IGNORE INTO provider_dayparts (provider_id, weekday, daypart) VALUES (?, ?, ?)");
    const insertCoverage = sqlite.prepare("INSERT INTO provider_coverage (provider_id, mode, radius_km, base_pc4, base_lat, base_lon) VALUES (?, ?, ?, ?, ?, ?)");
    const insertBox = sqlite.prepare("INSERT INTO provider_coverage_box (id, min_lat, max_lat, min_lon, max_lon) VALUES (?, ?, ?, ?, ?)");
    const insertPlace = sqlite.prepare("INSERT OR IGNORE INTO provider_coverage_places (provider_id, place_id, position) VALUES (?, ?, ?)");
    const margin = 1e-4; // as coverage.server.ts

    sqlite.transaction(() => {
      for (let id = 1; id <= count; id++) {
        const service = pick(SERVICES);
        insertProvider.run(id, `bench-${id}`, `bench${id}@example.nl`, pick(FIRST), `${pick(LAST)} ${id}`, pick(INTROS), `${service} en meer. ${pick(INTROS)}`, now, now);
        insertCategory.run(id, pick(categories).id);
        if (random() < 0.4) insertCategory.run(id, pick(categories).id);
        insertService.run(id, 0, service, 1500 + Math.floor(random() * 5000), random() < 0.3 ? "Uitgebreide uitleg over de dienst." : null);
        if (random() < 0.5) insertService.run(id, 1, pick(SERVICES), 1500 + Math.floor(random() * 5000), null);
        for (let d = 0; d < 4; d++) insertDaypart.run(id, Math.floor(random() * 7), Math.floor(random() * 3));
        const baseIndex = Math.floor(random() * areas.length);
        const base = areas[baseIndex]!;
        const kind = random();
        if (kind < 0.1) {
          insertCoverage.run(id, "nationwide", null, base.pc4, base.lat, base.lon);
        } else if (kind < 0.4) {
          insertCoverage.run(id, "places", null, base.pc4, base.lat, base.lon);
          const places = 1 + Math.floor(random() * 5);
          for (let i = 0; i < places; i++) {
            const near = areas[Math.min(areas.length - 1, Math.max(0, baseIndex + Math.floor((random() - 0.5) * 60)))]!;
            insertPlace.run(id, i === 0 ? base.place_id : near.place_id, i);
          }
        } else {
          // Mostly 5–25 km; one in seven further, up to 150 km.
          const radius = random() < 0.86 ? 5 + Math.floor(random() * 21) : 26 + Math.floor(random() * random() * 125);
          insertCoverage.run(id, "radius", radius, base.pc4, base.lat, base.lon);
          const box = boundingBox(base, radius);
          insertBox.run(id, box.minLat - margin, box.maxLat + margin, box.minLon - margin, box.maxLon + margin);
        }
      }
      // Publishing fills the search index once per provider (the triggers).
      sqlite.prepare("UPDATE providers SET status = 'live' WHERE id % 50 <> 0").run();
    })();
    sqlite.exec("ANALYZE");
    const generatedMs = performance.now() - started;

    seed = 99;
    const postcodes = Array.from({ length: 12 }, () => String(pick(areas).pc4));
    const keywords = ["pedicure", "computer", "tuin", "kapper", "boodschap", "gezelschap", "Jansen", "klus", "massage", "hulp tablet", "schoonm", "ziekenhuis"];
    const understood = ["pedicuure", "computr", "thuiskapper", "voetverzorging", "valalarm", "hulp met mijn laptop", "boodschapen", "kapster aan huis", "pedicure in Woerden", "ramen lappen", "gezelschp", "klusjesmannen"];
    const kinds: Record<string, SearchParams[]> = {
      "keyword + postcode": keywords.map((wat, i) => ({ wat, waar: postcodes[i] })),
      "postcode only": postcodes.map((waar) => ({ waar })),
      "keyword only": keywords.map((wat) => ({ wat })),
      // What people type: typos, compounds, zoekwoorden, sentences, a place in the keyword box.
      "typed like people": understood.map((wat, i) => (i % 2 === 0 ? { wat, waar: postcodes[i] } : { wat })),
      // A category page, first and further pages: every live provider in it, by name.
      "category page": ["computerhulp", "pedicures-medisch", "kapper-aan-huis", "thuiskeepers", "klusjesmannen", "overige"].flatMap((categorie) => [
        { categorie },
        { categorie, pagina: 40 },
      ]),
    };

    console.log(`\n${count.toLocaleString("en")} providers (generated in ${(generatedMs / 1000).toFixed(1)} s)`);
    const forgetKept = sqlite.prepare("UPDATE search_index_state SET results_version = results_version + 1");
    const columns = ["fresh p50", "p95", "kept p50", "p95", "naive p50", "p95", "p95 ratio"];
    console.log(`${"query".padEnd(20)} ${columns.map((c, i) => c.padStart(i % 2 === 0 ? 11 : 9)).join(" ")}`);
    let identical = true;
    for (const [kind, queries] of Object.entries(kinds)) {
      const timings = { fresh: [] as number[], kept: [] as number[], naive: [] as number[] };
      const time = async (into: number[], run: () => Promise<unknown>) => {
        const t = performance.now();
        await run();
        into.push(performance.now() - t);
      };
      for (const params of queries) {
        const a = await searchProviders(db, params); // warm-up, and the answer to compare
        const b = await searchProvidersByScan(db, params);
        if (JSON.stringify(a) !== JSON.stringify(b)) {
          identical = false;
          console.error(`  DIFFERENT results for ${JSON.stringify(params)}: ${a.total} vs ${b.total}`);
        }
        for (let r = 0; r < REPEATS; r++) {
          forgetKept.run();
          await time(timings.fresh, () => searchProviders(db, params));
          await time(timings.kept, () => searchProviders(db, params));
          await time(timings.naive, () => searchProvidersByScan(db, params));
        }
      }
      const [fresh, kept, naive] = [timings.fresh, timings.kept, timings.naive].map((list) => list.sort((x, y) => x - y)) as [number[], number[], number[]];
      const f = (ms: number) => `${ms.toFixed(1)} ms`;
      const cells = [fresh, kept, naive].flatMap((list) => [percentile(list, 50), percentile(list, 95)]).map(f);
      const ratio = `${(percentile(naive, 95) / percentile(fresh, 95)).toFixed(1)}x`;
      console.log(`${kind.padEnd(20)} ${[...cells, ratio].map((c, i) => c.padStart(i % 2 === 0 ? 11 : 9)).join(" ")}`);
    }
    console.log(identical ? "results: identical to the naive scan for every query" : "results: DIFFERENT from the naive scan");
    return identical;
  } finally {
    await database.close();
    if (process.env.BENCH_KEEP) console.log(`database kept in ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

const postcodeDir = path.resolve(process.env.POSTCODE_DATA_DIR ?? BUNDLED_POSTCODE_DIR);
let ok = true;
for (const size of SIZES) ok = (await runSize(size, postcodeDir)) && ok;
if (!ok) process.exitCode = 1;
