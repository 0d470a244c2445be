import { jest } from '@jest/globals';

export interface WorkflowLog {
  /** Every line written to stdout since the capture began: log lines and ::command:: lines. */
  lines(): string[];
  /** The messages of ::warning and ::error commands, unescaped enough to read. */
  commands(kind: 'warning' | 'error'): string[];
}

/** Captures (and silences) what the code under test writes to stdout, where the runner reads workflow commands. */
export function captureWorkflowLog(): WorkflowLog {
  let text = '';
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  });
  const lines = () => text.split('\n').filter((line) => line !== '');
  return {
    lines,
    commands: (kind) =>
      lines()
        .filter((line) => line.startsWith(`::${kind}`))
        .map((line) =>
          line
            .slice(line.indexOf('::', 2) + 2)
            .replace(/%0A/g, '\n')
            .replace(/%25/g, '%'),
        ),
  };
}
