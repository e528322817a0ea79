/**
 * US states as an equal-area tile grid (the NPR/WSJ-style layout): every state gets the same
 * square, so small states with many affected people are not lost. Only drawn when the report
 * has US-xx jurisdictions (ISO 3166-2:US codes).
 */
const TILES: Record<string, [number, number]> = {
  AK: [0, 0], ME: [11, 0],
  VT: [10, 1], NH: [11, 1],
  WA: [1, 2], ID: [2, 2], MT: [3, 2], ND: [4, 2], MN: [5, 2], IL: [6, 2], WI: [7, 2], MI: [8, 2], NY: [9, 2], RI: [10, 2], MA: [11, 2],
  OR: [1, 3], NV: [2, 3], WY: [3, 3], SD: [4, 3], IA: [5, 3], IN: [6, 3], OH: [7, 3], PA: [8, 3], NJ: [9, 3], CT: [10, 3],
  CA: [1, 4], UT: [2, 4], CO: [3, 4], NE: [4, 4], MO: [5, 4], KY: [6, 4], WV: [7, 4], VA: [8, 4], MD: [9, 4], DE: [10, 4],
  AZ: [2, 5], NM: [3, 5], KS: [4, 5], AR: [5, 5], TN: [6, 5], NC: [7, 5], SC: [8, 5], DC: [9, 5],
  OK: [4, 6], LA: [5, 6], MS: [6, 6], AL: [7, 6], GA: [8, 6],
  HI: [0, 7], TX: [4, 7], FL: [9, 7], PR: [11, 7],
};

export function UsStateMap({ counts }: { counts: Record<string, number> }) {
  const us = Object.entries(counts).filter(([k]) => /^US-[A-Z]{2}$/.test(k));
  if (us.length === 0) return null;
  const by = new Map(us.map(([k, v]) => [k.slice(3), v]));
  const max = Math.max(1, ...by.values());
  const size = 40;
  const summary = us
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k.slice(3)} ${v}`)
    .join(', ');
  return (
    <figure className="chart">
      <figcaption>People per US state</figcaption>
      <svg viewBox={`0 0 ${12 * size} ${8 * size}`} width="100%" role="img" aria-label={`People per US state: ${summary}`}>
        <title>People per US state</title>
        {Object.entries(TILES).map(([st, [x, y]]) => {
          const n = by.get(st) ?? 0;
          // Darker = more people; the lightest non-zero step still differs from empty tiles.
          const level = n === 0 ? 0 : 1 + Math.min(3, Math.floor((n / max) * 4));
          return (
            <g key={st}>
              <rect x={x * size + 1} y={y * size + 1} width={size - 2} height={size - 2} rx={3} className={`tile tile-${level}`} />
              <text x={x * size + size / 2} y={y * size + size / 2 + 4} textAnchor="middle" className={`tile-label ${level >= 3 ? 'on-dark' : ''}`}>
                {st}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
