// The isolation property on every native CPython discovered: each program alone in a worker
// started for it, and after a batch in the long-lived one (properties/isolation-suite.ts says why).
import { discoverInterpreters } from '../oracle/discover.ts';
import { isolationSuite } from './isolation-suite.ts';
import { matrixOf } from './matrix.ts';

isolationSuite(matrixOf(await discoverInterpreters(), 'native'), { freshRuns: 40, longLivedRuns: 0 });
