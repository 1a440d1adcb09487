// The conformance property on every native CPython discovered (properties/conformance-suite.ts);
// the embedded builds have a file of their own so that vitest's workers can share the matrix.
import { discoverInterpreters } from '../oracle/discover.ts';
import { conformanceSuite } from './conformance-suite.ts';
import { matrixOf } from './matrix.ts';

conformanceSuite(matrixOf(await discoverInterpreters(), 'native'));
