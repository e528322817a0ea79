/**
 * ENISA severity calculator (ENISA, "Recommendations for a methodology of the assessment of
 * severity of personal data breaches", 2013): SE = DPC × EI + CB.
 * DPC: data processing context, base 1–4 by category, adjusted by whole steps, clamped 1–4.
 * EI: ease of identification 0.25 / 0.5 / 0.75 / 1. CB: circumstances of breach, loss of
 * confidentiality, integrity, availability (0 / 0.25 / 0.5 each) and malicious intent (+0.5).
 * Bands: < 2 low, < 3 medium, < 4 high, else very high. Legal roles may edit and save.
 */
import { useState } from 'react';
import { type Category, CB, EI, enisaScore, SCORE_BASE as BASE, type SeverityInput } from './enisa.js';

export type { SeverityInput } from './enisa.js';

export interface EngineSeverity {
  score?: number;
  band?: string;
  dpc?: { category?: Category; adjustments?: { delta: number; reason: string }[]; reason?: string };
  ei?: { value?: number; reason?: string };
  cb?: { confidentiality?: number; integrity?: number; availability?: number; malicious?: number; reason?: string };
}

function initial(s: EngineSeverity | null): Required<SeverityInput> {
  return {
    dpc: { category: s?.dpc?.category ?? 'simple', adjustments: s?.dpc?.adjustments ?? [] },
    ei: (s?.ei?.value as 0.25 | 0.5 | 0.75 | 1) ?? 1,
    cb: {
      confidentiality: (s?.cb?.confidentiality as 0 | 0.25 | 0.5) ?? 0,
      integrity: (s?.cb?.integrity as 0 | 0.25 | 0.5) ?? 0,
      availability: (s?.cb?.availability as 0 | 0.25 | 0.5) ?? 0,
      malicious: (s?.cb?.malicious ?? 0) > 0,
    },
  };
}

export function EnisaCalculator({ engine, editable, onSave, saving }: { engine: EngineSeverity | null; editable: boolean; onSave: (s: Required<SeverityInput>) => void; saving: boolean }) {
  const [v, setV] = useState(() => initial(engine));
  const [adjust, setAdjust] = useState(() => v.dpc.adjustments.reduce((s, a) => s + a.delta, 0));
  const [adjustReason, setAdjustReason] = useState(() => v.dpc.adjustments.map((a) => a.reason).join('; '));
  const current = { ...v, dpc: { ...v.dpc, adjustments: adjust ? [{ delta: adjust, reason: adjustReason || 'adjusted by legal review' }] : [] } };
  const r = enisaScore(current);
  const cbField = (k: 'confidentiality' | 'integrity' | 'availability', label: string) => (
    <div className="field">
      <label htmlFor={`cb-${k}`}>{label}</label>
      <select id={`cb-${k}`} disabled={!editable} value={v.cb[k]} onChange={(e) => setV({ ...v, cb: { ...v.cb, [k]: Number(e.target.value) } })}>
        {CB.map((x) => (
          <option key={x} value={x}>
            {x}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <section className="card" aria-labelledby="enisa-h">
      <h2 id="enisa-h">ENISA severity</h2>
      <p className="enisa-result" aria-live="polite">
        SE = DPC {r.dpc} × EI {v.ei} + CB {r.cb} = <strong>{r.score}</strong> ({r.band})
        {engine?.score !== undefined && engine.score !== r.score ? <span className="muted"> · engine: {engine.score}</span> : null}
      </p>
      {!editable && <p className="muted">Only legal roles can change these inputs.</p>}
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          onSave(current);
        }}
      >
        <div className="field">
          <label htmlFor="dpc-category">Data category (DPC)</label>
          <select id="dpc-category" disabled={!editable} value={v.dpc.category} onChange={(e) => setV({ ...v, dpc: { ...v.dpc, category: e.target.value as Category } })}>
            {Object.entries(BASE).map(([k, b]) => (
              <option key={k} value={k}>
                {k} ({b})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="dpc-adjust">DPC adjustment</label>
          <input id="dpc-adjust" type="number" min={-3} max={3} step={1} disabled={!editable} value={adjust} onChange={(e) => setAdjust(Number(e.target.value))} />
        </div>
        <div className="field grow">
          <label htmlFor="dpc-reason">Reason for the adjustment</label>
          <input id="dpc-reason" disabled={!editable} value={adjustReason} onChange={(e) => setAdjustReason(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="ei">Ease of identification (EI)</label>
          <select id="ei" disabled={!editable} value={v.ei} onChange={(e) => setV({ ...v, ei: Number(e.target.value) as 0.25 | 0.5 | 0.75 | 1 })}>
            {EI.map((x) => (
              <option key={x} value={x}>
                {x}
              </option>
            ))}
          </select>
        </div>
        {cbField('confidentiality', 'Loss of confidentiality')}
        {cbField('integrity', 'Loss of integrity')}
        {cbField('availability', 'Loss of availability')}
        <label className="check">
          <input type="checkbox" disabled={!editable} checked={v.cb.malicious} onChange={(e) => setV({ ...v, cb: { ...v.cb, malicious: e.target.checked } })} />
          Malicious intent (+0.5)
        </label>
        {editable && (
          <button type="submit" disabled={saving}>
            Save severity inputs
          </button>
        )}
      </form>
      {(engine?.dpc?.reason || engine?.ei?.reason || engine?.cb?.reason) && (
        <ul className="muted small-text">
          {engine?.dpc?.reason && <li>DPC: {engine.dpc.reason}</li>}
          {engine?.ei?.reason && <li>EI: {engine.ei.reason}</li>}
          {engine?.cb?.reason && <li>CB: {engine.cb.reason}</li>}
        </ul>
      )}
    </section>
  );
}
