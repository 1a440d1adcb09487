// The order a set iterates in: its hash table's slot order (set-table.ts), known while every item's
// hash is; a set of at most one item has only one order.
import type { PyObj } from './objects.ts';
import { tableOrder } from './set-table.ts';

export function setOrder(o: PyObj): PyObj[] | null {
  const p = o.payload;
  if (p.kind !== 'set') return null;
  if (p.items.length <= 1) return p.items;
  return p.table ? tableOrder(p.table) : null;
}
