// The conformance property on every embedded (WebAssembly) CPython build discovered
// (properties/conformance-suite.ts); the native interpreters have a file of their own.
import { discoverInterpreters } from '../oracle/discover.ts';
import { conformanceSuite } from './conformance-suite.ts';
import { matrixOf } from './matrix.ts';

conformanceSuite(matrixOf(await discoverInterpreters(), 'embedded'));
