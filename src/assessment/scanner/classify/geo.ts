/**
 * Geographic normalisation for jurisdiction inference: country names and codes → ISO 3166-1
 * alpha-2 (names in EN, DE, FR, ES, IT, NL, PT from ICU's `Intl.DisplayNames`, plus common
 * alpha-3 codes and aliases), US states and Canadian provinces → ISO 3166-2 (`US-CA`, `CA-ON`),
 * and US ZIP → state by the USPS 3-digit ZIP prefix ranges (USPS Publication 65 / the National
 * Five-Digit ZIP Code directory).
 */
import { COUNTRY_CODES, COUNTRY_NAMES } from './geo-countries.data.js';

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const LANGS = ['en', 'de', 'fr', 'es', 'it', 'nl', 'pt'];
const ALIASES: Record<string, string> = {
  usa: 'US', 'u s a': 'US', 'u s': 'US', us: 'US', america: 'US', 'united states of america': 'US', 'estados unidos de america': 'US', uk: 'GB', 'great britain': 'GB', britain: 'GB', england: 'GB', scotland: 'GB', wales: 'GB', 'northern ireland': 'GB', holland: 'NL', 'the netherlands': 'NL', 'czech republic': 'CZ', 'south korea': 'KR', 'north korea': 'KP', russia: 'RU', 'ivory coast': 'CI', 'cyprus greek': 'CY', deutschland: 'DE', brasil: 'BR', espana: 'ES', 'viet nam': 'VN', 'republic of ireland': 'IE', eire: 'IE', turkey: 'TR', macedonia: 'MK', swaziland: 'SZ', burma: 'MM',
};
const ALPHA3: Record<string, string> = {
  usa: 'US', gbr: 'GB', deu: 'DE', fra: 'FR', esp: 'ES', ita: 'IT', nld: 'NL', prt: 'PT', bel: 'BE', aut: 'AT', che: 'CH', irl: 'IE', dnk: 'DK', swe: 'SE', nor: 'NO', fin: 'FI', isl: 'IS', pol: 'PL', cze: 'CZ', svk: 'SK', hun: 'HU', rou: 'RO', bgr: 'BG', grc: 'GR', cyp: 'CY', mlt: 'MT', lux: 'LU', svn: 'SI', hrv: 'HR', est: 'EE', lva: 'LV', ltu: 'LT', can: 'CA', mex: 'MX', bra: 'BR', arg: 'AR', chl: 'CL', col: 'CO', per: 'PE', ury: 'UY', ind: 'IN', chn: 'CN', jpn: 'JP', kor: 'KR', aus: 'AU', nzl: 'NZ', zaf: 'ZA', tur: 'TR', rus: 'RU', ukr: 'UA', isr: 'IL', are: 'AE', sau: 'SA', sgp: 'SG', hkg: 'HK', twn: 'TW', phl: 'PH', idn: 'ID', mys: 'MY', tha: 'TH', vnm: 'VN', egy: 'EG', nga: 'NG', ken: 'KE', mar: 'MA', tun: 'TN',
};

let countries: Map<string, string> | null = null;
let codes: Set<string> | null = null;

/**
 * Country names (folded, in the seven languages, plus ALIASES) → alpha-2, and the alpha-2 codes
 * ICU names as countries, from ICU itself: what geo-countries.data.ts was generated from
 * (`node scripts/gen-country-names.mjs` after a build; geo.test.ts checks the data against this on
 * the running Node).
 */
export function countryTableFromIcu(): { names: Map<string, string>; codes: Set<string> } {
  const m = new Map<string, string>();
  const c = new Set<string>();
  const names = LANGS.map((l) => new Intl.DisplayNames([l], { type: 'region', fallback: 'none' }));
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      // Withdrawn ISO codes (East Germany, USSR, Yugoslavia …) would shadow today's names.
      if (/^(?:AN|BU|CS|DD|FX|NT|SU|TP|YD|YU|ZR)$/.test(code)) continue;
      let known = false;
      for (const dn of names) {
        let n: string | undefined;
        try {
          n = dn.of(code);
        } catch {
          n = undefined;
        }
        if (!n || n === code) continue;
        known = true;
        const f = fold(n);
        if (!m.has(f)) m.set(f, code);
      }
      // Exclude ICU's macro-regions and pseudo codes (EU, UN, QO, XA, ZZ …).
      if (known && !/^(?:EU|EZ|UN|QO|XA|XB|ZZ|AA|QM|QN|QP|QQ|QR|QS|QT|QU|QV|QW|QX|QY|QZ|XK)$/.test(code)) c.add(code);
    }
  }
  for (const [k, v] of Object.entries(ALIASES)) m.set(k, v);
  c.add('XK');
  return { names: m, codes: c };
}

/**
 * The table from the generated data: asking ICU for 4,732 region names cost ≈ 20–27 CPU-ms in
 * every thread that met a country cell or a capitalised word (issue 21, a scan's detection
 * threads each paid it); splitting the data costs well under a millisecond.
 */
function countryTable(): Map<string, string> {
  if (countries) return countries;
  const m = new Map<string, string>();
  for (const entry of COUNTRY_NAMES.split('|')) {
    const eq = entry.indexOf('=');
    m.set(entry.slice(0, eq), entry.slice(eq + 1));
  }
  codes = new Set(COUNTRY_CODES.split('|'));
  countries = m;
  return m;
}

/** ISO 3166-1 alpha-2 for a country cell ('DE', 'deu', 'Germany', 'Allemagne', 'Alemania'), or undefined. */
export function normaliseCountry(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const f = fold(value);
  if (!f) return undefined;
  const table = countryTable();
  if (/^[a-z]{2}$/.test(f)) {
    if (f === 'uk') return 'GB';
    const up = f.toUpperCase();
    return codes!.has(up) ? up : undefined;
  }
  if (/^[a-z]{3}$/.test(f) && ALPHA3[f]) return ALPHA3[f];
  return table.get(f) ?? table.get(f.replace(/^the /, '')) ?? undefined;
}

const US: [string, string][] = Object.entries({
  AL: 'alabama', AK: 'alaska', AZ: 'arizona', AR: 'arkansas', CA: 'california', CO: 'colorado', CT: 'connecticut', DE: 'delaware', DC: 'district of columbia', FL: 'florida', GA: 'georgia', HI: 'hawaii', ID: 'idaho', IL: 'illinois', IN: 'indiana', IA: 'iowa', KS: 'kansas', KY: 'kentucky', LA: 'louisiana', ME: 'maine', MD: 'maryland', MA: 'massachusetts', MI: 'michigan', MN: 'minnesota', MS: 'mississippi', MO: 'missouri', MT: 'montana', NE: 'nebraska', NV: 'nevada', NH: 'new hampshire', NJ: 'new jersey', NM: 'new mexico', NY: 'new york', NC: 'north carolina', ND: 'north dakota', OH: 'ohio', OK: 'oklahoma', OR: 'oregon', PA: 'pennsylvania', RI: 'rhode island', SC: 'south carolina', SD: 'south dakota', TN: 'tennessee', TX: 'texas', UT: 'utah', VT: 'vermont', VA: 'virginia', WA: 'washington', WV: 'west virginia', WI: 'wisconsin', WY: 'wyoming', PR: 'puerto rico', GU: 'guam', VI: 'virgin islands', AS: 'american samoa', MP: 'northern mariana islands',
});
const US_BY_NAME = new Map<string, string>(US.map(([c, n]) => [n, c]));
const US_CODES = new Set(US.map(([c]) => c));
// Spellings in the project's other languages that differ from English.
for (const [n, c] of Object.entries({ california: 'CA', 'nueva york': 'NY', 'nuevo mexico': 'NM', 'carolina del norte': 'NC', 'carolina del sur': 'SC', 'dakota del norte': 'ND', 'dakota del sur': 'SD', 'virginia occidental': 'WV', 'nouveau mexique': 'NM', 'caroline du nord': 'NC', 'caroline du sud': 'SC', pensilvania: 'PA', hawai: 'HI', luisiana: 'LA', 'washington dc': 'DC', 'washington d c': 'DC' })) US_BY_NAME.set(n, c);
const CA_PROV: Record<string, string> = { AB: 'alberta', BC: 'british columbia', MB: 'manitoba', NB: 'new brunswick', NL: 'newfoundland and labrador', NS: 'nova scotia', NT: 'northwest territories', NU: 'nunavut', ON: 'ontario', PE: 'prince edward island', QC: 'quebec', SK: 'saskatchewan', YT: 'yukon' };
const CA_BY_NAME = new Map<string, string>(Object.entries(CA_PROV).map(([c, n]) => [n, c]));

/**
 * ISO 3166-2 code for a region cell: US states ('CA', 'California', 'US-CA') → 'US-CA'; Canadian
 * provinces when the country is CA ('ON', 'Ontario', 'Québec') → 'CA-ON'. Other countries' regions
 * are not normalised (undefined).
 */
export function normaliseRegion(value: string | null | undefined, country?: string): string | undefined {
  if (!value) return undefined;
  // Every record's region cell comes here (record.ts): a state column holds a few dozen distinct
  // values, and fold's NFD + Unicode regex was ≈ 2 % of a worker (issue 21). Memoised per country,
  // bounded: a column of distinct values only fills the memo and clears it.
  const key = country ?? '';
  let memo = REGION_MEMO.get(key);
  if (!memo) {
    memo = new Map();
    REGION_MEMO.set(key, memo);
  }
  const hit = memo.get(value);
  if (hit !== undefined) return hit ?? undefined;
  const r = regionOf(value, country);
  if (memo.size >= GEO_MEMO_MAX) memo.clear();
  memo.set(value, r ?? null);
  return r;
}

const GEO_MEMO_MAX = 4096;
/** country ('' for none) → cell → ISO 3166-2 code (null: none). */
const REGION_MEMO = new Map<string, Map<string, string | null>>();

function regionOf(value: string, country?: string): string | undefined {
  const raw = value.trim();
  const f = fold(raw);
  if (!f) return undefined;
  const m = /^(us|ca) ([a-z]{2})$/.exec(f);
  if (m) return regionOf(m[2], m[1].toUpperCase());
  // A province code without a country is Canadian too: none of the thirteen is a US state's code.
  if (country === 'CA' || (!country && (CA_BY_NAME.has(f) || CA_PROV[f.toUpperCase()] !== undefined))) {
    const up = f.toUpperCase();
    if (CA_PROV[up]) return `CA-${up}`;
    const c = CA_BY_NAME.get(f);
    if (c) return `CA-${c}`;
    if (country === 'CA') return undefined;
  }
  if (country && country !== 'US') return undefined;
  if (/^[a-z]{2}$/.test(f)) return US_CODES.has(f.toUpperCase()) ? `US-${f.toUpperCase()}` : undefined;
  const c = US_BY_NAME.get(f);
  return c ? `US-${c}` : undefined;
}

/** [first ZIP3, last ZIP3, USPS state]; military (AA/AE/AP) prefixes are omitted on purpose. */
export const ZIP3: readonly [number, number, string][] = [
  [5, 5, 'NY'], [6, 7, 'PR'], [8, 8, 'VI'], [9, 9, 'PR'], [10, 27, 'MA'], [28, 29, 'RI'], [30, 38, 'NH'], [39, 49, 'ME'], [50, 54, 'VT'], [55, 55, 'MA'], [56, 59, 'VT'], [60, 69, 'CT'], [70, 89, 'NJ'],
  [100, 149, 'NY'], [150, 196, 'PA'], [197, 199, 'DE'], [200, 200, 'DC'], [201, 201, 'VA'], [202, 205, 'DC'], [206, 219, 'MD'], [220, 246, 'VA'], [247, 268, 'WV'], [270, 289, 'NC'], [290, 299, 'SC'],
  [300, 319, 'GA'], [320, 339, 'FL'], [341, 349, 'FL'], [350, 369, 'AL'], [370, 385, 'TN'], [386, 397, 'MS'], [398, 399, 'GA'],
  [400, 427, 'KY'], [430, 459, 'OH'], [460, 479, 'IN'], [480, 499, 'MI'], [500, 528, 'IA'], [530, 549, 'WI'], [550, 567, 'MN'], [569, 569, 'DC'], [570, 577, 'SD'], [580, 588, 'ND'], [590, 599, 'MT'],
  [600, 629, 'IL'], [630, 658, 'MO'], [660, 679, 'KS'], [680, 693, 'NE'], [700, 714, 'LA'], [716, 729, 'AR'], [730, 732, 'OK'], [733, 733, 'TX'], [734, 749, 'OK'], [750, 799, 'TX'],
  [800, 816, 'CO'], [820, 831, 'WY'], [832, 838, 'ID'], [840, 847, 'UT'], [850, 865, 'AZ'], [870, 884, 'NM'], [885, 885, 'TX'], [889, 898, 'NV'],
  [900, 961, 'CA'], [967, 968, 'HI'], [969, 969, 'GU'], [970, 979, 'OR'], [980, 994, 'WA'], [995, 999, 'AK'],
];

/** USPS state code ('CA') for a US ZIP ('94105', '94105-1234'), or undefined (invalid or military). */
export function zipToState(zip: string): string | undefined {
  const m = /^\s*(\d{3})\d{2}(?:-?\d{4})?\s*$/.exec(zip);
  if (!m) return undefined;
  return ZIP3_STATE[Number(m[1])];
}

/**
 * ZIP3 → state, one slot per prefix (a per-record lookup). Filled range by range, the last range
 * first, so a prefix in two ranges gets the first one (as `ZIP3.find` would): a `find` per prefix
 * cost ≈ 3 ms of every detection thread's start-up (bench/README.md, issue 21, branch startup21).
 */
const ZIP3_STATE: (string | undefined)[] = new Array(1000).fill(undefined);
for (let i = ZIP3.length - 1; i >= 0; i--) {
  const [lo, hi, state] = ZIP3[i];
  for (let p = lo; p <= hi && p < 1000; p++) ZIP3_STATE[p] = state;
}

/** True when the value names a country (code or name in the supported languages). */
export const isCountry = (v: string) => normaliseCountry(v) !== undefined;
/** True when the value names a US state (or a Canadian province by name). */
export const isUsState = (v: string) => normaliseRegion(v) !== undefined;
