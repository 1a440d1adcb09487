// Rule coverage of a campaign (`cmm check --coverage`): how many times each rule of the model
// (model/rules.ts) decided something in the predictions a campaign made, and which never did.
import type { DetailedPrediction } from '../model/predict.ts';
import { RULE_IDS, RULES, type RuleId } from '../model/rules.ts';
import type { Predictor } from './checkProgram.ts';

export class RuleCoverage {
  readonly counts = new Map<RuleId, number>();
  /** Predictions counted. */
  programs = 0;

  add(prediction: DetailedPrediction): void {
    this.programs++;
    for (const [rule, n] of prediction.fired ?? []) this.counts.set(rule, (this.counts.get(rule) ?? 0) + n);
  }

  /** `predict`, counting the rules each of its predictions fired. */
  counting(predict: Predictor): Predictor {
    return (program, profile) => {
      const p = predict(program, profile);
      this.add(p);
      return p;
    };
  }

  neverFired(): RuleId[] {
    return RULE_IDS.filter((r) => !this.counts.has(r));
  }

  /** One line per rule, most fired first, then the rules that never fired with their versions. */
  format(): string {
    const fired = RULE_IDS.filter((r) => this.counts.has(r)).sort((a, b) => (this.counts.get(b) ?? 0) - (this.counts.get(a) ?? 0));
    const width = Math.max(...RULE_IDS.map((r) => r.length));
    const lines = [`rule coverage over ${this.programs} predictions: ${fired.length} of ${RULE_IDS.length} rules fired`];
    for (const r of fired) lines.push(`  ${r.padEnd(width)}  ${String(this.counts.get(r)).padStart(8)}`);
    const never = this.neverFired();
    if (never.length > 0) {
      lines.push(`never fired (${never.length}):`);
      for (const r of never) lines.push(`  ${r.padEnd(width)}  (${RULES[r].versions})`);
    }
    return `${lines.join('\n')}\n`;
  }

  toJSON(): { programs: number; fired: Record<string, number>; neverFired: RuleId[] } {
    return { programs: this.programs, fired: Object.fromEntries(this.counts), neverFired: this.neverFired() };
  }
}
