import { describe, expect, it } from 'vitest';
import { cmm, tempFiles } from './spawn-cmm.ts';

const SHARED = 'a = [1]\nb = a\na is b\n';
const OUTSIDE = 'x = 1\nf = open("x")\n';

describe('cmm predict', () => {
  it('maps each file to its predictions, and a file outside the subset to its file:line:col error', async () => {
    const { paths } = tempFiles({ 'shared.py': SHARED, 'outside.py': OUTSIDE });
    const r = await cmm(['predict', '--json', ...paths]);
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(paths);
    expect(json[paths[0]!]).toEqual(['True']);
    expect(json[paths[1]!]).toEqual({ error: `${paths[1]}:2:5: 'open' is not a callable of the case language` });
    expect(r.exitCode).toBe(1);
  });

  it('prints one observation a line, and exits 0 when every file was predicted', async () => {
    const { paths } = tempFiles({ 'p.py': 'x = 300\ny = x\nx is y\nx == 300\n' });
    const r = await cmm(['predict', '--python-version', '3.12', '--bits', '32', paths[0]!]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('True\nTrue\n');
  });

  it('predicts in the mode asked for: at the prompt each line is compiled apart', async () => {
    const { paths } = tempFiles({ 'r.py': 'a = 257\nb = 257\na is b\n' });
    const repl = await cmm(['predict', '--json', '--mode', 'repl', paths[0]!]);
    const module = await cmm(['predict', '--json', paths[0]!]);
    expect(JSON.parse(repl.stdout)[paths[0]!]).toEqual(['False']);
    expect(JSON.parse(module.stdout)[paths[0]!]).toEqual(['True']);
  });
});

describe('cmm run', () => {
  it('observes the program on CPython, and refuses a file outside the subset without running it', async () => {
    const { dir, paths } = tempFiles({ 'shared.py': SHARED, 'outside.py': OUTSIDE });
    const r = await cmm(['run', '--json', ...paths], dir);
    const json = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(json[paths[0]!]).toEqual(['True']);
    expect(json[paths[1]!]).toEqual({ error: `${paths[1]}:2:5: 'open' is not a callable of the case language` });
    expect(r.exitCode).toBe(1);
  });

  it('agrees with predict on a program the model knows', async () => {
    const { paths } = tempFiles({ 'shared.py': SHARED, 'ints.py': 'a = 256\nb = int("256")\na is b\nc = 1000\nd = int("1000")\nc is d\n' });
    const predicted = await cmm(['predict', '--json', ...paths]);
    const observed = await cmm(['run', '--json', ...paths]);
    expect(observed.exitCode).toBe(0);
    expect(JSON.parse(observed.stdout)).toEqual({ [paths[0]!]: ['True'], [paths[1]!]: ['True', 'False'] });
    expect(JSON.parse(predicted.stdout)).toEqual(JSON.parse(observed.stdout));
  });

  it('reports an exception as the last observation, as the SPEC says', async () => {
    const { paths } = tempFiles({ 'raise.py': 'x = 1\nx\ny\n' });
    const r = await cmm(['run', paths[0]!]);
    expect(r.stdout).toBe('1\n!NameError\n');
    expect(r.exitCode).toBe(0);
  });
});
