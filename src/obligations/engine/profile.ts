/**
 * Which rules are in force, and the organisation-profile predicates rules name in `appliesIf` /
 * `appliesUnless` (rule.schema.ts PROFILE_PREDICATES).
 */
import type { BreachFacts } from '../facts.schema.js';
import type { ProfilePredicate, Rule } from '../rule.schema.js';

/** Is the rule in force on `day` (YYYY-MM-DD)? effectiveTo is inclusive. */
export const inForce = (rule: Rule, day: string): boolean =>
  rule.effectiveFrom !== null && rule.effectiveFrom <= day && (rule.effectiveTo === undefined || day <= rule.effectiveTo);

export const PROFILE_TESTS: Record<ProfilePredicate, [(f: BreachFacts) => boolean, string]> = {
  controller: [(f) => f.controller.role === 'controller', 'a controller (data owner)'],
  processor: [(f) => f.controller.role === 'processor', 'a processor / service provider'],
  hipaa_covered_entity: [(f) => f.controller.hipaa === 'covered_entity', 'a HIPAA covered entity'],
  hipaa_business_associate: [(f) => f.controller.hipaa === 'business_associate', 'a HIPAA business associate'],
  phr_vendor: [(f) => f.controller.phrVendor && f.controller.hipaa === null, 'a PHR vendor not covered by HIPAA'],
  glba_ftc_institution: [(f) => f.controller.glbaFtc, 'a non-bank financial institution under the FTC'],
  public_company: [(f) => f.controller.publicCompany || f.controller.listed === true, 'an SEC registrant'],
  nydfs_covered: [(f) => f.controller.nydfs || (f.controller.regulators?.includes('US-NY-DFS') ?? false), 'an NYDFS covered entity'],
  nis2_entity: [(f) => f.controller.nis2Entity !== null, 'a NIS2 essential or important entity'],
  dora_entity: [(f) => f.controller.doraEntity, 'a DORA financial entity'],
  banking_organization: [(f) => f.controller.bankingOrganization, 'a US banking organisation'],
  bank_service_provider: [(f) => f.controller.bankServiceProvider, 'a bank service provider'],
  telecom_provider: [(f) => f.controller.telecom, 'a public electronic communications provider'],
  sec_regsp_institution: [(f) => f.controller.secRegSP !== null, 'a Reg S-P covered institution'],
  insurance_licensee: [(f) => f.controller.insuranceLicensee, 'an insurance licensee'],
  smaller_reporting_company: [(f) => f.controller.smallerReportingCompany, 'a smaller reporting company'],
  sec_regsp_smaller: [(f) => f.controller.secRegSP === 'smaller', 'a smaller Reg S-P entity'],
  small_processing_agent: [(f) => f.controller.smallProcessingAgent, 'a small processing agent (LGPD)'],
  au_small_business: [(f) => f.controller.auSmallBusinessOperator, 'a small business operator that is not an APP entity (Privacy Act 1988 ss 6D–6E)'],
};
