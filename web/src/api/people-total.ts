/**
 * Total affected people from GET /api/v1/incidents/{id}/people/counts
 * ({ incidentId, byJurisdiction: { "US-CA": 12, … } }), tolerant of list-shaped answers.
 */
export function peopleTotal(d: unknown): number | null {
  if (!d || typeof d !== 'object') return null;
  const o = d as Record<string, unknown>;
  if (typeof o.total === 'number') return o.total;
  if (o.byJurisdiction) return peopleTotal(o.byJurisdiction);
  const list = Array.isArray(o.items) ? o.items : Array.isArray(d) ? (d as unknown[]) : null;
  if (list) return list.reduce<number>((s, r) => s + Number((r as Record<string, unknown>).individuals ?? (r as Record<string, unknown>).count ?? 0), 0);
  const nums = Object.values(o).filter((v): v is number => typeof v === 'number');
  return nums.length ? nums.reduce((s, n) => s + n, 0) : null;
}
