import { UserError } from '../core/errors.js';
import type { InputSource } from '../core/inputs.js';
import { readActionInput } from '../core/workflow-commands.js';
import { isStepName, STEPS, type StepName } from '../actions/steps.js';

export const USAGE = `Usage: gitops-delivery-actions <step> [--<input> <value>]... [--outputs-file <file>]

Runs one of this library's actions outside GitHub Actions (a terminal, Tekton, GitLab CI, Jenkins) through the
same settings and core as the action. Inputs are the action's input names, given as flags (--name value or
--name=value; a flag without a value means true) or, like on GitHub, as INPUT_<NAME> environment variables.
Give secrets (tokens, passwords, keys, kubeconfigs) as INPUT_<NAME> variables, not flags: flags show in process
lists and shell history. The outputs are printed as one JSON object at the end, and written to --outputs-file.

Steps: ${Object.keys(STEPS).join(', ')}`;

export interface CommandLine {
  step: StepName;
  inputs: InputSource;
  outputsFile?: string;
}

export function wantsHelp(argv: readonly string[]): boolean {
  return argv.length > 0 && ['--help', '-h', 'help'].includes(argv[0] as string);
}

/** Parses `<step> --input value ...`; flags win over INPUT_* variables. */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  const [step, ...rest] = argv;
  if (step === undefined) throw new UserError(`Name a step: ${Object.keys(STEPS).join(', ')} (--help explains).`);
  if (!isStepName(step)) throw new UserError(`Unknown step "${step}": use one of ${Object.keys(STEPS).join(', ')}.`);
  const flags = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    if (!arg.startsWith('--') || arg.length === 2) throw new UserError(`Expected --<input>, got "${arg}".`);
    const equals = arg.indexOf('=');
    if (equals > 0) {
      flags.set(arg.slice(2, equals), arg.slice(equals + 1));
    } else if (rest[i + 1] === undefined || rest[i + 1]?.startsWith('--')) {
      flags.set(arg.slice(2), 'true');
    } else {
      flags.set(arg.slice(2), rest[++i] as string);
    }
  }
  const outputsFile = flags.get('outputs-file');
  flags.delete('outputs-file');
  const inputs: InputSource = (name) => flags.get(name)?.trim() ?? readActionInput(name);
  return { step, inputs, ...(outputsFile ? { outputsFile } : {}) };
}
