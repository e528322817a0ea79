/**
 * Where to go after signing in: only paths of this app. Anything else ("//evil.example",
 * "https://…", "javascript:…") falls back to the incidents list, so ?next= can never become an
 * open redirect (OWASP Unvalidated Redirects and Forwards Cheat Sheet).
 */
export function safeNext(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.startsWith('/sign-in')) return '/incidents';
  return next;
}
