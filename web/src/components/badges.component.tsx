/** Status and severity as text plus colour (colour is never the only cue, WCAG 1.4.1). */
import { humanize } from './format.js';

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge status-${status}`}>{humanize(status)}</span>;
}

export function SeverityBadge({ severity }: { severity: string }) {
  return <span className={`badge severity-${severity}`}>{humanize(severity)}</span>;
}
