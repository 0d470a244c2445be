import { issueCommand } from './workflow-commands.js';

const registered = new Set<string>();

/** Masks a value in the runner's log and in everything this library prints or returns from a tool. */
export function registerSecret(value: string | undefined): void {
  if (!value) return;
  for (const piece of [value, ...value.split(/\r?\n/)]) {
    const trimmed = piece.trim();
    if (trimmed.length < 3 || registered.has(trimmed)) continue;
    registered.add(trimmed);
    issueCommand('add-mask', trimmed);
  }
}

export function redact(text: string): string {
  let result = text;
  for (const secret of registered) result = result.split(secret).join('***');
  return result;
}
