/**
 * The public outside-report form (issue 15 §3), linked from /.well-known/security.txt. No sign-in;
 * the answer is only a reference number — nothing the reporter typed is shown back.
 */
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import type { ReportInput } from '../api/api.types.js';
import { api } from '../api/http.client.js';
import { ErrorBox } from '../components/query-state.component.js';

const toBase64 = (f: File) =>
  f.arrayBuffer().then((b) => {
    let s = '';
    const bytes = new Uint8Array(b);
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  });

export function ReportPage() {
  const [form, setForm] = useState({ category: 'exposed_data', message: '', affected: '', name: '', contact: '' });
  const [files, setFiles] = useState<File[]>([]);
  const send = useMutation({
    mutationFn: async () => {
      const attachments = await Promise.all(files.slice(0, 3).map(async (f) => ({ name: f.name, contentBase64: await toBase64(f) })));
      const body = { ...form, attachments } as ReportInput;
      return api<{ reference: string; message: string }>('/api/v1/reports', { body });
    },
  });
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send.mutate();
  };
  return (
    <main id="main" className="narrow">
      <h1>Report exposed data or a vulnerability</h1>
      {send.isSuccess ? (
        <p role="status">
          {send.data.message} Reference: <strong>{send.data.reference}</strong>
        </p>
      ) : (
        <form onSubmit={submit}>
          <div className="field">
            <label htmlFor="r-category">What did you find?</label>
            <select id="r-category" value={form.category} onChange={set('category')}>
              <option value="exposed_data">Exposed personal or company data</option>
              <option value="vulnerability">A vulnerability</option>
              <option value="phishing">Phishing in our name</option>
              <option value="other">Something else</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="r-message">Details</label>
            <textarea id="r-message" required minLength={10} maxLength={20000} rows={8} value={form.message} onChange={set('message')} />
          </div>
          <div className="field">
            <label htmlFor="r-affected">Where (URL, system or file), optional</label>
            <input id="r-affected" maxLength={2000} value={form.affected} onChange={set('affected')} />
          </div>
          <div className="field">
            <label htmlFor="r-name">Your name, optional</label>
            <input id="r-name" maxLength={200} value={form.name} onChange={set('name')} />
          </div>
          <div className="field">
            <label htmlFor="r-contact">How to reach you, optional</label>
            <input id="r-contact" maxLength={320} value={form.contact} onChange={set('contact')} />
          </div>
          <div className="field">
            <label htmlFor="r-files">Up to 3 files of at most 2 MB (kept in quarantine, never opened in a browser)</label>
            <input id="r-files" type="file" multiple onChange={(e) => setFiles([...(e.target.files ?? [])])} />
          </div>
          {send.isError && <ErrorBox error={send.error} />}
          <button type="submit" disabled={send.isPending}>
            Send report
          </button>
        </form>
      )}
    </main>
  );
}
