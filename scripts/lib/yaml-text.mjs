// One way the generators write a description into YAML: a plain scalar when it fits, else a folded block.
import YAML from 'yaml';

const WIDTH = 118;

/** Text with its whitespace runs made single spaces. */
export function oneLine(text) {
  return String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The value of `description:` whose key starts at `column`: a plain scalar when it fits within WIDTH, else `>-` and
 * lines wrapped at WIDTH, each prefixed with `continuationIndent` spaces (where the caller adds its own indentation).
 */
export function yamlDescription(text, column, continuationIndent = column + 2) {
  const plain = YAML.stringify(text, { lineWidth: 0, singleQuote: true }).trimEnd();
  if (!plain.includes('\n') && column + 'description: '.length + plain.length <= WIDTH) return plain;
  const lines = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && column + 2 + line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(line);
  return `>-\n${lines.map((wrapped) => `${' '.repeat(continuationIndent)}${wrapped}`).join('\n')}`;
}
