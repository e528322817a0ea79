/**
 * Regulators an organisation can be supervised or licensed by (issue 13 §3). The organisation
 * profile lists the ids that apply (`controller.regulators`); a rule with `supervisedBy` applies
 * only when one of its ids is listed. Ids are `<ISO 3166 code>-<short name>`, stable (they are in
 * stored profiles and BreachFacts v1): add, never rename.
 */
export const REGULATORS = {
  // United States — federal
  'US-SEC': 'U.S. Securities and Exchange Commission',
  'US-FTC': 'Federal Trade Commission',
  'US-OCC': 'Office of the Comptroller of the Currency',
  'US-FRB': 'Board of Governors of the Federal Reserve System',
  'US-FDIC': 'Federal Deposit Insurance Corporation',
  'US-NCUA': 'National Credit Union Administration',
  'US-CFPB': 'Consumer Financial Protection Bureau',
  'US-HHS-OCR': 'U.S. Department of Health and Human Services, Office for Civil Rights',
  'US-FCC': 'Federal Communications Commission',
  'US-FINRA': 'Financial Industry Regulatory Authority',
  // United States — states
  'US-NY-DFS': 'New York State Department of Financial Services',
  // Europe
  'EU-ECB': 'European Central Bank (Single Supervisory Mechanism)',
  'GB-ICO': "Information Commissioner's Office",
  'GB-FCA': 'Financial Conduct Authority',
  'GB-PRA': 'Prudential Regulation Authority',
  'GB-OFCOM': 'Ofcom',
  // Elsewhere
  'AU-APRA': 'Australian Prudential Regulation Authority',
  'CA-OSFI': 'Office of the Superintendent of Financial Institutions',
  'SG-MAS': 'Monetary Authority of Singapore',
  'IN-RBI': 'Reserve Bank of India',
  'IN-SEBI': 'Securities and Exchange Board of India',
  'IN-CERT-IN': 'Indian Computer Emergency Response Team (every service provider and body corporate)',
} as const satisfies Record<string, string>;

export type RegulatorId = keyof typeof REGULATORS;
export const REGULATOR_IDS = Object.keys(REGULATORS) as [RegulatorId, ...RegulatorId[]];
