// `cmm explain --svg DIR`: the heap after each statement drawn by Graphviz (compiled to
// WebAssembly: @hpcc-js/wasm-graphviz), one SVG per step, and an HTML page that shows the trace
// beside the pictures, one column per version asked for.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Graphviz } from '@hpcc-js/wasm-graphviz';
import type { Trace, TraceStep } from '../model/explain/trace.ts';

const escapeDot = (s: string): string => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
const quote = (s: string): string => `"${escapeDot(s)}"`;
const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The Graphviz source of one step's heap: names as plain labels, objects as boxes, references as arrows. */
export function stepDot(step: TraceStep, id: (serial: number) => string): string {
  const lines = ['digraph heap {', '  rankdir=LR;', '  node [fontname="Helvetica", fontsize=11];', '  edge [fontname="Helvetica", fontsize=9];'];
  for (const o of step.heap.objects) {
    const count = o.immortal ? 'immortal' : o.rc === null ? 'count ?' : `count ${o.rc}`;
    // Two lines: Graphviz breaks a label at the escape \n, so each line is escaped on its own.
    const label = `"${escapeDot(`${id(o.serial)} ${o.type}${o.value === null ? '' : ` ${o.value}`}`)}\\n${escapeDot(`${count}${o.tracked ? ' · tracked' : ''}`)}"`;
    const style = o.reachable ? 'solid' : 'dashed';
    lines.push(`  o${o.serial} [shape=box, style=${quote(`rounded,${style}`)}, label=${label}${o.reachable ? '' : ', color="firebrick"'}];`);
  }
  const names = [...new Set(step.heap.edges.filter((e) => e.from === null).map((e) => e.label))];
  for (const n of names) lines.push(`  ${quote(`name:${n}`)} [shape=plaintext, label=${quote(n)}];`);
  for (const e of step.heap.edges) {
    const from = e.from === null ? quote(`name:${e.label}`) : `o${e.from}`;
    const attrs = e.from === null ? '' : ` [label=${quote(e.label)}${e.weak === true ? ', style=dotted' : ''}]`;
    lines.push(`  ${from} -> o${e.to}${attrs};`);
  }
  lines.push('}');
  return lines.join('\n');
}

export interface TracedVersion {
  label: string;
  trace: Trace;
  text: string;
}

/** Writes `DIR/<version>-step-N.svg` for every step of every version and `DIR/index.html`; returns the page's path. */
export async function writeSvgs(dir: string, title: string, versions: readonly TracedVersion[], ids: (serial: number) => string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const graphviz = await Graphviz.load();
  const columns: string[] = [];
  for (const v of versions) {
    const slug = v.label.replace(/[^A-Za-z0-9.]+/g, '-');
    const rows: string[] = [];
    for (const [i, step] of v.trace.steps.entries()) {
      const file = `${slug}-step-${i + 1}.svg`;
      writeFileSync(join(dir, file), graphviz.dot(stepDot(step, ids)));
      const observed = step.observations.length === 0 ? '' : `<div class="obs">observed: ${escapeHtml(step.observations.map((o) => o ?? '?').join(', '))}</div>`;
      const freed = step.freed.length === 0 ? '' : `<div class="freed">freed: ${step.freed.map(ids).join(', ')}</div>`;
      const rules = step.rules.length === 0 ? '' : `<div class="rules">rules: ${escapeHtml(step.rules.map(([r]) => r).join(', '))}</div>`;
      rows.push(`<section class="step"><div class="text"><code>[${i + 1}] ${escapeHtml(step.statement)}</code>${observed}${freed}${rules}</div><img src="${file}" alt="the heap after step ${i + 1}"></section>`);
    }
    columns.push(`<div class="version"><h2>${escapeHtml(v.label)}</h2>${rows.join('\n')}<pre>${escapeHtml(v.text)}</pre></div>`);
  }
  const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:sans-serif;margin:1em} .versions{display:flex;gap:2em;align-items:flex-start}
.step{display:flex;gap:1em;align-items:center;border-top:1px solid #ddd;padding:.5em 0} .text{min-width:22em}
.obs{color:#05a} .freed{color:#a22} .rules{color:#666;font-size:90%} pre{display:none}</style></head>
<body><h1>${escapeHtml(title)}</h1><div class="versions">
${columns.join('\n')}
</div>
<script>
// The page checks itself: every picture loaded and drawn (a test reads this in a real browser).
window.addEventListener('load', () => {
  const images = [...document.images];
  document.body.dataset.images = images.length > 0 && images.every((i) => i.complete && i.naturalWidth > 0) ? 'loaded' : 'broken';
  document.body.dataset.count = String(images.length);
});
</script></body></html>
`;
  const path = join(dir, 'index.html');
  writeFileSync(path, page);
  return path;
}
