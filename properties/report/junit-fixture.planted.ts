// Not a test of the suite: a conformance run with a bug planted in the predictor, against the model
// playing CPython, that junit.test.ts runs under vitest with the JUnit reporter (it fails on purpose).
import { profileFor } from '../../model/profile.ts';
import type { InterpreterEntry } from '../../oracle/discover.ts';
import { conformanceSuite } from '../conformance-suite.ts';
import { observationStatements } from '../diff/kinds.ts';
import type { Predictor } from '../checkProgram.ts';
import { predictDetailed } from '../../model/predict.ts';
import { modelOracle } from '../quality/model-oracle.ts';

const profile = profileFor('3.11.7', 64, 'native');
const entry: InterpreterEntry = { name: 'model-3.11', kind: 'native', version: '3.11.7', bits: 64, available: true };

/** The model, except that every `gc.collect()` finds one object more. */
const wrongCollect: Predictor = (program, p) => {
  const prediction = predictDetailed(program, p);
  const statements = observationStatements(program);
  return { ...prediction, observations: prediction.observations.map((o, i) => (o !== null && statements[i] === 'gc.collect()' ? String(Number(o) + 1) : o)) };
};

const pair = modelOracle(profile, wrongCollect);
conformanceSuite({ run: [entry], skipped: [] }, { runs: 200, predict: pair.predict, open: () => pair.oracle });
