import { sql } from "kysely";
import { SEARCH_COLUMNS, SearchVocabulary, type SearchColumn, type VocabularyEntry } from "~/domain/search-query";
import type { Db } from "./db.server";

/**
 * The words of the search index (fts5vocab `provider_search_terms`,
 * migration 0016), kept in memory per database: reading them takes tens of
 * milliseconds at 100,000 providers, checking whether they changed takes
 * one row. Every write to the index counts up search_index_state.version
 * (its triggers), also from another process, so a copy is never stale.
 */
type Cached = { version: number; vocabulary: SearchVocabulary };

const cache = new WeakMap<Db, Cached>();

async function indexVersion(db: Db): Promise<number> {
  const row = await sql<{ version: number }>`SELECT version FROM search_index_state WHERE id = 1`.execute(db);
  return row.rows[0]?.version ?? 0;
}

export async function searchVocabulary(db: Db): Promise<SearchVocabulary> {
  const version = await indexVersion(db);
  const cached = cache.get(db);
  if (cached && cached.version === version) return cached.vocabulary;
  const rows = await sql<{ term: string; col: string; doc: number }>`SELECT term, col, doc FROM provider_search_terms`.execute(db);
  const entries = new Map<string, { term: string; docs: number; columns: Set<SearchColumn> }>();
  for (const row of rows.rows) {
    const entry = entries.get(row.term) ?? { term: row.term, docs: 0, columns: new Set<SearchColumn>() };
    // doc counts per column overlap; the largest is a fair "how common" for ranking alternatives.
    entry.docs = Math.max(entry.docs, row.doc);
    if ((SEARCH_COLUMNS as readonly string[]).includes(row.col)) entry.columns.add(row.col as SearchColumn);
    entries.set(row.term, entry);
  }
  const vocabulary = new SearchVocabulary(entries.values() as Iterable<VocabularyEntry>);
  cache.set(db, { version, vocabulary });
  return vocabulary;
}
