import { describe, expect, it } from '@jest/globals';
import { InputReader, inputsFromRecord, splitList } from '../../src/core/inputs.js';

const reader = (values: Record<string, string>) => new InputReader(inputsFromRecord(values));

describe('InputReader', () => {
  it('reads booleans as YAML 1.2 core does, and names the input when it cannot', () => {
    expect(reader({ a: 'True' }).boolean('a', false)).toBe(true);
    expect(reader({ a: 'FALSE' }).boolean('a', true)).toBe(false);
    expect(reader({}).boolean('a', true)).toBe(true);
    expect(() => reader({ a: 'yes' }).boolean('a', false)).toThrow('Input "a" must be true or false, got "yes".');
  });

  it('splits lists on newlines and commas, but not inside glob braces', () => {
    expect(splitList('a.yaml, b.yaml\r\n\n c/*.yml ,')).toEqual(['a.yaml', 'b.yaml', 'c/*.yml']);
    expect(splitList('apps/{api,web}/values.yaml,x')).toEqual(['apps/{api,web}/values.yaml', 'x']);
    expect(reader({ a: 'K=1,2\nL=3' }).lines('a')).toEqual(['K=1,2', 'L=3']);
  });

  it('checks choices, whole numbers and required values', () => {
    expect(reader({ m: 'b' }).choice('m', ['a', 'b'] as const, 'a')).toBe('b');
    expect(() => reader({ m: 'c' }).choice('m', ['a', 'b'] as const, 'a')).toThrow(
      'Input "m" must be one of a, b; got "c".',
    );
    expect(reader({ n: '30' }).integer('n', 1)).toBe(30);
    expect(() => reader({ n: '-1' }).integer('n', 1)).toThrow('positive whole number');
    expect(() => reader({}).required('x')).toThrow('Input "x" is required.');
  });
});
