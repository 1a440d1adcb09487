// The planted bugs, each a predictor: the model with one rule replaced by a wrong copy
// (planted-rules.ts, switched on by bug-switch.ts), or the model given a copy of the profile with
// one parameter wrong. A predictor is asked with the interpreter's true profile, as the campaign
// asks the model.
import type { Program } from '../../language/ast.ts';
import { predictDetailed, type DetailedPrediction } from '../../model/predict.ts';
import type { Profile } from '../../model/profile.ts';
import type { Predictor } from '../checkProgram.ts';
import { withPlanted, type PlantedRule } from './bug-switch.ts';

export interface PlantedBug {
  name: string;
  /** The mechanism it breaks, in a few words. */
  mechanism: string;
  predict: Predictor;
}

/** The model with `rule` replaced by its wrong copy (needs the test's vi.mock wiring). */
export function ruleCopy(rule: PlantedRule, mechanism: string): PlantedBug {
  return { name: rule, mechanism, predict: (program, profile) => withPlanted(rule, () => predictDetailed(program, profile)) };
}

/** The model with a copy of the interpreter's profile, `wrong` changing one parameter of it. */
export function profileCopy(name: string, mechanism: string, wrong: (profile: Profile) => Profile): PlantedBug {
  return { name, mechanism, predict: (program: Program, profile: Profile): DetailedPrediction => predictDetailed(program, wrong(profile)) };
}

export const PLANTED_BUGS: readonly PlantedBug[] = [
  ruleCopy('small-int-cache-to-1024', 'the small-int cache'),
  ruleCopy('getrefcount-forgets-its-argument', 'reference counts'),
  ruleCopy('dicts-tracked-at-creation', "the collector's tracking"),
  ruleCopy('collector-skips-finalizers', 'finalizers run by the collector'),
  profileCopy('native-profile-hashing-with-fnv', 'str hashing', (p) => ({ ...p, strHash: 'fnv' })),
];
