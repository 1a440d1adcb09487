// `npm run mutate:sample -- [--rate 0.1] [--seed 1]`: StrykerJS on a random sample of the model's
// lines (sample.ts), with the project's settings (stryker.config.json), then the summary. The
// score of a sample is an estimate of the whole model's, with the sampling error printed beside it.
import { execa } from 'execa';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { mutatePatterns, sampleLines } from './sample.ts';
import { summarize, summaryToMarkdown, type MutationReport } from './summarize.ts';

const { values } = parseArgs({ options: { rate: { type: 'string', default: '0.1' }, seed: { type: 'string', default: '1' } } });
const rate = Number(values.rate);
const seed = Number(values.seed);
if (!Number.isFinite(rate) || !Number.isInteger(seed)) throw new Error('usage: npm run mutate:sample -- [--rate 0.1] [--seed 1]');

const files = readdirSync('model', { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .sort()
  .map((f) => join('model', f));
const ranges = sampleLines(files.map((file) => ({ file, text: readFileSync(file, 'utf8') })), rate, seed);
const dir = '.cmm/mutation';
mkdirSync(dir, { recursive: true });
const reportPath = join(dir, `sample-${rate}-${seed}.json`);
const config = JSON.parse(readFileSync('stryker.config.json', 'utf8')) as Record<string, unknown>;
delete config.$schema;
const configPath = join(dir, 'sample.config.json');
writeFileSync(configPath, JSON.stringify({ ...config, mutate: mutatePatterns(ranges), reporters: ['progress-append-only', 'json'], jsonReporter: { fileName: reportPath } }, null, 2));
process.stdout.write(`sampled ${ranges.length} lines of ${files.length} files (rate ${rate}, seed ${seed})\n`);

await execa('npx', ['stryker', 'run', configPath], { stdio: 'inherit' });
const summary = summarize(JSON.parse(readFileSync(reportPath, 'utf8')) as MutationReport);
const t = summary.total;
const valid = t.killed + t.timeout + t.survived + t.noCoverage;
// The normal approximation of a proportion's standard error; mutants on one line are not
// independent, so this understates the error somewhat.
const se = valid === 0 ? 0 : 100 * Math.sqrt((t.score! / 100) * (1 - t.score! / 100) / valid);
const markdown = `Mutation score of a ${Math.round(rate * 100)}% sample of model/'s lines (seed ${seed}, ${ranges.length} lines, ${valid} mutants): **${t.score?.toFixed(1) ?? '-'}%** ± ${(1.96 * se).toFixed(1)} (95%); ${summary.withoutMessages.score?.toFixed(1) ?? '-'}% without the ${summary.withoutMessages.excluded} that change only a message\n\n${summaryToMarkdown(summary)}`;
writeFileSync(join(dir, `sample-${rate}-${seed}.md`), markdown);
process.stdout.write(`\n${markdown}`);
