/**
 * Which lines of a step's output the GitHub runner would act on, by the rules of actions/runner's ActionCommand.cs
 * (TryParseV2, TryParse) and ActionCommandManager.cs (stop-commands): output is split into lines at \r\n, \r or \n;
 * a line is a command when, after leading whitespace, it starts with `::name` and has a second `::`, or when it
 * holds the legacy `##[name` anywhere followed by `]`; between `::stop-commands::TOKEN` and `::TOKEN::` none is.
 */
const REGISTERED = new Set([
  'add-mask',
  'add-matcher',
  'add-path',
  'debug',
  'echo',
  'endgroup',
  'error',
  'group',
  'notice',
  'remove-matcher',
  'save-state',
  'set-env',
  'set-output',
  'stop-commands',
  'warning',
]);
// .NET's TrimStart: char.IsWhiteSpace, which also counts U+0085 (JavaScript's \s does not).
const LEADING_WHITESPACE = /^[\s\u0085]*/;

export interface RunnerCommand {
  command: string;
  data: string;
  line: string;
}

export function runnerCommands(output: string): RunnerCommand[] {
  const found: RunnerCommand[] = [];
  let stopToken: string | undefined;
  for (const line of output.split(/\r\n|\r|\n/)) {
    const command = parseV2(line, stopToken) ?? parseLegacy(line, stopToken);
    if (!command) continue;
    if (stopToken !== undefined) {
      if (command.command === stopToken) stopToken = undefined;
      continue;
    }
    if (command.command === 'stop-commands') stopToken = command.data;
    found.push(command);
  }
  return found;
}

function known(name: string, stopToken: string | undefined): boolean {
  return REGISTERED.has(name) || name === stopToken;
}

function parseV2(line: string, stopToken: string | undefined): RunnerCommand | undefined {
  const message = line.replace(LEADING_WHITESPACE, '');
  if (!message.startsWith('::')) return undefined;
  const end = message.indexOf('::', 2);
  if (end < 0) return undefined;
  const name = message.slice(2, end).split(' ')[0] as string;
  return known(name, stopToken) ? { command: name, data: message.slice(end + 2), line } : undefined;
}

function parseLegacy(line: string, stopToken: string | undefined): RunnerCommand | undefined {
  const start = line.indexOf('##[');
  if (start < 0) return undefined;
  const end = line.indexOf(']', start);
  if (end < 0) return undefined;
  const name = line.slice(start + 3, end).split(' ')[0] as string;
  return known(name, stopToken) ? { command: name, data: line.slice(end + 1), line } : undefined;
}

/** A file name that, printed raw, would be a `::warning` command on a line of its own. */
export const HOSTILE_FILE_NAME = 'z\n::warning title=INJECTED::from a file name\n.yaml';

/** A Deployment whose diff, printed raw, holds an indented `::add-mask::` line and a `##[error` comment. */
export const HOSTILE_MANIFEST = [
  'kind: Deployment',
  'spec:',
  '  template:',
  '    spec:',
  '      containers:',
  '        - env:',
  '            - name: X',
  '              value: |',
  '                ::add-mask::acme',
  '          # ##[error title=planted]planted',
  '          image: ghcr.io/acme/api:1.0.0',
  '',
].join('\n');
