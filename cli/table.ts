// A plain text table: columns padded to their widest cell, two spaces apart. A row may end early
// with a long last cell (a note instead of numbers): it is never padded, so it widens nothing.

export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(0, ...all.filter((r) => i < r.length - 1).map((r) => r[i]!.length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return all.map(line).join('\n') + '\n';
}
