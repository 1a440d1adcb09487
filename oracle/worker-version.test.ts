// The version in the hello, for releases and pre-releases alike (profileFor parses both).
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { expect, it } from 'vitest';

const ORACLE_DIR = fileURLToPath(new URL('.', import.meta.url));

async function versionFor(info: string): Promise<string> {
  const script = [
    'import sys',
    `sys.path.insert(0, ${JSON.stringify(ORACLE_DIR)})`,
    'import worker',
    'class V(object):',
    `    major, minor, micro, releaselevel, serial = ${info}`,
    'sys.version_info = V',
    'print(worker._version())',
  ].join('\n');
  const { stdout } = await execa('python3', ['-S', '-c', script]);
  return stdout;
}

it.each([
  ["3, 11, 7, 'final', 0", '3.11.7'],
  ["3, 15, 0, 'alpha', 2", '3.15.0a2'],
  ["3, 14, 0, 'beta', 1", '3.14.0b1'],
  ["3, 12, 0, 'candidate', 3", '3.12.0rc3'],
])('reports version_info (%s) as %s', async (info, expected) => {
  expect(await versionFor(info)).toBe(expected);
});
