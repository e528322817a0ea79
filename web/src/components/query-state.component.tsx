/** Loading, error and "not available on this server" states for every data-driven section. */
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiError } from '../api/http.client.js';

export function NotAvailable({ what }: { what: string }) {
  return (
    <div className="not-available" role="status">
      <strong>Not available on this server yet: {what.toLowerCase()}.</strong> The API behind this part is not installed or not enabled; everything else keeps working.
    </div>
  );
}

export function ErrorBox({ error }: { error: unknown }) {
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className="error" role="alert">
      {message}
    </div>
  );
}

export function QueryState<T>({ query, what, children }: { query: UseQueryResult<T>; what: string; children: (data: T) => ReactNode }) {
  if (query.isPending) return <p className="loading">Loading {what.toLowerCase()}…</p>;
  if (query.isError) {
    const e = query.error;
    if (e instanceof ApiError && e.notAvailable) return <NotAvailable what={what} />;
    return <ErrorBox error={e} />;
  }
  return <>{children(query.data)}</>;
}
