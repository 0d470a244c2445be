import {
  type Document,
  isAlias,
  isMap,
  isScalar,
  LineCounter,
  type Node,
  parseAllDocuments,
  parseDocument,
  type Scalar,
  type YAMLMap,
} from 'yaml';
import { UserError } from '../errors.js';

// Expansions allowed before a document counts as an alias bomb (the yaml library's own default).
const MAX_ALIAS_COUNT = 100;

export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * One YAML file as text plus its parsed documents. Edits are byte ranges on the original text, so
 * everything outside them (comments, quoting, anchors, CRLF, a missing final newline) stays as it was.
 */
export class YamlSource {
  readonly documents: Document.Parsed[];
  readonly eol: string;
  private readonly lines = new LineCounter();

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    this.eol = text.includes('\r\n') ? '\r\n' : '\n';
    this.documents = parseAllDocuments(text, { lineCounter: this.lines, uniqueKeys: true }) as Document.Parsed[];
    for (const document of this.documents) this.assertValid(document);
  }

  lineOf(offset: number): number {
    return this.lines.linePos(offset).line;
  }

  errorAt(node: Node | undefined, message: string): UserError {
    const line = node?.range ? this.lineOf(node.range[0]) : undefined;
    return new UserError(`${this.file}${line ? `:${line}` : ''}: ${message}`, { file: this.file, line });
  }

  /** The scalar a value stands for, following an alias to its anchor. */
  scalarOf(document: Document.Parsed, node: unknown): Scalar | undefined {
    const resolved = isAlias(node) ? node.resolve(document) : node;
    return isScalar(resolved) ? resolved : undefined;
  }

  /** Replaces a scalar's source text with a new value in the same quoting style. */
  replaceScalar(scalar: Scalar, value: string): TextEdit {
    const [start, end] = scalar.range as [number, number, number];
    if (scalar.type === 'BLOCK_LITERAL' || scalar.type === 'BLOCK_FOLDED') {
      throw this.errorAt(
        scalar,
        'the image is written as a block scalar (| or >); write it as a plain or quoted string.',
      );
    }
    return { start, end, text: formatScalar(value, scalar.type) };
  }

  /** Adds `key: value` to a mapping after its last key, at that key's indentation (or inside `{ }`). */
  insertPair(map: YAMLMap, key: string, value: string): TextEdit {
    const last = map.items.at(-1);
    const lastEnd = (last?.value as Node | null)?.range?.[1] ?? (last?.key as Node | null)?.range?.[1];
    if (!last || lastEnd === undefined) throw this.errorAt(map, `cannot add "${key}" to an empty mapping.`);
    const formatted = `${key}: ${formatScalar(value, 'PLAIN')}`;
    if (map.flow) return { start: lastEnd, end: lastEnd, text: `, ${formatted}` };
    const firstKeyStart = (map.items[0]?.key as Node).range?.[0] ?? lastEnd;
    const indent = ' '.repeat(firstKeyStart - this.lineStart(firstKeyStart));
    const newline = this.text.indexOf('\n', lastEnd);
    if (newline < 0)
      return { start: this.text.length, end: this.text.length, text: `${this.eol}${indent}${formatted}` };
    return { start: newline + 1, end: newline + 1, text: `${indent}${formatted}${this.eol}` };
  }

  /** Removes `key: value` from a block or flow mapping, with its line and trailing comment. */
  removePair(map: YAMLMap, key: string): TextEdit | undefined {
    const index = map.items.findIndex((pair) => isScalar(pair.key) && pair.key.value === key);
    if (index < 0) return undefined;
    const pair = map.items[index];
    const keyStart = (pair?.key as Node).range?.[0] as number;
    const valueEnd = (pair?.value as Node | null)?.range?.[1] ?? ((pair?.key as Node).range?.[1] as number);
    const next = map.items[index + 1];
    if (map.flow) {
      const previous = map.items[index - 1];
      if (previous)
        return { start: ((previous.value ?? previous.key) as Node).range?.[1] as number, end: valueEnd, text: '' };
      const nextStart = (next?.key as Node | undefined)?.range?.[0] ?? valueEnd;
      return { start: keyStart, end: nextStart, text: '' };
    }
    // The first key of a sequence item shares its line with "- ": hand that position to the next key.
    if (index === 0 && next) return { start: keyStart, end: (next.key as Node).range?.[0] as number, text: '' };
    const lineEnd = this.text.indexOf('\n', valueEnd);
    return { start: this.lineStart(keyStart), end: lineEnd < 0 ? this.text.length : lineEnd + 1, text: '' };
  }

  /** The text with all edits applied; overlapping edits are a bug in the caller. */
  apply(edits: readonly TextEdit[]): string {
    const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
    let result = '';
    let cursor = 0;
    for (const edit of sorted) {
      if (edit.start < cursor) throw new Error(`overlapping edits in ${this.file} at offset ${edit.start}`);
      result += this.text.slice(cursor, edit.start) + edit.text;
      cursor = edit.end;
    }
    return result + this.text.slice(cursor);
  }

  private lineStart(offset: number): number {
    return this.text.lastIndexOf('\n', offset - 1) + 1;
  }

  private assertValid(document: Document.Parsed): void {
    const error = document.errors[0];
    if (error) {
      const line = error.linePos?.[0].line;
      throw new UserError(`${this.file}${line ? `:${line}` : ''}: invalid YAML: ${firstLine(error.message)}`, {
        file: this.file,
        line,
      });
    }
    if (!this.text.includes('*')) return;
    try {
      document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (cause) {
      throw new UserError(
        `${this.file}: refused: its aliases expand past ${MAX_ALIAS_COUNT} nodes (${firstLine(String((cause as Error).message))})`,
        { file: this.file },
      );
    }
  }
}

/**
 * YAML written inside a literal block string of another file (Argo CD's `helm.values: |`): parsed on its own,
 * with offsets and lines mapped back to the outer file so edits land inside the block, indentation kept.
 */
export class EmbeddedYamlSource extends YamlSource {
  private constructor(
    private readonly outer: YamlSource,
    text: string,
    private readonly innerStarts: number[],
    private readonly outerStarts: number[],
  ) {
    super(outer.file, text);
  }

  /** The block's content as its own source, or the reason it cannot be edited in place. */
  static fromBlock(outer: YamlSource, scalar: Scalar): EmbeddedYamlSource | string {
    if (scalar.type !== 'BLOCK_LITERAL') return 'it is not a literal block (|), so its lines cannot be edited in place';
    const [start, end] = scalar.range as [number, number, number];
    const headerEnd = outer.text.indexOf('\n', start);
    if (headerEnd < 0 || headerEnd >= end) return 'it is empty';
    if (/\d/.test(outer.text.slice(start, headerEnd).split('#')[0] as string)) {
      return 'it has an explicit indentation indicator';
    }
    const lines: string[] = [];
    const innerStarts: number[] = [];
    const outerStarts: number[] = [];
    let indent: number | undefined;
    let innerLength = 0;
    for (let lineStart = headerEnd + 1; lineStart < end;) {
      const newline = outer.text.indexOf('\n', lineStart);
      const lineEnd = newline < 0 || newline >= end ? end : newline + 1;
      const line = outer.text.slice(lineStart, lineEnd);
      if (indent === undefined && line.trim() !== '') indent = line.length - line.trimStart().length;
      const cut = Math.min(indent ?? 0, line.replace(/\r?\n$/, '').length);
      innerStarts.push(innerLength);
      outerStarts.push(lineStart + cut);
      lines.push(line.slice(cut));
      innerLength += line.length - cut;
      lineStart = lineEnd;
    }
    try {
      return new EmbeddedYamlSource(outer, lines.join(''), innerStarts, outerStarts);
    } catch (error) {
      return `it is not valid YAML (${(error as Error).message.replace(/^[^:]*:\d*:? ?/, '')})`;
    }
  }

  /** The offset in the outer file of an offset in the block's content. */
  toOuter(offset: number): number {
    let low = 0;
    let high = this.innerStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.innerStarts[middle] as number) <= offset) low = middle;
      else high = middle - 1;
    }
    return (this.outerStarts[low] as number) + offset - (this.innerStarts[low] as number);
  }

  override lineOf(offset: number): number {
    return this.outer.lineOf(this.toOuter(offset));
  }
}

/** A mapping's value for `key` when it is a scalar string. */
export function stringAt(map: unknown, key: string): string | undefined {
  if (!isMap(map)) return undefined;
  const value = map.get(key, true);
  return isScalar(value) && typeof value.value === 'string' ? value.value : undefined;
}

type ScalarType = Scalar['type'];

/** The new value in the old quoting style; a plain value YAML would not read back as this string is quoted. */
export function formatScalar(value: string, type: ScalarType): string {
  if (type === 'QUOTE_SINGLE') return `'${value.replace(/'/g, "''")}'`;
  if (type === 'QUOTE_DOUBLE' || !readsBackAsString(value)) return JSON.stringify(value);
  return value;
}

// Kubernetes and Helm read YAML 1.1 (yes/on/off are booleans there); yaml's own reader is 1.2: both must agree.
function readsBackAsString(value: string): boolean {
  if (value === '' || value.trim() !== value) return false;
  return (['1.1', '1.2'] as const).every((version) => {
    const document = parseDocument(value, { version });
    return document.errors.length === 0 && isScalar(document.contents) && document.contents.value === value;
  });
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
