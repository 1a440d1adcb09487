// The profile is how every rule learns which interpreter it predicts for: a version string read
// wrongly, or one outside the versions the rules were measured on accepted, would make every
// prediction for it wrong or unfounded.
import { describe, expect, test } from 'vitest';
import { atLeast, describeProfile, NEWEST, OLDEST, ProfileError, profileFor } from './profile.ts';

describe('profileFor reads a CPython version', () => {
  test.each([
    ['3.11', 3, 11, 0],
    ['3.11.7', 3, 11, 7],
    [' 3.12.1 ', 3, 12, 1],
    ['3.15.0a2', 3, 15, 0],
    ['3.12.0rc1', 3, 12, 0],
    ['3.13.0b3', 3, 13, 0],
    ['3.14.2+', 3, 14, 2],
    ['3.8', 3, 8, 0],
  ])('%s', (version, major, minor, patch) => {
    expect(profileFor(version)).toMatchObject({ major, minor, patch, bits: 64 });
  });

  test.each(['3', '3.x', 'three', '3.11.7.1', 'v3.11', '3.11-dev', ''])('refuses %j as no version', (version) => {
    expect(() => profileFor(version)).toThrow(ProfileError);
    expect(() => profileFor(version)).toThrow(/is not a CPython version/);
  });

  test.each(['2.7', '3.7', '3.7.16', '3.16', '4.0', '4.11', '2.11'])('refuses %s, which no rule was measured on', (version) => {
    expect(() => profileFor(version)).toThrow(ProfileError);
    expect(() => profileFor(version)).toThrow(`the model has no profile for CPython ${version} (it knows 3.8 to 3.15)`);
  });

  test('knows exactly 3.8 to 3.15', () => {
    expect([OLDEST, NEWEST]).toEqual([[3, 8], [3, 15]]);
  });

  test('its error is a ProfileError by name, so the CLI can tell it from a crash', () => {
    let caught: unknown;
    try {
      profileFor('3.7');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(Error);
    expect((caught as Error).name).toBe('ProfileError');
  });
});

describe('the build decides the str hash and the allocator', () => {
  test.each([
    [64, undefined, 'siphash', 'pymalloc'],
    [64, 'native', 'siphash', 'pymalloc'],
    [32, 'native', 'siphash', 'pymalloc'],
    [32, 'embedded', 'fnv', 'malloc'],
    [64, 'embedded', 'fnv', 'malloc'],
    [32, undefined, 'unknown', 'unknown'],
  ] as const)('%d-bit, %s build: %s and %s', (bits, build, strHash, allocator) => {
    expect(profileFor('3.12', bits, build)).toEqual({ major: 3, minor: 12, patch: 0, bits, strHash, allocator });
  });
});

describe('atLeast compares major, minor, then patch', () => {
  const p = profileFor('3.12.4');
  test.each([
    [3, 12, 4, true],
    [3, 12, 5, false],
    [3, 12, 0, true],
    [3, 12, undefined, true],
    [3, 11, 9, true],
    [3, 13, 0, false],
    [2, 99, 99, true],
    [4, 0, 0, false],
  ] as const)('3.12.4 >= %d.%d.%s: %s', (major, minor, patch, expected) => {
    expect(atLeast(p, major, minor, patch)).toBe(expected);
  });
});

test('describeProfile names the version and the width', () => {
  expect(describeProfile(profileFor('3.13.2', 32, 'embedded'))).toBe('CPython 3.13.2 (32-bit)');
  expect(describeProfile(profileFor('3.8'))).toBe('CPython 3.8.0 (64-bit)');
});
