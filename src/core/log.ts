import { issueCommand } from './workflow-commands.js';

/**
 * A step's log lines and annotations, printed as @actions/core prints them. Not through @actions/core: loading it
 * (and @actions/exec, @actions/io and @actions/http-client behind it) was a fifth of bump-manifest's start
 * (docs/performance.md, "Fixed cost of a step"), for what is a write to stdout.
 */

/** Where an annotation points, as @actions/core's AnnotationProperties name it. */
export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
}

export function info(message: string): void {
  process.stdout.write(`${message}\n`);
}

export function warning(message: string, where: AnnotationProperties = {}): void {
  issueCommand('warning', message, commandProperties(where));
}

export function error(message: string, where: AnnotationProperties = {}): void {
  issueCommand('error', message, commandProperties(where));
}

export function startGroup(name: string): void {
  issueCommand('group', name);
}

export function endGroup(): void {
  issueCommand('endgroup', '');
}

function commandProperties({ title, file, startLine, endLine }: AnnotationProperties) {
  return { title, file, line: startLine, endLine };
}
