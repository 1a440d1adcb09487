// Every group of divergences `cmm check` finds is kept: written under .cmm/failures/ of the
// working directory, one file each (properties/failure-file.ts).
import { relative } from 'node:path';
import { failureFile, saveFailure, type FoundOn } from '../properties/failure-file.ts';
import type { Group } from '../properties/groups/run-groups.ts';
import type { ReportGroup } from './check-report.ts';

/** Saves one group under `dir`; the report's entry for it, with its path relative to `dir`. */
export function saveGroup(found: FoundOn, group: Group, replay: string, dir: string = process.cwd()): ReportGroup {
  const file = failureFile(found, group.failure, replay, group.key);
  return { ...group, replay, file: relative(dir, saveFailure(file, dir)) };
}
