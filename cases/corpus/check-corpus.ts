// The model against the recorded corpus: each program predicted once per profile (interpreters of
// one version, width and build share it) and compared with what each interpreter observed. Any
// divergence, or a model that throws, is a failure; a declined observation is not.
import { predictDetailed } from '../../model/predict.ts';
import { profileFor, type Profile } from '../../model/profile.ts';
import { predictSafely, type Predicted, type Predictor } from '../../properties/checkProgram.ts';
import { compare, type Divergence } from '../../properties/compare.ts';
import type { LoadedProgram, RecordedInterpreter } from './corpus-file.ts';
import { explanationDigest } from './explanations-file.ts';

export interface CorpusFailure {
  /** The program's place in the corpus (0-based). */
  index: number;
  mode: LoadedProgram['mode'];
  source: string;
  /** The interpreters whose recorded observations the model contradicts. */
  on: string[];
  observed: string[];
  predicted: (string | null)[];
  divergences: Divergence[];
  /** What the model threw, if it did. */
  modelError: string | null;
}

/** An observation the model declined: program, interpreter and position (0-based). */
export interface CorpusDecline {
  index: number;
  interpreter: string;
  position: number;
}

export interface CorpusCheck {
  compared: number;
  agreed: number;
  declined: number;
  failures: CorpusFailure[];
  declines: CorpusDecline[];
  /** Program index -> digest of the model's explanations of it (explanations-file.ts). */
  explanations: Map<number, string>;
}

export function checkCorpusPrograms(
  programs: readonly LoadedProgram[],
  interpreters: Readonly<Record<string, RecordedInterpreter>>,
  predict: Predictor = predictDetailed,
): CorpusCheck {
  const check: CorpusCheck = { compared: 0, agreed: 0, declined: 0, failures: [], declines: [], explanations: new Map() };
  const profiles = new Map<string, Profile>();
  const keys = new Map<Profile, string>();
  const profileOf = (i: RecordedInterpreter): Profile => {
    const key = `${i.version}/${i.bits}/${i.kind}`;
    let profile = profiles.get(key);
    if (profile === undefined) {
      profiles.set(key, (profile = profileFor(i.version, i.bits, i.kind)));
      keys.set(profile, key);
    }
    return profile;
  };
  for (const p of programs) {
    const predictions = new Map<Profile, Predicted>();
    for (const run of p.observed) {
      // Several interpreters may have observed alike yet have profiles of their own.
      const byProfile = new Map<Profile, string[]>();
      for (const name of run.on) {
        const profile = profileOf(interpreters[name]!);
        byProfile.set(profile, [...(byProfile.get(profile) ?? []), name]);
      }
      for (const [profile, on] of byProfile) {
        let predicted = predictions.get(profile);
        if (predicted === undefined) predictions.set(profile, (predicted = predictSafely(p.program, profile, predict)));
        const verdict = compare(predicted.prediction, { status: 'ok', observations: run.observations });
        check.compared += verdict.compared * on.length;
        check.agreed += verdict.agreed * on.length;
        check.declined += verdict.declined * on.length;
        for (const interpreter of on) for (const position of verdict.declinedAt) check.declines.push({ index: p.index, interpreter, position });
        if (verdict.divergent > 0 || predicted.modelError !== null) {
          check.failures.push({
            index: p.index,
            mode: p.mode,
            source: p.source,
            on,
            observed: run.observations,
            predicted: predicted.prediction.observations,
            divergences: verdict.divergences,
            modelError: predicted.modelError,
          });
        }
      }
    }
    check.explanations.set(p.index, explanationDigest(new Map([...predictions].map(([profile, predicted]) => [keys.get(profile)!, predicted]))));
  }
  return check;
}

/** A failure as a reader wants it: where, the program, and each observation the model got wrong. */
export function describeCorpusFailure(f: CorpusFailure, file: string): string {
  const out = [`${file}: programs[${f.index}] (${f.mode} mode), recorded on ${f.on.join(', ')}:`];
  if (f.modelError !== null) out.push(`  the model threw: ${f.modelError}`);
  for (const d of f.divergences) out.push(`  observation ${d.position + 1}: model ${d.model ?? '(none)'}, CPython ${d.cpython ?? '(none)'}`);
  out.push(...f.source.trimEnd().split('\n').map((line) => `    ${line}`));
  return out.join('\n');
}
