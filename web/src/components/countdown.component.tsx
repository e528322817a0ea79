/**
 * A live countdown to a legal deadline. One shared one-second clock drives every countdown on
 * the page, so a list of fifty incidents costs one timer, not fifty.
 */
import { useSyncExternalStore } from 'react';
import { formatDateTime, formatDuration } from './format.js';

const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;
let now = Date.now();

function subscribe(l: () => void): () => void {
  listeners.add(l);
  if (!timer) {
    timer = setInterval(() => {
      now = Date.now();
      for (const f of listeners) f();
    }, 1000);
  }
  return () => {
    listeners.delete(l);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

export function useNow(): number {
  return useSyncExternalStore(
    subscribe,
    () => now,
    () => now,
  );
}

export function urgencyOf(msLeft: number): 'overdue' | 'urgent' | 'soon' | 'later' {
  if (msLeft < 0) return 'overdue';
  if (msLeft < 12 * 3600_000) return 'urgent';
  if (msLeft < 72 * 3600_000) return 'soon';
  return 'later';
}

export function Countdown({ deadline, label }: { deadline: string | null | undefined; label?: string }) {
  const t = useNow();
  if (!deadline) return <span className="muted">no deadline known</span>;
  const left = new Date(deadline).getTime() - t;
  const u = urgencyOf(left);
  const text = left < 0 ? `overdue by ${formatDuration(left)}` : `${formatDuration(left)} left`;
  return (
    <time className={`countdown countdown-${u}`} dateTime={deadline} title={`${label ? `${label}: ` : ''}${formatDateTime(deadline)}`}>
      {text}
    </time>
  );
}
