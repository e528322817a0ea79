/** Plan versions are diffable: a unified diff (the `diff` package) between two YAML texts. */
import { createTwoFilesPatch } from 'diff';

export function planDiff(from: { version: number; yaml: string }, to: { label: string; yaml: string }): string {
  return createTwoFilesPatch(`plan v${from.version}`, to.label, from.yaml, to.yaml, undefined, undefined, { context: 3 });
}
