import * as path from 'node:path';
import { UserError } from './errors.js';
import { readActionInput } from './workflow-commands.js';

/** Where input values come from: the runner's INPUT_* variables, CLI flags, or a test's map. '' means unset. */
export type InputSource = (name: string) => string;

export const actionInputs: InputSource = readActionInput;

export function inputsFromRecord(values: Record<string, string | undefined>): InputSource {
  return (name) => values[name]?.trim() ?? '';
}

const TRUE = new Set(['true', 'True', 'TRUE']);
const FALSE = new Set(['false', 'False', 'FALSE']);

/** Typed access to inputs; every user mistake becomes a one-line UserError naming the input. */
export class InputReader {
  /** The raw inputs, for a step that hands them on (deliver to its chain). */
  constructor(readonly source: InputSource) {}

  string(name: string, fallback = ''): string {
    return this.source(name) || fallback;
  }

  required(name: string): string {
    const value = this.source(name);
    if (!value) throw new UserError(`Input "${name}" is required.`);
    return value;
  }

  optional(name: string): string | undefined {
    return this.source(name) || undefined;
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.source(name);
    if (!value) return fallback;
    if (TRUE.has(value)) return true;
    if (FALSE.has(value)) return false;
    throw new UserError(`Input "${name}" must be true or false, got "${value}".`);
  }

  /** Items separated by newlines or commas, trimmed, empty ones dropped. */
  list(name: string): string[] {
    return splitList(this.source(name));
  }

  /** Items separated by newlines only, for values that may contain commas (KEY=VALUE pairs). */
  lines(name: string): string[] {
    return this.source(name)
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line.length > 0);
  }

  choice<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.source(name);
    if (!value) return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    throw new UserError(`Input "${name}" must be one of ${allowed.join(', ')}; got "${value}".`);
  }

  /** A positive whole number. */
  integer(name: string, fallback: number): number {
    const value = this.source(name);
    if (!value) return fallback;
    if (!/^\d+$/.test(value) || Number(value) < 1) {
      throw new UserError(`Input "${name}" must be a positive whole number, got "${value}".`);
    }
    return Number(value);
  }

  /** A path resolved against `base` (absolute paths are kept). */
  path(name: string, base: string, fallback = '.'): string {
    const value = this.source(name) || fallback;
    if (value.includes('\0')) throw new UserError(`Input "${name}" is not a valid path.`);
    return path.resolve(base, value);
  }
}

/** Splits on newlines and on commas outside `{...}`, so a glob such as `apps/{api,web}/*.yaml` stays whole. */
export function splitList(text: string): string[] {
  const items: string[] = [];
  let current = '';
  let braces = 0;
  for (const char of text) {
    if (char === '{') braces++;
    if (char === '}') braces = Math.max(0, braces - 1);
    if (char === '\n' || char === '\r' || (char === ',' && braces === 0)) {
      items.push(current);
      current = '';
    } else current += char;
  }
  items.push(current);
  return items.map((item) => item.trim()).filter((item) => item.length > 0);
}
