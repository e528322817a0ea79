/** Ready-made plans from scan values (pure): shapes filter what an operation can take, a key id and its paired secret key are one plan. */
import { describe, expect, it } from 'vitest';
import { buildSuggestions } from './suggestions.js';

const aws = { provider: 'aws', action: 'deactivate_access_key', how: 'Deactivate it.', revocable: true };
const KEY = 'AKIAZ7VRSQ5TJBFE1234';

describe('suggestions from scan values', () => {
  it('merges the key id and its paired secret key into one plan on the key id, linked to both findings', () => {
    const out = buildSuggestions({
      observables: [],
      connectors: [{ name: 'aws-prod', kind: 'aws-iam' }],
      secrets: {
        aws_access_key_id: { count: 1, samples: ['AKIA…234'], revocation: [aws], targets: { aws: [KEY] }, scanId: 's1' },
        aws_secret_access_key: { count: 2, samples: ['…O3k', '…x9Z'], revocation: [aws], targets: { aws: [KEY, 'AKIAQQQQQQQQQQQQ5678'] }, scanId: 's1' },
      },
    });
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ id: 'scan:aws_access_key_id:aws', title: 'Deactivate these 2 AWS access keys', ready: 2, maskedTargets: ['AKIA…1234', 'AKIA…5678'], values: [KEY, 'AKIAQQQQQQQQQQQQ5678'], samples: ['AKIA…234', '…O3k', '…x9Z'] });
    expect(out[0]!.links).toEqual([{ type: 'finding', id: 's1/aws_access_key_id' }, { type: 'finding', id: 's1/aws_secret_access_key' }]);
  });

  it('fills only values of the shape the operation takes (a temporary key names no role)', () => {
    const out = buildSuggestions({
      observables: [],
      connectors: [],
      secrets: {
        aws_access_key_id: { count: 1, samples: ['ASIA…KW2'], revocation: [{ ...aws, action: 'revoke_sessions' }], targets: { aws: ['ASIAZ7VRSQ5TJBFEXKW2'] } },
        gitlab_token: { count: 3, samples: [], targets: { gitlab: ['glpat-aaaaaaaaaaaaaaaaaaaa', 'glpat-bbbbbbbbbbbbbbbbbbbb', 'not-a-token'] } },
      },
    });
    expect(out.map((s) => [s.operation, s.ready, s.title])).toEqual([
      ['revoke-sessions', 0, 'Revoke 1 aws credential(s) found by the scan (aws_access_key_id)'],
      ['revoke-token', 2, 'Revoke these 2 GitLab tokens'],
    ]);
  });
});
