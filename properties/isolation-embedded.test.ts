// The isolation property on every embedded (WebAssembly) CPython build discovered: a few programs
// alone in a freshly loaded build, many in the long-lived one (properties/isolation-suite.ts says why).
import { discoverInterpreters } from '../oracle/discover.ts';
import { isolationSuite } from './isolation-suite.ts';
import { matrixOf } from './matrix.ts';

isolationSuite(matrixOf(await discoverInterpreters(), 'embedded'), { freshRuns: 2, longLivedRuns: 40 });
