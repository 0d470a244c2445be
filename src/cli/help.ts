import { SECRET_INPUTS } from '../actions/vocabulary.js';
import { isStepName, STEPS, type StepName } from '../actions/steps.js';
import { shellVariable } from './command-line.js';
import { STEP_OUTPUTS } from './outputs.js';

const STEP_NAMES = Object.keys(STEPS).join(', ');

export const USAGE = `Usage: gitops-delivery-actions <step> [--<input> <value>]... [--outputs-file <file>]
       gitops-delivery-actions <step> --help

Runs one of this library's actions outside GitHub Actions (a terminal, Tekton, GitLab CI, Jenkins) through the
same settings and core as the action. Inputs are the action's input names, given as flags (--name value or
--name=value; a flag without a value means true) or, like on GitHub, as INPUT_<NAME> environment variables.
Give secrets (tokens, passwords, keys, kubeconfigs) as INPUT_<NAME> variables, not flags: flags show in process
lists and shell history. The step's log goes to stderr; its outputs are printed on stdout as one JSON object at
the end (JSON outputs such as files-json as JSON values), and written to --outputs-file.

Steps: ${STEP_NAMES}`;

/** What `<step> --help` prints: the step's inputs as flags (secrets as variables) and its outputs. */
export function stepUsage(step: StepName): string {
  const secrets = new Set(SECRET_INPUTS[step] ?? []);
  const inputs = STEPS[step].inputs.map((name) =>
    secrets.has(name) ? `  ${shellVariable(name)}  (a secret: a variable, not a flag)` : `  --${name}`,
  );
  const { names, json } = STEP_OUTPUTS[step];
  const outputs = names.map((name) => `  ${name}${json.includes(name) ? '  (a JSON value)' : ''}`);
  return [
    `Usage: gitops-delivery-actions ${step} [--<input> <value>]... [--outputs-file <file>]`,
    '',
    `Inputs of ${step} (what each means: actions/${step}/README.md, the action's reference):`,
    ...inputs,
    '',
    'Outputs, printed on stdout as one JSON object:',
    ...outputs,
  ].join('\n');
}

/** The help text argv asks for (`--help`, `help`, `help <step>`, `<step> --help`), or undefined. */
export function requestedHelp(argv: readonly string[]): string | undefined {
  const [first, second] = argv;
  const asksHelp = (arg: string | undefined) => arg !== undefined && ['--help', '-h', 'help'].includes(arg);
  if (asksHelp(first)) return second !== undefined && isStepName(second) ? stepUsage(second) : USAGE;
  if (first !== undefined && isStepName(first) && argv.slice(1).some((arg) => arg === '--help' || arg === '-h'))
    return stepUsage(first);
  return undefined;
}
