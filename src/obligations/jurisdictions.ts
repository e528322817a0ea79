/**
 * Jurisdiction facts the clock needs: regions, the IANA zone where days are counted and the
 * public-holiday calendar for business days. Where a jurisdiction spans several zones the
 * earliest-ending one is used (issue 5 §4), so a computed deadline is never later than the law's.
 */

export const EU_STATES = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE',
  'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
] as const;
/** EEA = EU + Iceland, Liechtenstein, Norway (GDPR incorporated into the EEA Agreement, 2018). */
export const EEA_STATES = [...EU_STATES, 'IS', 'LI', 'NO'] as const;

export const US_STATES: Record<string, string> = {
  AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado',
  CT: 'Connecticut', DE: 'Delaware', DC: 'District of Columbia', FL: 'Florida', GA: 'Georgia',
  HI: 'Hawaii', ID: 'Idaho', IL: 'Illinois', IN: 'Indiana', IA: 'Iowa', KS: 'Kansas',
  KY: 'Kentucky', LA: 'Louisiana', ME: 'Maine', MD: 'Maryland', MA: 'Massachusetts',
  MI: 'Michigan', MN: 'Minnesota', MS: 'Mississippi', MO: 'Missouri', MT: 'Montana',
  NE: 'Nebraska', NV: 'Nevada', NH: 'New Hampshire', NJ: 'New Jersey', NM: 'New Mexico',
  NY: 'New York', NC: 'North Carolina', ND: 'North Dakota', OH: 'Ohio', OK: 'Oklahoma',
  OR: 'Oregon', PA: 'Pennsylvania', PR: 'Puerto Rico', RI: 'Rhode Island', SC: 'South Carolina',
  SD: 'South Dakota', TN: 'Tennessee', TX: 'Texas', UT: 'Utah', VT: 'Vermont', VA: 'Virginia',
  WA: 'Washington', WV: 'West Virginia', WI: 'Wisconsin', WY: 'Wyoming', GU: 'Guam',
  VI: 'U.S. Virgin Islands',
};

/**
 * GDPR one-stop-shop memberships over time: 2018-05-25..2018-07-19 the 28 EU states (EU28, with
 * the UK) — the EEA states joined on 2018-07-20 (EEA Joint Committee Decision 154/2018) — and the
 * UK stayed inside until 2020-12-31 (EEA+GB).
 */
export const EU28_STATES = [...EU_STATES, 'GB'] as const;
export const EEA_GB_STATES = [...EEA_STATES, 'GB'] as const;

export const REGIONS: Record<string, readonly string[]> = { EU: EU_STATES, EEA: EEA_STATES, EU28: EU28_STATES, 'EEA+GB': EEA_GB_STATES };

/** Earliest-ending zone per US state/territory (states split across zones noted). */
const US_ZONES: Record<string, string> = {
  AL: 'America/Chicago', AK: 'America/Anchorage' /* Aleutians end later */, AZ: 'America/Phoenix',
  AR: 'America/Chicago', CA: 'America/Los_Angeles', CO: 'America/Denver', CT: 'America/New_York',
  DE: 'America/New_York', DC: 'America/New_York', FL: 'America/New_York' /* panhandle Central */,
  GA: 'America/New_York', HI: 'Pacific/Honolulu', ID: 'America/Boise' /* north Pacific */,
  IL: 'America/Chicago', IN: 'America/Indiana/Indianapolis' /* NW/SW Central */, IA: 'America/Chicago',
  KS: 'America/Chicago' /* west Mountain */, KY: 'America/New_York' /* west Central */,
  LA: 'America/Chicago', ME: 'America/New_York', MD: 'America/New_York', MA: 'America/New_York',
  MI: 'America/Detroit' /* UP border Central */, MN: 'America/Chicago', MS: 'America/Chicago',
  MO: 'America/Chicago', MT: 'America/Denver', NE: 'America/Chicago' /* west Mountain */,
  NV: 'America/Denver' /* West Wendover is officially Mountain; rest Pacific */,
  NH: 'America/New_York', NJ: 'America/New_York', NM: 'America/Denver', NY: 'America/New_York',
  NC: 'America/New_York', ND: 'America/Chicago' /* SW Mountain */, OH: 'America/New_York',
  OK: 'America/Chicago', OR: 'America/Boise' /* Malheur County Mountain; rest Pacific */,
  PA: 'America/New_York', PR: 'America/Puerto_Rico', RI: 'America/New_York',
  SC: 'America/New_York', SD: 'America/Chicago' /* west Mountain */,
  TN: 'America/New_York' /* middle/west Central */, TX: 'America/Chicago' /* El Paso Mountain */,
  UT: 'America/Denver', VT: 'America/New_York', VA: 'America/New_York', WA: 'America/Los_Angeles',
  WV: 'America/New_York', WI: 'America/Chicago', WY: 'America/Denver', GU: 'Pacific/Guam',
  VI: 'America/St_Thomas',
};

/** Zone where a country's authority counts days (capital; day-counted duties only matter here). */
const COUNTRY_ZONES: Record<string, string> = {
  US: 'America/New_York', GB: 'Europe/London', CH: 'Europe/Zurich', BR: 'America/Sao_Paulo',
  CA: 'America/Toronto', AU: 'Australia/Sydney', SG: 'Asia/Singapore', IN: 'Asia/Kolkata',
  JP: 'Asia/Tokyo', KR: 'Asia/Seoul', PH: 'Asia/Manila', KE: 'Africa/Nairobi',
  EU: 'Europe/Brussels', EEA: 'Europe/Brussels', AT: 'Europe/Vienna', BE: 'Europe/Brussels',
  BG: 'Europe/Sofia', HR: 'Europe/Zagreb', CY: 'Asia/Nicosia', CZ: 'Europe/Prague',
  DK: 'Europe/Copenhagen', EE: 'Europe/Tallinn', FI: 'Europe/Helsinki', FR: 'Europe/Paris',
  DE: 'Europe/Berlin', GR: 'Europe/Athens', HU: 'Europe/Budapest', IE: 'Europe/Dublin',
  IT: 'Europe/Rome', LV: 'Europe/Riga', LT: 'Europe/Vilnius', LU: 'Europe/Luxembourg',
  MT: 'Europe/Malta', NL: 'Europe/Amsterdam', PL: 'Europe/Warsaw', PT: 'Europe/Lisbon',
  RO: 'Europe/Bucharest', SK: 'Europe/Bratislava', SI: 'Europe/Ljubljana', ES: 'Europe/Madrid',
  SE: 'Europe/Stockholm', IS: 'Atlantic/Reykjavik', LI: 'Europe/Vaduz', NO: 'Europe/Oslo',
};

/** The other zones of states split across zones (US_ZONES notes): their local date can be a day earlier. */
const US_OTHER_ZONES: Record<string, string> = {
  AK: 'America/Adak', FL: 'America/Chicago', ID: 'America/Los_Angeles', IN: 'America/Chicago',
  KS: 'America/Denver', KY: 'America/Chicago', MI: 'America/Menominee', NE: 'America/Denver',
  NV: 'America/Los_Angeles', ND: 'America/Denver', OR: 'America/Los_Angeles', SD: 'America/Denver',
  TN: 'America/Chicago', TX: 'America/Denver',
};

/**
 * Every zone whose local date can decide a day in `jurisdiction`: all state and territory zones for
 * the federal `US`, both zones of a split state, else the one zone of zoneOf. Day-counted deadlines
 * take the earliest over them (an anchor at 23:30 in El Paso is a day earlier than in Chicago).
 */
export const zonesOf = (jurisdiction: string): string[] => {
  if (jurisdiction === 'US') return [...new Set([...Object.values(US_ZONES), ...Object.values(US_OTHER_ZONES)])];
  const [country, sub] = jurisdiction.split('-');
  const other = country === 'US' && sub !== undefined ? US_OTHER_ZONES[sub] : undefined;
  return other ? [zoneOf(jurisdiction), other] : [zoneOf(jurisdiction)];
};

/** Time zone for counting days in `jurisdiction`. Brussels for an unknown European code is wrong: throw. */
export const zoneOf = (jurisdiction: string): string => {
  const [country, sub] = jurisdiction.split('-');
  if (country === 'US' && sub !== undefined) {
    const zone = US_ZONES[sub];
    if (zone) return zone;
  }
  const zone = COUNTRY_ZONES[country];
  if (!zone) throw new Error(`no time zone known for jurisdiction ${jurisdiction}`);
  return zone;
};

/**
 * date-holidays calendar for business days: the state's own calendar for a US state (state
 * holidays close state offices), the country's otherwise.
 */
export const holidayCalendarOf = (jurisdiction: string): string => jurisdiction;

/** Is population jurisdiction `code` inside rule jurisdiction or region `area`? */
export const isWithin = (code: string, area: string): boolean => {
  if (code === area) return true;
  const region = REGIONS[area];
  if (region) return region.includes(code.split('-')[0]);
  // "US-TX" is within "US"; "US" is not within "US-TX".
  return !area.includes('-') && code.startsWith(`${area}-`);
};
