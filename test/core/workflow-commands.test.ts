import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { issueCommand, readActionInput } from '../../src/core/workflow-commands.js';

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
