/** piscina worker entry: one partition of the people index grouped (pool.ts createPartitionGrouper). */
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { groupPartition as group, type PartitionGroup } from './people.js';

export function groupPartition(task: { data: Uint32Array; customers: boolean }): PartitionGroup {
  const g = group(task.data, task.customers);
  // The arrays go back by transfer, not copy (each owns its buffer).
  return move({
    get [transferableSymbol]() {
      return [g.distinct.buffer, g.links.buffer, g.matches.buffer];
    },
    get [valueSymbol]() {
      return g;
    },
  }) as unknown as PartitionGroup;
}
