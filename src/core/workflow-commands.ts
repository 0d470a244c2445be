/**
 * The few runner protocol pieces an action needs before it knows its inputs are valid: reading an input and
 * printing a workflow command. @actions/core does the same, but loading it (and the HTTP client it pulls in)
 * costs more than Node's own start, so entries use these and load @actions/core only once there is work to do.
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
