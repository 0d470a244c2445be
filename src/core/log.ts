import { issueCommand } from './workflow-commands.js';

/**
 * A step's log lines and annotations, printed as @actions/core prints them. Not through @actions/core: it brings
 * @actions/exec and @actions/io (and their builtins) into every step's bundle for what is a write to stdout
 * (docs/performance.md, "Fixed cost of a step").
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
