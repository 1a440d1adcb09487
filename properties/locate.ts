// Where each divergent observation came from: the line and text of the statement that made it,
// when the mapping of observations to statements is known (see sites.ts).
import type { Mode } from '../language/ast.ts';
import { parseProgram } from '../language/parse.ts';
import type { Checked } from './checkProgram.ts';
import { observationSites, type Site } from './sites.ts';

export interface DivergentObservation {
  /** 0-based position in the list of observations. */
  position: number;
  /** 1-based line of the statement that made it, when known. */
  line: number | null;
  /** That statement's source text, when known. */
  statement: string | null;
  /** null: no observation at this position. */
  model: string | null;
  cpython: string | null;
  /** The model's rules that decided something on the way to this observation (since the one before). */
  rules: string[];
}

/** Attaches to each divergent position the line and text of the statement that made it, if known. */
export function locate(checked: Checked, mode: Mode): DivergentObservation[] {
  const lines = checked.source.split('\n');
  let sites: Site[] = [];
  try {
    sites = observationSites(parseProgram(checked.source, { mode }));
  } catch {
    // Without a parse there are no locations; the values are reported all the same.
  }
  return checked.verdict.divergences.map((d) => {
    const site = sites[d.position];
    // An exception can come from a statement that observes nothing: then the site is not known.
    const raised = d.cpython?.startsWith('!') === true;
    const line = site?.loc?.line ?? null;
    const known = line !== null && !raised;
    return {
      position: d.position,
      line: known ? line : null,
      statement: known ? (lines[line - 1] ?? '').trim() : null,
      model: d.model,
      cpython: d.cpython,
      rules: [...(checked.prediction.because?.[d.position] ?? [])],
    };
  });
}
