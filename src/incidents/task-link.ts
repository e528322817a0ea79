/**
 * The web UI's address of one task: the incident page with that task in view. It must match a
 * route of web/src/app.tsx (`/incidents/:id/tasks/:taskId`); test/e2e/web/papercuts.test.ts
 * opens a real reminder's link in Chromium.
 */
export function taskLink(publicUrl: string, incidentId: string, taskId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/incidents/${encodeURIComponent(incidentId)}/tasks/${encodeURIComponent(taskId)}`;
}
