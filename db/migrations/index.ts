import type { Migration } from "kysely";
import * as m0001 from "./0001_postcodes";
import * as m0002 from "./0002_providers";
import * as m0003 from "./0003_coverage";
import * as m0004 from "./0004_accounts_and_uploads";
import * as m0005 from "./0005_payments_invoices_packages_outbox";
import * as m0006 from "./0006_search_index";
import * as m0007 from "./0007_profile_slugs_and_stats";
import * as m0008 from "./0008_contact_requests_members_reviews";
import * as m0009 from "./0009_account_security_and_pause";
import * as m0010 from "./0010_introduction_videos";
import * as m0011 from "./0011_staff_console";
import * as m0012 from "./0012_paused_providers_index";
import * as m0013 from "./0013_payment_attention";
import * as m0014 from "./0014_search_lists";
import * as m0015 from "./0015_backup_runs";
import * as m0016 from "./0016_search_keywords";
import * as m0017 from "./0017_search_help_requests";
import * as m0018 from "./0018_search_names_and_state";
import * as m0019 from "./0019_email_change_requests";
import * as m0020 from "./0020_outbox_attachments";

/**
 * Every migration, by name. Listed statically so that the same list works in
 * the Vite server bundle, under tsx and in Vitest (a folder scan would not).
 * Forward-only once landed: add a new file, never edit an old one.
 */
export const migrations: Record<string, Migration> = {
  "0001_postcodes": m0001,
  "0002_providers": m0002,
  "0003_coverage": m0003,
  "0004_accounts_and_uploads": m0004,
  "0005_payments_invoices_packages_outbox": m0005,
  "0006_search_index": m0006,
  "0007_profile_slugs_and_stats": m0007,
  "0008_contact_requests_members_reviews": m0008,
  "0009_account_security_and_pause": m0009,
  "0010_introduction_videos": m0010,
  "0011_staff_console": m0011,
  "0012_paused_providers_index": m0012,
  "0013_payment_attention": m0013,
  "0014_search_lists": m0014,
  "0015_backup_runs": m0015,
  "0016_search_keywords": m0016,
  "0017_search_help_requests": m0017,
  "0018_search_names_and_state": m0018,
  "0019_email_change_requests": m0019,
  "0020_outbox_attachments": m0020,
};
