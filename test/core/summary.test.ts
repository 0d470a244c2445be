import { describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { code, JobSummary } from '../../src/core/summary.js';
import { tempTree } from '../helpers/temp-dir.js';

describe('JobSummary', () => {
  it('renders headings, escaped tables and details, and appends to the step summary file', async () => {
    const summary = new JobSummary()
      .heading('bump')
      .table(['File', 'Change'], [['a|b.yaml', `${code('x`y')}\nnext`]])
      .details('diff', '-a\n+b', 'diff');
    expect(summary.toMarkdown()).toBe(
      "### bump\n\n| File | Change |\n| --- | --- |\n| a\\|b.yaml | `x'y`<br>next |\n\n" +
        '<details><summary>diff</summary>\n\n```diff\n-a\n+b\n```\n\n</details>\n',
    );
    const file = path.join(await tempTree({ summary: 'before\n' }), 'summary');
    await summary.write(file);
    expect(await fs.readFile(file, 'utf8')).toBe(`before\n${summary.toMarkdown()}\n`);
  });

  it('writes nothing without a summary file or content', async () => {
    await expect(new JobSummary().heading('x').write(undefined)).resolves.toBeUndefined();
    const file = path.join(await tempTree({ summary: '' }), 'summary');
    await new JobSummary().write(file);
    expect(await fs.readFile(file, 'utf8')).toBe('');
  });
});
