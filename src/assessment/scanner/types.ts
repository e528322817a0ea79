/**
 * Contracts between the scanner's three parts: readers (bytes → batches of records or lines),
 * detectors (values → validated findings, columns → meaning) and the scan engine (aggregation,
 * people, jurisdictions, report). Pure types: no I/O here.
 */

/** Fixed vocabulary shared with the obligation engine (see docs/scan-json.md). */
export const ELEMENT_IDS = [
  'person_name',
  'email',
  'phone',
  'postal_address',
  'date_of_birth',
  'us_ssn',
  'us_itin',
  'national_id',
  'passport_number',
  'drivers_license',
  'tax_id',
  'payment_card',
  'card_security_code',
  'bank_account',
  'us_routing_number',
  'iban',
  'username',
  'password',
  'password_hash',
  'security_question',
  'ip_address',
  'geolocation',
  'device_id',
  'license_plate',
  'health',
  'health_insurance',
  'biometric',
  'genetic',
  'special_category',
  // Added by issue 20 §7 (additive; docs/scan-json.md).
  'payment_card_partial',
  'ip_address_internal',
] as const;
export type ElementId = (typeof ELEMENT_IDS)[number];

export const SECRET_TYPES = [
  'aws_access_key_id',
  'aws_secret_access_key',
  'github_token',
  'gitlab_token',
  'slack_token',
  'stripe_key',
  'google_api_key',
  'private_key',
  'jwt',
  'generic_secret',
  // Issue 14: one id per family group for credentials the first vocabulary did not name (a
  // GitHub token stays `github_token`; a Bitbucket token is `vcs_token` with provider `bitbucket`).
  'cloud_credential',
  'vcs_token',
  'chat_token',
  'payment_api_key',
  'ai_api_key',
  'messaging_api_key',
  'monitoring_api_key',
  'hosting_token',
  'infrastructure_token',
  'ecommerce_token',
  'package_registry_token',
  'container_registry_auth',
  'database_url',
  'url_credential',
  // Developer and collaboration SaaS API keys (Linear, Postman, Typeform, ReadMe, Frame.io, Adobe).
  'saas_api_key',
] as const;
export type SecretType = (typeof SECRET_TYPES)[number];

export type FileFormat =
  | 'csv'
  | 'tsv'
  | 'json'
  | 'ndjson'
  | 'sql'
  | 'xlsx'
  | 'text'
  | 'zip'
  | 'tar'
  | 'gzip'
  | 'binary';

/** Caps that keep hostile input from exhausting memory, disk or time. */
export interface ReadLimits {
  /** Max uncompressed/compressed ratio of one archive member before it is treated as a bomb. */
  maxCompressionRatio: number;
  /** Max total uncompressed bytes read out of one top-level archive. */
  maxArchiveBytes: number;
  /** Max archive nesting depth (zip in tar.gz in zip …). */
  maxNesting: number;
  /** Max bytes of one line / one CSV field / one JSON record; longer ones are reported and skipped. */
  maxLineBytes: number;
  /** Max members of one archive. */
  maxEntries: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxCompressionRatio: 200,
  maxArchiveBytes: 50 * 1024 ** 3,
  maxNesting: 5,
  maxLineBytes: 16 * 1024 * 1024,
  maxEntries: 100_000,
};

export interface ReadOptions {
  limits?: Partial<ReadLimits>;
  signal?: AbortSignal;
  /** Force a format instead of sniffing. */
  format?: FileFormat;
  /**
   * Also yield `csv-block` events (raw quote-free blocks of a headed CSV, parsed by whoever
   * receives them: the scan engine's worker threads). Off by default: other readers get rows.
   */
  csvBlocks?: boolean;
  /**
   * Also yield `sql-block` events (rows of a SQL dump not yet split, of strict shapes only: see
   * readers/sql-block.ts), for the scan engine's worker threads. Off by default.
   */
  sqlBlocks?: boolean;
  /**
   * Also yield `text-block` events (whole lines of a text file or log, not yet decoded or split:
   * `textBlockLines` in readers/text-reader.ts does both for whoever receives them). Off by default.
   */
  textBlocks?: boolean;
  /**
   * Also yield `ndjson-block` events (NDJSON lines of one learned shape, not yet parsed:
   * readers/ndjson-block.ts), for the scan engine's worker threads. Off by default.
   */
  ndjsonBlocks?: boolean;
  /**
   * Also yield `xlsx-block` events (whole rows of a worksheet not yet parsed, for detection
   * threads; readers/xlsx-blocks.ts).
   */
  xlsxBlocks?: boolean;
  /**
   * A later byte range of a delimited or line file (distributed scans, issue 18 §2): the bytes
   * start at a record, `format` names the file's format (no sniffing), the text is UTF-8, and a
   * CSV's delimiter and header are the whole file's (none of its rows is taken for a header).
   */
  range?: { delim?: string; header?: string[] | null };
  /**
   * Read only the top-level archive's members whose 1-based index i has (i - 1) % groups === group;
   * the others are skipped (their bytes still count against the archive budget) and nothing is
   * yielded for them but a `member` event, which comes before every member.
   */
  members?: { groups: number; group: number };
  /** Told which header a (top-level) CSV's reader decided on: its first row, or null for none. */
  onCsvHeader?: (header: string[] | null) => void;
}

/**
 * What a reader yields, in batches (per-record async iteration is too slow at 100 MB/s).
 * `path` names the member inside archives as `outer.zip!/inner/file.csv`.
 */
export type ReaderEvent =
  | { kind: 'file-start'; path: string; format: FileFormat; bytes: number | null }
  /** Structured rows. `rows[i][j]` is the value of `columns[j]`; null/'' for absent. */
  | {
      kind: 'records';
      path: string;
      /** CSV: file base name; SQL: table name; JSON: file base name (or array key). */
      table: string;
      columns: string[];
      rows: (string | null)[][];
      /** Location of rows[0] as it should be shown to a user, e.g. "line 12" or "row 3". */
      firstLocation: { unit: 'line' | 'row' | 'record'; n: number };
    }
  /**
   * With ReadOptions.csvBlocks only: CSV rows not yet split — whole lines of UTF-8, each row with
   * at most `columns.length` fields, without quotes or (`quoted`) with strict RFC 4180 quoting only.
   * `csvBlockRows` (readers/csv-block.ts) turns them into the rows a `records` event would carry;
   * `rows` is their number.
   */
  | {
      kind: 'csv-block';
      path: string;
      table: string;
      columns: string[];
      delim: string;
      buf: Uint8Array;
      quoted: boolean;
      rows: number;
      firstLocation: { unit: 'line'; n: number };
    }
  /**
   * With ReadOptions.sqlBlocks only: rows of an INSERT's VALUES list (`mode: 'values'`) or lines of
   * a COPY block (`'copy'`) not yet split, UTF-8, of the strict shapes of readers/sql-block.ts, each
   * with at most `columns.length` values; `sqlBlockRows` turns them into the rows a `records` event
   * would carry. `backslash`: MySQL's backslash escapes in quoted strings. `rows` is their number.
   */
  | {
      kind: 'sql-block';
      path: string;
      table: string;
      columns: string[];
      mode: 'values' | 'copy';
      backslash: boolean;
      buf: Uint8Array;
      rows: number;
      firstLocation: { unit: 'line'; n: number };
    }
  /**
   * With ReadOptions.ndjsonBlocks only: NDJSON lines (UTF-8, blank ones included) of which every
   * non-blank one — `rows` of them — is an object of one learned shape (readers/ndjson-shapes.ts),
   * `source` that shape's RegExp; `ndjsonBlockRows` (readers/ndjson-block.ts) turns them into the
   * rows a `records` event would carry, one column a leaf.
   */
  | {
      kind: 'ndjson-block';
      path: string;
      table: string;
      columns: string[];
      source: string;
      buf: Uint8Array;
      rows: number;
      firstLocation: { unit: 'line'; n: number };
    }
  /**
   * With ReadOptions.xlsxBlocks only: whole `<row>` elements of a worksheet (UTF-8), `rows` of them
   * with cells, none wider than `columns`, whose column set came in a `records` event before;
   * `xlsxBlockRows` (readers/xlsx-sheet.ts) turns them into the rows a `records` event would
   * carry. `sheet`: the workbook's shared strings (in shared memory) and date styles.
   */
  | {
      kind: 'xlsx-block';
      path: string;
      table: string;
      columns: string[];
      buf: Uint8Array;
      rows: number;
      sheet: { sst: { data: SharedArrayBuffer[]; ends: SharedArrayBuffer[]; n: number; full: number }; dateStyles: boolean[]; date1904: boolean };
    }
  /** Unstructured text: one entry per line (logs, plain text). */
  | { kind: 'lines'; path: string; lines: string[]; firstLine: number }
  /** With ReadOptions.textBlocks only: the same lines as UTF-8 bytes, `lines` of them. */
  | { kind: 'text-block'; path: string; buf: Uint8Array; lines: number; firstLine: number }
  /** Input bytes consumed so far at the top level (for progress bars). */
  | { kind: 'progress'; bytesRead: number }
  | { kind: 'error'; path: string; message: string; location: string }
  | { kind: 'file-end'; path: string; records: number }
  /** With ReadOptions.members only: archive member `index` (1-based) of the top-level archive comes next (read here or not). */
  | { kind: 'member'; index: number };

/**
 * Thrown while a shard of a distributed scan reads a part of a file (a byte range, a group of
 * archive members) when that part cannot give exactly what the whole file's reading would (an
 * error, a column set not classified up front, an archive budget near its limit): the file is then
 * read as one shard (assessment/scan-shards.ts).
 */
export class ShardFallback extends Error {
  constructor(reason: string) {
    super(`part of a file cannot be read apart: ${reason}`);
    this.name = 'ShardFallback';
  }
}

/** A validated value found by a detector. `value` is normalised (digits only for SSN, lower-case e-mail…). */
export interface ValueFinding {
  element: ElementId;
  value: string;
  /** Sub-kind, e.g. national_id kinds 'uk_nino', 'ca_sin', 'fr_nir', 'de_tax_id', 'es_dni', 'es_nie', 'it_cf', 'nl_bsn', 'br_cpf', 'in_aadhaar'. */
  kind?: string;
  /** ISO 3166-1 alpha-2 country the value implies (phone country code, national-ID kind, IBAN). */
  country?: string;
}

export interface SecretFinding {
  type: SecretType;
  value: string;
  /** Family group (secret-families.ts); absent only from callers that predate it (then = type). */
  family?: string;
  /** Who issued it: `aws`, `github`, `postgres`, `pem`… */
  provider?: string;
  /** Kind within the provider: `temporary_access_key`, `fine_grained_pat`, `live`, `encrypted`… */
  kind?: string;
  /** A low-entropy match of the right shape: reported apart, under `suspectSecrets`, not as a secret. */
  suspect?: boolean;
  /** The account the credential belongs to, when the credential names it (GCP client_email, AWS key id of a secret key). */
  identity?: string;
}

/** Geographic hints a column can carry, used for jurisdiction inference. */
export type GeoRole = 'country' | 'region' | 'postal_code' | 'city';

export interface ColumnClass {
  column: string;
  /** Personal-data element the column holds, or null. */
  element: ElementId | null;
  kind?: string;
  secret?: SecretType;
  geo?: GeoRole;
  /** 0..1 */
  confidence: number;
  /** true when values must be scanned as free text (notes, comments, message bodies). */
  freeText?: boolean;
  /**
   * A column the sample gave no class: its values are still read, because the sample is the
   * first rows only and a rare value further down (an e-mail in a `ref` column, a token in a
   * `secret` column whose header row was taken for data) must not be skipped. `text`: the free-text
   * detectors without the name and address heuristics; `strong`: a column whose header says it is
   * not personal (ids, amounts, references), read only for e-mail addresses and credentials, which
   * no order number or amount can be mistaken for.
   */
  residual?: 'text' | 'strong';
  /**
   * Share (0..1) of the sampled non-empty values that failed the element's validator, when some
   * did: an ID column with some invalid numbers is still an ID column (issue 14 §4).
   */
  invalidShare?: number;
  /**
   * A column of JSON objects (classify/json-cells.ts): each cell is flattened to these dotted key
   * paths and read as a row of `classes` (classified as a table's columns are).
   */
  json?: { keys: string[]; classes: ColumnClass[] };
}

/**
 * `ColumnClass.kind` of a bare postcode column whose table's sample points abroad
 * (classify/postcode-prior.ts; read by engine/jurisdiction.ts). Here, not there, so that the
 * reading thread's jurisdiction code does not load the detectors.
 */
export const POSTCODE_ABROAD = 'abroad';

export interface RecordFindings {
  elements: ValueFinding[];
  secrets: SecretFinding[];
  /**
   * Normalised geo values from geo columns of this record. `postalCountry`: what the postcode
   * column's header says of its country — 'DE' for a `PLZ`, 'intl' for another language's word
   * (`code postal`, `CAP`, `CEP`…): its five digits are then no US ZIP.
   */
  geo: { country?: string; region?: string; postalCode?: string; postalCountry?: string };
}
