import { UserError } from '../core/errors.js';
import type { InputSource } from '../core/inputs.js';
import { readActionInput } from '../core/workflow-commands.js';
import { isStepName, STEPS, type StepName } from '../actions/steps.js';

export interface CommandLine {
  step: StepName;
  inputs: InputSource;
  outputsFile?: string;
}

const OUTPUTS_FILE = 'outputs-file';

/**
 * The variable a shell can set for an input: INPUT_PRIVATE_KEY. The runner's own spelling keeps the hyphens
 * (INPUT_PRIVATE-KEY), which `export` refuses; the CLI reads both.
 */
export function shellVariable(name: string): string {
  return `INPUT_${name.toUpperCase().replace(/[- ]/g, '_')}`;
}

/** Parses `<step> --input value ...`; flags win over INPUT_* variables. */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  const [step, ...rest] = argv;
  const steps = Object.keys(STEPS).join(', ');
  if (step === undefined) throw new UserError(`Name a step: ${steps} (--help explains).`);
  if (!isStepName(step)) throw new UserError(`Unknown step "${step}": use one of ${steps}.`);
  const known = new Set([...STEPS[step].inputs, OUTPUTS_FILE]);
  const flags = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    if (!arg.startsWith('--') || arg.length === 2) throw new UserError(`Expected --<input>, got "${arg}".`);
    const equals = arg.indexOf('=');
    const name = equals > 0 ? arg.slice(2, equals) : arg.slice(2);
    if (!known.has(name))
      throw new UserError(`Unknown input "--${name}" for ${step}: ${step} --help lists its inputs.`);
    if (equals > 0) {
      flags.set(name, arg.slice(equals + 1));
    } else if (rest[i + 1] === undefined || rest[i + 1]?.startsWith('--')) {
      flags.set(name, 'true');
    } else {
      flags.set(name, rest[++i] as string);
    }
  }
  const outputsFile = flags.get(OUTPUTS_FILE);
  flags.delete(OUTPUTS_FILE);
  const inputs: InputSource = (name) =>
    flags.get(name)?.trim() ?? (readActionInput(name) || (process.env[shellVariable(name)] ?? '').trim());
  return { step, inputs, ...(outputsFile ? { outputsFile } : {}) };
}
