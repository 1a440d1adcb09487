// A copy of an AST without its source locations: two programs that differ only in layout compare
// equal (the round trip parse(render(p)) is checked this way).

export function withoutLocs<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => withoutLocs(v)) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (k !== 'loc') out[k] = withoutLocs(v);
  return out as T;
}
