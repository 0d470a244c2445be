import { appendFileSync } from 'node:fs';
import { randomHex } from './random.js';

/**
 * The runner protocol an action speaks: reading an input, printing a workflow command, writing an output or state.
 * @actions/core does the same, but loading it (and the HTTP client it pulls in) costs more than Node's own start,
 * so the actions use these (and log.ts) and load @actions/core only for an OIDC token.
 */

/** An input as @actions/core's getInput reads it: INPUT_<NAME> with spaces as underscores, trimmed. */
export function readActionInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

export type CommandProperties = Record<string, string | number | undefined>;

/** Prints `::command key=value,...::message` with the runner's escaping. */
export function issueCommand(command: string, message: string, properties: CommandProperties = {}): void {
  const props = Object.entries(properties)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  process.stdout.write(`::${command}${props ? ` ${props}` : ''}::${escapeData(message)}\n`);
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** A value the main step saved for the post step, as @actions/core's getState reads it: STATE_<name>. */
export function readActionState(name: string): string {
  return process.env[`STATE_${name}`] ?? '';
}

/**
 * Sets a step output (GITHUB_OUTPUT) or keeps a value for the post step (GITHUB_STATE) as @actions/core does: a
 * `name<<delimiter` block in the runner's file, the delimiter random so that no value can end the block early; a
 * workflow command where the runner gives no file (an older runner).
 */
export function writeRunnerValue(file: 'OUTPUT' | 'STATE', name: string, value: string): void {
  const path = process.env[`GITHUB_${file}`];
  if (!path) {
    issueCommand(file === 'OUTPUT' ? 'set-output' : 'save-state', value, { name });
    return;
  }
  const delimiter = `ghadelimiter_${randomHex(16)}`;
  appendFileSync(path, `${name}<<${delimiter}\n${value}\n${delimiter}\n`, 'utf8');
}

/**
 * Prints text that came from a repository, a registry, an API or a tool so that the runner reads none of it as a
 * workflow command: between `::stop-commands::<token>` and `::<token>::`, with a random token the text does not
 * contain. One write, so no line of ours (an `::add-mask::` above all) can land inside the block.
 */
export function printUntrusted(text: string): void {
  if (text === '') return;
  let token: string;
  do token = randomHex(16);
  while (text.includes(token));
  const body = text.endsWith('\n') ? text : `${text}\n`;
  process.stdout.write(`::stop-commands::${token}\n${body}::${token}::\n`);
}

// Control characters (C0, DEL, C1), Unicode line and paragraph separators, bidirectional overrides and isolates.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * A file name (or any short untrusted text) for a log line: control characters and line breaks shown as escapes,
 * `::` and `##[` broken up, so the text stays on its line and reads as no command wherever the line puts it.
 */
export function escapeForLog(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(INVISIBLE, (char) => NAMED_ESCAPES[char] ?? `\\u{${(char.codePointAt(0) as number).toString(16)}}`)
    .replace(/::/g, ':\\x3a')
    .replace(/##\[/g, '#\\x23[');
}

/**
 * One line of a tool's output, as printed while the tool runs: unchanged unless the runner would read it as a
 * command (`::` after leading whitespace, .NET's included, `##[` anywhere, in any piece a carriage return starts), then broken up.
 */
export function neutralizeLine(line: string): string {
  return line
    .split('\r')
    .map((piece) => piece.replace(/^([\s\u0085]*)::/, '$1:\\x3a').replace(/##\[/g, '#\\x23['))
    .join('\r');
}
