import type { Generated } from "kysely";

/** The tables as Kysely sees them. Keep in step with db/migrations. */
export interface DB {
  places: PlacesTable;
  place_aliases: PlaceAliasesTable;
  pc4_areas: Pc4AreasTable;
  postcode_import: PostcodeImportTable;
  categories: CategoriesTable;
  providers: ProvidersTable;
  provider_categories: ProviderCategoriesTable;
  provider_services: ProviderServicesTable;
  provider_dayparts: ProviderDaypartsTable;
  provider_coverage: ProviderCoverageTable;
  provider_coverage_places: ProviderCoveragePlacesTable;
  provider_coverage_box: ProviderCoverageBoxTable;
  sessions: SessionsTable;
  rate_limit_hits: RateLimitHitsTable;
  uploads: UploadsTable;
  provider_packages: ProviderPackagesTable;
  payments: PaymentsTable;
  payment_status_history: PaymentStatusHistoryTable;
  invoice_sequences: InvoiceSequencesTable;
  invoices: InvoicesTable;
  outbox_messages: OutboxMessagesTable;
  provider_search: ProviderSearchTable;
  provider_slug_history: ProviderSlugHistoryTable;
  provider_daily_stats: ProviderDailyStatsTable;
  members: MembersTable;
  contact_requests: ContactRequestsTable;
  contact_request_history: ContactRequestHistoryTable;
  review_invitations: ReviewInvitationsTable;
  reviews: ReviewsTable;
  password_reset_tokens: PasswordResetTokensTable;
  email_change_requests: EmailChangeRequestsTable;
  provider_videos: ProviderVideosTable;
  video_tool_reports: VideoToolReportsTable;
  staff: StaffTable;
  staff_sessions: StaffSessionsTable;
  provider_verifications: ProviderVerificationsTable;
  provider_intake_notes: ProviderIntakeNotesTable;
  category_slug_history: CategorySlugHistoryTable;
  audit_log: AuditLogTable;
  backup_runs: BackupRunsTable;
  search_help_requests: SearchHelpRequestsTable;
}

export interface PlacesTable {
  id: Generated<number>;
  name: string;
  name_folded: string;
  lat: number;
  lon: number;
  area_count: Generated<number>;
}

export interface PlaceAliasesTable {
  alias_folded: string;
  alias: string;
  place_id: number;
}

export interface Pc4AreasTable {
  pc4: number;
  place_id: number;
  lat: number;
  lon: number;
  has_addresses: number;
}

export interface PostcodeImportTable {
  id: number;
  source_dir: string;
  area_count: number;
  place_count: number;
  imported_at: string;
}

export interface CategoriesTable {
  id: Generated<number>;
  slug: string;
  name: string;
  position: number;
  retired_at: string | null;
  created_at: string;
  /** Zoekwoorden, comma separated: indexed with the name (migration 0016). */
  keywords: Generated<string>;
}

export type ProviderStatus = "draft" | "awaiting_payment" | "live" | "paused" | "suspended";

export interface ProvidersTable {
  id: Generated<number>;
  slug: string | null;
  email: string;
  password_hash: string | null;
  status: Generated<ProviderStatus>;
  offerings: Generated<string>;
  heard_from: string | null;
  terms_accepted_at: string | null;
  first_name: string;
  infix: string | null;
  last_name: string | null;
  phone: string | null;
  gender: string | null;
  birth_date: string | null;
  home_postcode: string | null;
  home_house_number: string | null;
  home_addition: string | null;
  home_street: string | null;
  home_city: string | null;
  has_kvk: number | null;
  company_name: string | null;
  kvk_number: string | null;
  has_work_address: number | null;
  work_postcode: string | null;
  work_house_number: string | null;
  work_addition: string | null;
  work_street: string | null;
  work_city: string | null;
  intro_text: string | null;
  profile_text: string | null;
  price_note: string | null;
  completed_steps: Generated<string>;
  photo_upload_id: string | null;
  price_list_upload_id: string | null;
  published_at: string | null;
  /** Set while the provider pauses ("tijdelijk niet beschikbaar"); see app/domain/pause.ts. */
  paused_at: string | null;
  /** UTC instant the pause ends by itself; null: until the provider ends it. */
  paused_until: string | null;
  created_at: string;
  updated_at: string;
  /** Set by staff with a reason when they suspend a provider (status 'suspended'). */
  suspended_reason: string | null;
  suspended_at: string | null;
}

export interface ProviderCategoriesTable {
  provider_id: number;
  category_id: number;
}

export type PriceUnit = "hour" | "service";

export interface ProviderServicesTable {
  id: Generated<number>;
  provider_id: number;
  position: number;
  name: string;
  price_cents: number;
  unit: PriceUnit;
  description: string | null;
}

export interface ProviderDaypartsTable {
  provider_id: number;
  weekday: number;
  daypart: number;
}

export type CoverageMode = "places" | "radius" | "nationwide";

export interface ProviderCoverageTable {
  provider_id: number;
  mode: CoverageMode;
  radius_km: number | null;
  base_pc4: number | null;
  base_lat: number | null;
  base_lon: number | null;
}

export interface ProviderCoveragePlacesTable {
  provider_id: number;
  place_id: number;
  position: number;
}

export interface ProviderCoverageBoxTable {
  id: number;
  min_lat: number;
  max_lat: number;
  min_lon: number;
  max_lon: number;
}

export interface SessionsTable {
  id_hash: string;
  provider_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  user_agent: string | null;
}

export interface RateLimitHitsTable {
  bucket: string;
  key: string;
  window_start: number;
  count: number;
}

export type UploadKind = "photo" | "price_list";

export interface UploadsTable {
  id: string;
  provider_id: number;
  kind: UploadKind;
  original_name: string;
  content_type: string;
  byte_size: number;
  width: number | null;
  height: number | null;
  crop: string | null;
  created_at: string;
}

export type PackageKey = "basis" | "plus" | "luxe" | "fee";
export type ProviderPackageStatus = "awaiting_payment" | "active" | "expired" | "cancelled";

export interface ProviderPackagesTable {
  id: Generated<number>;
  provider_id: number;
  package: PackageKey;
  price_cents: number;
  credit_cents: Generated<number>;
  starts_on: string;
  ends_on: string;
  status: Generated<ProviderPackageStatus>;
  renewal_reminded_at: string | null;
  created_at: string;
  updated_at: string;
}

export type PaymentPurpose = "admin_fee" | "package";
/** `created`: our row exists, Mollie has not answered yet. The rest are Mollie's statuses. */
export type PaymentStatus = "created" | "open" | "pending" | "authorized" | "paid" | "failed" | "canceled" | "expired";

export interface PaymentsTable {
  id: Generated<number>;
  public_id: string;
  provider_id: number;
  purpose: PaymentPurpose;
  provider_package_id: number | null;
  description: string;
  net_cents: number;
  vat_cents: number;
  gross_cents: number;
  vat_rate: Generated<number>;
  mollie_id: string | null;
  checkout_url: string | null;
  status: Generated<PaymentStatus>;
  idempotency_key: string;
  paid_at: string | null;
  created_at: string;
  updated_at: string;
  /** Set when staff must look at it: paid, but its package could not be activated (ADR 014). */
  attention: PaymentAttention | null;
  attention_at: string | null;
  attention_resolved_at: string | null;
  attention_resolved_by: number | null;
  attention_note: string | null;
}

/** `package_not_activated`: a package payment was paid after its package was replaced or cancelled (or paid twice). */
export type PaymentAttention = "package_not_activated";

export interface PaymentStatusHistoryTable {
  id: Generated<number>;
  payment_id: number;
  status: string;
  source: string;
  recorded_at: string;
}

export interface InvoiceSequencesTable {
  year: number;
  last_sequence: number;
}

export interface InvoicesTable {
  id: Generated<number>;
  number: string;
  year: number;
  sequence: number;
  payment_id: number;
  provider_id: number;
  issued_at: string;
  seller: string;
  buyer: string;
  lines: string;
  net_cents: number;
  vat_cents: number;
  gross_cents: number;
}

export type OutboxStatus = "pending" | "sending" | "sent" | "failed";

export interface OutboxMessagesTable {
  id: Generated<number>;
  dedupe_key: string | null;
  template: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  status: Generated<OutboxStatus>;
  attempts: Generated<number>;
  next_attempt_at: string;
  locked_until: string | null;
  last_error: string | null;
  message_id: string | null;
  created_at: string;
  sent_at: string | null;
  /** JSON `{"invoice":"2026-0001"}`: the file to attach, rendered when sending; null for none. */
  attachment: string | null;
}

export interface ProviderSlugHistoryTable {
  slug: string;
  provider_id: number;
  replaced_at: string;
}

export interface ProviderDailyStatsTable {
  provider_id: number;
  /** YYYY-MM-DD in Europe/Amsterdam. */
  day: string;
  profile_views: Generated<number>;
  search_appearances: Generated<number>;
}

/** FTS5 index over live providers' text (migration 0006); rowid = providers.id. Kept in sync by triggers. */
export interface ProviderSearchTable {
  rowid: number;
  name: string;
  categories: string;
  services: string;
  intro: string;
  profile: string;
}

export interface MembersTable {
  id: Generated<number>;
  /** Normalised lidnummer: upper case, no spaces or dashes. */
  number: string;
  active: Generated<number>;
  name: string | null;
  created_at: string;
  updated_at: string;
}

export type ContactRequestStatus = "new" | "in_progress" | "handled";
export type ContactRequestOutcome = "appointment" | "no_appointment";
export type ContactMoment = "ochtend" | "middag" | "avond";

export interface ContactRequestsTable {
  id: Generated<number>;
  public_id: string;
  provider_id: number;
  customer_name: string;
  customer_email: string;
  /** E.164. */
  customer_phone: string;
  member_id: number | null;
  member_number: string | null;
  location_input: string;
  location_label: string;
  location_pc4: number | null;
  location_place_id: number | null;
  for_whom: "self" | "other";
  other_person_name: string | null;
  contact_preference: "phone" | "email";
  /** JSON array of ContactMoment. */
  contact_moments: Generated<string>;
  message: string | null;
  consent_at: string;
  status: Generated<ContactRequestStatus>;
  outcome: ContactRequestOutcome | null;
  /** UTC ISO instant: two working days after created_at. */
  deadline_at: string;
  overdue_at: string | null;
  reminder_sent_at: string | null;
  first_response_at: string | null;
  handled_at: string | null;
  created_at: string;
  updated_at: string;
  staff_called_at: string | null;
  staff_note: string | null;
}

export interface ContactRequestHistoryTable {
  id: Generated<number>;
  contact_request_id: number;
  status: ContactRequestStatus;
  outcome: ContactRequestOutcome | null;
  changed_by: "customer" | "provider" | "staff" | "system";
  note: string | null;
  recorded_at: string;
}

export interface ReviewInvitationsTable {
  id: Generated<number>;
  contact_request_id: number;
  token_hash: string;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

export interface ReviewsTable {
  id: Generated<number>;
  provider_id: number;
  contact_request_id: number | null;
  rating: number;
  body: string;
  display_name: string;
  hidden_at: string | null;
  hidden_reason: string | null;
  reply: string | null;
  replied_at: string | null;
  created_at: string;
}

export interface PasswordResetTokensTable {
  id: Generated<number>;
  provider_id: number;
  /** hex SHA-256 of the token in the e-mailed link. */
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** One mailed link to confirm a new login address; the address changes only when it is used. */
export interface EmailChangeRequestsTable {
  id: Generated<number>;
  provider_id: number;
  new_email: string;
  /** hex SHA-256 of the token in the e-mailed link. */
  token_hash: string;
  created_at: string;
  expires_at: string;
  /** The link was used and the address changed. */
  confirmed_at: string | null;
  /** Cancelled, replaced by a request for another address, or closed because another link was used. */
  ended_at: string | null;
}

export type ProviderVideoStatus = "pending" | "approved" | "rejected";

export interface ProviderVideosTable {
  /** 32 random hex digits; also the stored file's name. */
  id: string;
  provider_id: number;
  status: Generated<ProviderVideoStatus>;
  content_type: "video/webm" | "video/mp4";
  byte_size: number;
  source: "recorded" | "uploaded";
  original_name: string | null;
  /** A WebVTT file next to the video, once there are captions. */
  captions_file: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  rejection_reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface VideoToolReportsTable {
  id: Generated<number>;
  provider_id: number;
  description: string;
  user_agent: string | null;
  client_details: string | null;
  status: Generated<"nieuw" | "opgepakt" | "opgelost">;
  created_at: string;
  updated_at: string;
}

export interface StaffTable {
  id: Generated<number>;
  email: string;
  name: string;
  password_hash: string;
  active: Generated<number>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface StaffSessionsTable {
  token_hash: string;
  staff_id: number;
  user_agent: string | null;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export type VerificationCheckKey = "identity_seen" | "met_in_person" | "vog_received" | "video_approved";

export interface ProviderVerificationsTable {
  provider_id: number;
  check_key: VerificationCheckKey;
  checked_by: number;
  checked_at: string;
}

export interface ProviderIntakeNotesTable {
  id: Generated<number>;
  provider_id: number;
  staff_id: number;
  body: string;
  created_at: string;
}

export interface CategorySlugHistoryTable {
  slug: string;
  category_id: number;
  replaced_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  staff_id: number | null;
  staff_name: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  provider_id: number | null;
  /** JSON object of the changed fields before the action. */
  old_values: string | null;
  /** JSON object of the changed fields after the action. */
  new_values: string | null;
  created_at: string;
}

export type BackupTrigger = "schedule" | "staff";
export type BackupRunStatus = "running" | "ok" | "failed";

export interface BackupRunsTable {
  id: Generated<number>;
  trigger: BackupTrigger;
  /** Who pressed "Nu een back-up maken"; null for the schedule. */
  staff_id: number | null;
  started_at: string;
  finished_at: string | null;
  status: BackupRunStatus;
  /** The backup's folder (absolute); null when it failed before one was made. */
  folder: string | null;
  /** Size of the folder: database copy plus uploads. */
  bytes: number | null;
  error: string | null;
}

/** "Help mij zoeken": a customer asks the office to find a provider (migration 0017). */
export interface SearchHelpRequestsTable {
  id: Generated<number>;
  name: string;
  /** E.164. */
  phone: string;
  /** What help the customer is looking for, as typed. */
  what: string;
  /** Where, as typed: a place or postcode. */
  place: string;
  created_at: string;
  /** Set when staff mark the request handled; null while it is open. */
  handled_at: string | null;
  handled_by_staff_id: number | null;
}
