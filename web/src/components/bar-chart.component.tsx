/**
 * A sorted horizontal bar chart in plain SVG (no chart library: the bundle stays small). Each
 * bar carries its value as text too, and the chart has a text alternative (WCAG 1.1.1).
 */
export interface Bar {
  label: string;
  value: number;
}

export function BarChart({ title, bars, max = 15, unit = '' }: { title: string; bars: Bar[]; max?: number; unit?: string }) {
  const sorted = [...bars].sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
  const shown = sorted.slice(0, max);
  const rest = sorted.slice(max);
  if (rest.length) shown.push({ label: `${rest.length} more`, value: rest.reduce((s, b) => s + b.value, 0) });
  const top = Math.max(1, ...shown.map((b) => b.value));
  const rowH = 24;
  const labelW = 170;
  const width = 640;
  const barW = width - labelW - 90;
  const height = shown.length * rowH + 4;
  const summary = shown.map((b) => `${b.label}: ${b.value.toLocaleString()}`).join('; ');
  if (shown.length === 0) return <p className="muted">{title}: nothing found.</p>;
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={`${title}. ${summary}`}>
        <title>{title}</title>
        {shown.map((b, i) => {
          const w = Math.max(2, (b.value / top) * barW);
          const y = i * rowH + 2;
          return (
            <g key={b.label}>
              <text x={labelW - 8} y={y + rowH / 2 + 4} textAnchor="end" className="chart-label">
                {b.label.length > 24 ? `${b.label.slice(0, 23)}…` : b.label}
              </text>
              <rect x={labelW} y={y + 3} width={w} height={rowH - 6} rx={2} className="chart-bar" />
              <text x={labelW + w + 6} y={y + rowH / 2 + 4} className="chart-value">
                {b.value.toLocaleString()}
                {unit}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
