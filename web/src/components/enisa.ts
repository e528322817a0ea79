/**
 * ENISA severity (ENISA, "Recommendations for a methodology of the assessment of severity of
 * personal data breaches", 2013), pure: SE = DPC × EI + CB; DPC clamped to 1–4 after whole-step
 * adjustments; bands < 2 low, < 3 medium, < 4 high, else very high (same as
 * src/obligations/severity.ts).
 */
export interface SeverityInput {
  dpc?: { category: Category; adjustments: { delta: number; reason: string }[] };
  ei?: 0.25 | 0.5 | 0.75 | 1;
  cb?: { confidentiality: 0 | 0.25 | 0.5; integrity: 0 | 0.25 | 0.5; availability: 0 | 0.25 | 0.5; malicious: boolean };
}
export type Category = 'simple' | 'behavioural' | 'financial' | 'sensitive';
export const SCORE_BASE: Record<Category, number> = { simple: 1, behavioural: 2, financial: 3, sensitive: 4 };
export const EI = [0.25, 0.5, 0.75, 1] as const;
export const CB = [0, 0.25, 0.5] as const;

export function enisaScore(input: Required<SeverityInput>): { dpc: number; cb: number; score: number; band: string } {
  const dpc = Math.min(4, Math.max(1, input.dpc.adjustments.reduce((s, a) => s + a.delta, SCORE_BASE[input.dpc.category])));
  const cb = input.cb.confidentiality + input.cb.integrity + input.cb.availability + (input.cb.malicious ? 0.5 : 0);
  const score = Math.round((dpc * input.ei + cb) * 100) / 100;
  const band = score < 2 ? 'low' : score < 3 ? 'medium' : score < 4 ? 'high' : 'very high';
  return { dpc, cb, score, band };
}

