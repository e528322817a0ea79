/**
 * "Canary records found": which of the organisation's datasets a scanned leak came from, by the
 * canary records it holds (issue 15 §4). Samples are masked by the server (DESIGN.md §4).
 */
import type { ExposureReport } from '../api/api.types.js';
import { humanize } from './format.js';
import { Samples } from './samples.component.js';

export function CanaryCard({ canaries }: { canaries: NonNullable<ExposureReport['canaries']> }) {
  return (
    <section className="card" aria-labelledby="canaries-h">
      <h2 id="canaries-h">Canary records found</h2>
      {canaries.datasets.length === 0 ? (
        <p className="muted">None of the {canaries.known.toLocaleString()} canary records planted is in this leak.</p>
      ) : (
        <>
          <p>
            {canaries.found.toLocaleString()} of {canaries.known.toLocaleString()} canary records are in this leak: it came from{' '}
            {canaries.datasets.length === 1 ? 'this dataset' : 'these datasets'}.
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">Dataset</th>
                <th scope="col">Planted in</th>
                <th scope="col">Canaries found</th>
                <th scope="col">Attribution score</th>
                <th scope="col">Found by</th>
                <th scope="col">Samples (masked)</th>
              </tr>
            </thead>
            <tbody>
              {canaries.datasets.map((d) => (
                <tr key={d.dataset}>
                  <td>{d.dataset}</td>
                  <td>{d.plantedWhere.join('; ')}</td>
                  <td>
                    {d.canariesFound.toLocaleString()} of {d.canariesPlanted.toLocaleString()}
                  </td>
                  <td title="share of the dataset's canaries found in the leak">{Math.round(d.score * 100)} %</td>
                  <td>
                    {Object.entries(d.matchedOn)
                      .map(([k, n]) => `${humanize(k)} ${n}`)
                      .join(', ')}
                  </td>
                  <td>
                    <Samples values={d.samples} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
