import { UserError } from '../../core/errors.js';

/** The names a title, body or commit-message template may use, as `{{ name }}`. */
export const PLACEHOLDERS = [
  'image-ref',
  'image-name',
  'tag',
  'digest',
  'version',
  'manifests',
  'files',
  'changes',
  'repository',
  'base',
  'branch',
  'source-commit',
  'run-url',
  'evidence',
] as const;

export type Placeholder = (typeof PLACEHOLDERS)[number];
export type TemplateValues = Record<Placeholder, string>;

const PLACEHOLDER = /\{\{\s*([a-z-]+)\s*\}\}/g;

/** User text with `{{ name }}` placeholders, checked when read so that a typo fails before anything is cloned. */
export class MessageTemplate {
  private constructor(readonly text: string) {}

  static parse(text: string, input: string): MessageTemplate {
    for (const [, name] of text.matchAll(PLACEHOLDER)) {
      if (!(PLACEHOLDERS as readonly string[]).includes(name as string)) {
        throw new UserError(
          `Input "${input}" uses {{ ${name} }}, which is not one of: ${PLACEHOLDERS.map((p) => `{{ ${p} }}`).join(', ')}.`,
        );
      }
    }
    return new MessageTemplate(text);
  }

  render(values: TemplateValues): string {
    return this.text.replace(PLACEHOLDER, (_, name: Placeholder) => values[name]);
  }
}
