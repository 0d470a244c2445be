import { afterEach, describe, expect, it, jest } from '@jest/globals';
import * as core from '@actions/core';
import * as log from '../../src/core/log.js';
import { randomHex } from '../../src/core/random.js';

afterEach(() => {
  jest.restoreAllMocks();
});

/** What `print` wrote to stdout. */
function printed(print: () => void): string {
  let text = '';
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    text += String(chunk);
    return true;
  });
  print();
  jest.restoreAllMocks();
  return text;
}

describe('log prints what @actions/core prints', () => {
  const message = 'Dockerfile:3: 100% pinned?\nnext line, with: colons';
  const where = { file: 'app/Dockerfile', startLine: 3 };
  const cases: [string, () => void, () => void][] = [
    ['info', () => log.info(message), () => core.info(message)],
    ['warning', () => log.warning(message), () => core.warning(message)],
    ['warning at a line', () => log.warning(message, where), () => core.warning(message, where)],
    [
      'error at a line',
      () => log.error(message, { ...where, title: 'a, b' }),
      () => core.error(message, { ...where, title: 'a, b' }),
    ],
    [
      'a group',
      () => (log.startGroup('build: app'), log.endGroup()),
      () => (core.startGroup('build: app'), core.endGroup()),
    ],
  ];
  for (const [name, ours, theirs] of cases) {
    it(name, () => {
      expect(printed(ours)).toBe(printed(theirs));
    });
  }
});

describe('randomHex', () => {
  it('gives that many bytes as hex, different every time', () => {
    const values = Array.from({ length: 50 }, () => randomHex(16));
    for (const value of values) expect(value).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(values).size).toBe(values.length);
    expect(randomHex(1)).toMatch(/^[0-9a-f]{2}$/);
  });
});
