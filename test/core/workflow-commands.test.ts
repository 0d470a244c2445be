import { afterEach, describe, expect, it, jest } from '@jest/globals';
import {
  escapeForLog,
  issueCommand,
  neutralizeLine,
  printUntrusted,
  readActionInput,
} from '../../src/core/workflow-commands.js';
import { runnerCommands } from '../helpers/runner-commands.js';

afterEach(() => {
  jest.restoreAllMocks();
});

describe('workflow commands', () => {
  it('escapes data and properties as the runner expects', () => {
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    issueCommand('error', '100% bad\nline', { file: 'a,b:c.yaml', line: 3, col: undefined });
    expect(write).toHaveBeenCalledWith('::error file=a%2Cb%3Ac.yaml,line=3::100%25 bad%0Aline\n');
  });

  it('reads inputs the way @actions/core does', () => {
    process.env.INPUT_WORKING_DIRECTORY = '  ./gitops \n';
    process.env['INPUT_DRY-RUN'] = 'true';
    expect(readActionInput('working directory')).toBe('./gitops');
    expect(readActionInput('dry-run')).toBe('true');
    expect(readActionInput('missing')).toBe('');
  });
});

// What the adversarial review planted (issue 12, item 4), and more of the same shape.
const HOSTILE = [
  '  ::add-mask::acme',
  '# ##[error title=x]planted',
  '\t::warning title=INJECTED::from a manifest',
  '\u0085::error::behind a next-line character',
  'text\r::set-output name=x::after a carriage return',
  'z\n::warning title=INJECTED::x\n.yaml',
  '::stop-commands::mine',
];

function printed(write: () => void): string {
  const chunks: string[] = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    chunks.push(String(chunk));
    return true;
  });
  write();
  jest.restoreAllMocks();
  return chunks.join('');
}

describe('untrusted text in the log', () => {
  it('printUntrusted shows the text as it is and the runner acts on no line of it', () => {
    const text = HOSTILE.join('\n');
    const output = printed(() => printUntrusted(text));

    expect(output).toContain(text);
    const commands = runnerCommands(output);
    expect(commands.map((command) => command.command)).toEqual(['stop-commands']);
    // Commands work again after the block.
    expect(runnerCommands(`${output}::warning::ours\n`).map((command) => command.command)).toEqual([
      'stop-commands',
      'warning',
    ]);
  });

  it('printUntrusted picks a token the text does not contain, and a fresh one each time', () => {
    const tokens = [1, 2].map(() => /^::stop-commands::([0-9a-f]{32})$/m.exec(printed(() => printUntrusted('x')))?.[1]);
    expect(tokens[0]).toBeDefined();
    expect(tokens[0]).not.toBe(tokens[1]);
    // A text that carries the previous token cannot end the next block.
    const output = printed(() => printUntrusted(`::${tokens[0]}::\n::add-mask::acme`));
    expect(runnerCommands(output).map((command) => command.command)).toEqual(['stop-commands']);
  });

  it('escapeForLog keeps a file name on its line and out of the command syntax', () => {
    for (const name of HOSTILE) {
      const line = `files: ${escapeForLog(name)}.`;
      expect(line).not.toMatch(/[\r\n\u0085]/);
      expect(runnerCommands(escapeForLog(name))).toEqual([]);
      expect(runnerCommands(line)).toEqual([]);
    }
    expect(escapeForLog('z\n::warning title=INJECTED::x\n.yaml')).toBe(
      'z\\n:\\x3awarning title=INJECTED:\\x3ax\\n.yaml',
    );
    expect(escapeForLog('a\\b\u202ec\u0007')).toBe('a\\\\b\\u{202e}c\\u{7}');
    expect(escapeForLog('apps/prod/values.yaml')).toBe('apps/prod/values.yaml');
  });

  it('neutralizeLine leaves ordinary tool output alone and breaks up what the runner would run', () => {
    expect(neutralizeLine('#5 [2/3] RUN make')).toBe('#5 [2/3] RUN make');
    expect(neutralizeLine('Step 1/3 : FROM busybox')).toBe('Step 1/3 : FROM busybox');
    for (const line of HOSTILE.flatMap((text) => text.split('\n'))) {
      expect(runnerCommands(neutralizeLine(line))).toEqual([]);
    }
  });

  it('an error message cannot end its line: %, CR and LF are escaped as the runner unescapes them', () => {
    const output = printed(() => issueCommand('error', '100%0A done\r\n::add-mask::acme ##[error]x'));
    expect(output).toBe('::error::100%250A done%0D%0A::add-mask::acme ##[error]x\n');
    expect(runnerCommands(output)).toEqual([expect.objectContaining({ command: 'error' })]);
  });
});
