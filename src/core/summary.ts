import * as fs from 'node:fs/promises';

/**
 * Builds a job summary as Markdown and appends it to $GITHUB_STEP_SUMMARY when the runner provides one.
 * Kept free of @actions/core so entries can start fast.
 */
export class JobSummary {
  private readonly parts: string[] = [];

  heading(text: string, level = 3): this {
    this.parts.push(`${'#'.repeat(level)} ${text}\n`);
    return this;
  }

  paragraph(text: string): this {
    this.parts.push(`${text}\n`);
    return this;
  }

  table(header: readonly string[], rows: readonly (readonly string[])[]): this {
    const line = (cells: readonly string[]) => `| ${cells.map(escapeCell).join(' | ')} |`;
    this.parts.push([line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n') + '\n');
    return this;
  }

  details(summary: string, body: string, language = ''): this {
    this.parts.push(`<details><summary>${summary}</summary>\n\n\`\`\`${language}\n${body}\n\`\`\`\n\n</details>\n`);
    return this;
  }

  toMarkdown(): string {
    return this.parts.join('\n');
  }

  async write(file = process.env.GITHUB_STEP_SUMMARY): Promise<void> {
    if (!file || this.parts.length === 0) return;
    await fs.appendFile(file, this.toMarkdown() + '\n');
  }
}

export function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}
