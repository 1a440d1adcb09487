// Finding the YAML node a problem is about, so that every error names its line and column.
import { isMap, isPair, isScalar, isSeq, visit, type Document, type LineCounter, type Node, type Pair } from 'yaml';
import type { Loc } from '../language/ast.ts';
import type { PathSegment } from './schema.ts';

export function keyText(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

/** The node at `path` (map keys compared as text), or the deepest node on the way there. */
export function nodeAt(doc: Document, path: readonly PathSegment[]): Node | null {
  let node: unknown = doc.contents;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => keyText(p) === String(segment));
      if (!pair || !pair.value) return node;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
      node = node.items[segment];
    } else {
      break;
    }
  }
  return (node as Node | null) ?? null;
}

/** The key node of `key` in the map at `path`. */
export function keyNodeAt(doc: Document, path: readonly PathSegment[], key: string): Node | null {
  const map = nodeAt(doc, path);
  if (!isMap(map)) return map;
  const pair = map.items.find((p) => keyText(p) === key);
  return pair && (pair.key as Node | null) ? (pair.key as Node) : map;
}

/** Start offset of a node; 0 (the top of the file) when there is none. */
export function offsetOf(node: Node | null): number {
  return node?.range?.[0] ?? 0;
}

export function locAt(lineCounter: LineCounter, offset: number): Loc {
  const { line, col } = lineCounter.linePos(offset);
  return { line, col };
}

export interface DuplicateKey {
  key: string;
  offset: number;
  firstOffset: number;
}

/** The first repeated key of any mapping in the document (parsed with `uniqueKeys: false`). */
export function firstDuplicateKey(doc: Document): DuplicateKey | null {
  let found: DuplicateKey | null = null;
  visit(doc, {
    Map(_, map) {
      const seen = new Map<string, number>();
      for (const pair of map.items) {
        if (!isPair(pair)) continue;
        const key = keyText(pair);
        const offset = offsetOf(pair.key as Node | null);
        const first = seen.get(key);
        if (first === undefined) seen.set(key, offset);
        else if (found === null || offset < found.offset) found = { key, offset, firstOffset: first };
      }
    },
  });
  return found;
}
