// A divergence as a file that outlives the run: a case file (cases/case.schema.json) holding the
// shrunk program and what CPython observed, under `.cmm/failures/`, one per group a campaign found.
// Its comments say how it was found (interpreter, seed, path and group) and what the model
// predicted, so that `cmm replay FILE` runs it again and `cmm promote FILE` turns it into a case.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document } from 'yaml';
import { describeProfile, type Profile } from '../model/profile.ts';
import type { InterpreterInfo } from '../oracle/types.ts';
import type { CampaignFailure } from './campaign.ts';
import { shown } from './describe.ts';
import { formatKey, type GroupKey } from './groups/key.ts';

export const FAILURES_DIR = join('.cmm', 'failures');

/** The comment line that names the interpreter a failure file was found on (`cmm replay` reads it). */
export const INTERPRETER_COMMENT = /^# interpreter: ([^\s,(]+)/m;
/** The comment line that names the version of the model's profile it was checked against. */
export const PROFILE_COMMENT = /^# model: the profile of CPython (\d+\.\d+\.\d+)/m;

export interface FailureFile {
  name: string;
  text: string;
}

/** Where a failure was found: the interpreter, the model's profile checked against it, the seed. */
export interface FoundOn {
  interpreter: InterpreterInfo;
  profile: Profile;
  seed: number;
}

/**
 * The failure file for one group: `replay` is the whole command that replays it (seed, path and
 * group included). Its name follows from the interpreter, the program and the group, so that two
 * groups shrunk to the same program keep a file each and a run again overwrites its own.
 */
export function failureFile(found: FoundOn, failure: CampaignFailure, replay: string, group: GroupKey): FailureFile {
  const c = failure.counterexample;
  const { interpreter: info, profile, seed } = found;
  const hash = createHash('sha256').update(`${c.mode}\n${c.source}\n${formatKey(group)}`).digest('hex').slice(0, 8);
  const name = `divergence-${info.name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase()}-${hash}`;
  const explained = c.divergences.map((d) => {
    const where = d.line === null ? '' : ` (line ${d.line}: ${d.statement})`;
    const because = d.rules.length === 0 ? '' : ` because of the rules ${d.rules.join(', ')}`;
    return `observation ${d.position + 1}${where}: the model of ${describeProfile(profile)} predicts ${shown(d.model)}${because}; CPython ${info.version} observed ${shown(d.cpython)}.`;
  });
  if (c.kind === 'model-error') explained.push(`The model threw: ${c.modelError ?? '(nothing on the replay)'}.`);
  if (c.stopped !== null) explained.push(`The model stopped following the program: ${c.stopped}.`);
  const doc = new Document({
    name,
    claim: `The model of ${describeProfile(profile)} predicts [${c.predicted.map((p) => p ?? '?').join(', ')}] for this program.`,
    source_of_claim: `cmm's conformance campaign: ${replay}`,
    description: `${explained.join(' ')} Found by the campaign and shrunk; edit this description once the rule is understood.`,
    tags: ['divergence'],
    mode: c.mode,
    source: c.source.endsWith('\n') ? c.source : `${c.source}\n`,
    expect: [{ python: info.version, bits: info.bits, observations: c.observed }],
  });
  doc.commentBefore = [
    ` A divergence found by cmm (${c.reproduced ? 'reproduced on a second run' : 'FLAKY: it did not reproduce on a second run'}).`,
    ` interpreter: ${info.name}${info.executable !== undefined && info.executable !== info.name ? ` (${info.executable})` : ''}, CPython ${info.version}, ${info.bits}-bit`,
    ` model: the profile of CPython ${profile.major}.${profile.minor}.${profile.patch}`,
    ` seed ${seed}, path "${failure.path}", group "${formatKey(group)}"`,
    ` model predicted: [${c.predicted.map((p) => p ?? '?').join(', ')}]`,
    ` CPython observed: [${c.observed.join(', ')}]`,
    ' cmm replay FILE runs it again; cmm promote FILE makes it a case under cases/.',
  ].join('\n');
  return { name, text: `# yaml-language-server: $schema=../../cases/case.schema.json\n${doc.toString({ lineWidth: 100 })}` };
}

/** Writes the failure file under `dir/.cmm/failures/`; returns its path. */
export function saveFailure(file: FailureFile, dir: string = process.cwd()): string {
  const folder = join(dir, FAILURES_DIR);
  mkdirSync(folder, { recursive: true });
  const path = join(folder, `${file.name}.yaml`);
  writeFileSync(path, file.text);
  return path;
}
