import { UserError } from '../errors.js';

/** One Dockerfile instruction with its continuation lines joined. */
export interface Instruction {
  /** Upper case: FROM, RUN, USER, ... */
  keyword: string;
  /** Everything after the keyword, continuation lines joined with a space. */
  text: string;
  /** 1-based line where the instruction starts. */
  line: number;
}

/** A build stage: a FROM and the instructions up to the next FROM. */
export interface Stage {
  index: number;
  /** The `AS` name, lower case as Docker compares it; undefined for an unnamed stage. */
  name: string | undefined;
  /** The base as written after FROM's flags (may hold ${ARG}s, or name an earlier stage). */
  base: string;
  line: number;
  instructions: Instruction[];
}

const DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;
const HEREDOC = /<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g;
const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);

/**
 * A Dockerfile read the way Docker's parser splits it: parser directives, comments, line continuations (with the
 * escape character the file declares) and heredoc bodies, into stages of instructions with their line numbers.
 */
export class Dockerfile {
  private constructor(
    /** The file's path, as annotations should name it. */
    readonly file: string,
    /** ARGs declared before the first FROM: the only ones FROM lines can use. */
    readonly globalArgs: ReadonlyMap<string, string | undefined>,
    readonly stages: readonly Stage[],
    /** The `# syntax=` directive: the frontend image that parses the file, when it names one. */
    readonly syntax: string | undefined,
  ) {}

  static parse(text: string, file: string): Dockerfile {
    const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
    const directives = parserDirectives(lines);
    const instructions = splitInstructions(lines, escapeCharacter(directives));
    const globalArgs = new Map<string, string | undefined>();
    const stages: Stage[] = [];
    for (const instruction of instructions) {
      if (instruction.keyword === 'FROM') {
        stages.push(parseFrom(instruction, stages.length, file));
      } else if (stages.length > 0) {
        stages[stages.length - 1]?.instructions.push(instruction);
      } else if (instruction.keyword === 'ARG') {
        for (const [name, value] of parseArgDeclarations(instruction.text)) globalArgs.set(name, value);
      }
    }
    if (stages.length === 0) throw new UserError(`${file}: has no FROM instruction, so it builds nothing.`, { file });
    return new Dockerfile(file, globalArgs, stages, directives.get('syntax'));
  }

  /** How stages are named in messages: their `AS` name, or their index for unnamed ones. */
  stageLabels(): string[] {
    return this.stages.map(stageLabel);
  }

  /** The stage `--target` names (case-insensitive, as Docker matches), or the last stage when there is no target. */
  targetStage(target: string | undefined): Stage {
    if (target === undefined) return this.stages[this.stages.length - 1] as Stage;
    const found = this.stages.find((stage) => stage.name === target.toLowerCase());
    if (!found) {
      const named = this.stages.flatMap((stage) => (stage.name ? [stage.name] : []));
      const choices = named.length > 0 ? `its stages are ${named.join(', ')}` : 'it has no named stage';
      throw new UserError(`target "${target}" is not a stage of ${this.file}: ${choices}.`, { file: this.file });
    }
    return found;
  }

  /** The earlier stage a reference (a FROM base, COPY --from, RUN --mount from=) names, if it names one. */
  stageNamed(reference: string, before: number): Stage | undefined {
    const lower = reference.toLowerCase();
    const byIndex = /^\d+$/.test(reference) ? this.stages[Number(reference)] : undefined;
    const found = byIndex ?? this.stages.find((stage) => stage.name === lower);
    return found && found.index < before ? found : undefined;
  }

  /** The stages a build of `target` needs, in file order: the target and every stage it copies from or builds on. */
  stagesNeededFor(target: Stage): Stage[] {
    const needed = new Set<number>();
    const visit = (stage: Stage) => {
      if (needed.has(stage.index)) return;
      needed.add(stage.index);
      for (const reference of [stage.base, ...stageReferences(stage)]) {
        const dependency = this.stageNamed(reference, stage.index);
        if (dependency) visit(dependency);
      }
    };
    visit(target);
    return this.stages.filter((stage) => needed.has(stage.index));
  }

  /** A stage's base image with the global ARGs substituted (build args override their defaults). */
  resolvedBase(stage: Stage, buildArgs: ReadonlyMap<string, string>): string {
    const values = new Map<string, string>();
    for (const [name, fallback] of this.globalArgs) {
      const value = buildArgs.get(name) ?? fallback;
      if (value !== undefined) values.set(name, value);
    }
    return substituteVariables(stage.base, values);
  }
}

export function stageLabel(stage: Stage): string {
  return stage.name ?? String(stage.index);
}

/** `COPY --from=x` and `RUN --mount=...,from=x` references inside a stage. */
export function stageReferences(stage: Stage): string[] {
  const references: string[] = [];
  for (const instruction of stage.instructions) {
    for (const flag of leadingFlags(instruction.text).flags) {
      const copyFrom = /^--from=(.+)$/.exec(flag);
      if (copyFrom && (instruction.keyword === 'COPY' || instruction.keyword === 'ADD')) references.push(copyFrom[1]!);
      const mount = /^--mount=(.+)$/.exec(flag);
      const mountFrom = mount?.[1]!.split(',').find((option) => option.startsWith('from='));
      if (mountFrom) references.push(mountFrom.slice('from='.length));
    }
  }
  return references;
}

/** Splits `--flag=value ... rest` into the leading flags and the rest. */
export function leadingFlags(text: string): { flags: string[]; rest: string[] } {
  const words = text.split(/\s+/).filter((word) => word.length > 0);
  const firstPlain = words.findIndex((word) => !word.startsWith('--'));
  const split = firstPlain < 0 ? words.length : firstPlain;
  return { flags: words.slice(0, split), rest: words.slice(split) };
}

function parseFrom(instruction: Instruction, index: number, file: string): Stage {
  const { rest } = leadingFlags(instruction.text);
  const [base, as, name, ...extra] = rest;
  const named = as !== undefined && as.toLowerCase() === 'as' && name !== undefined && extra.length === 0;
  if (!base || (as !== undefined && !named)) {
    throw new UserError(`${file}:${instruction.line}: FROM must be "FROM image [AS name]".`, {
      file,
      line: instruction.line,
    });
  }
  return { index, name: named ? name.toLowerCase() : undefined, base, line: instruction.line, instructions: [] };
}

/** `ARG A=1 B` declares A with default 1 and B without one. */
export function parseArgDeclarations(text: string): Array<[string, string | undefined]> {
  return text
    .split(/\s+/)
    .filter((word) => word.length > 0)
    .map((word) => {
      const equals = word.indexOf('=');
      return equals < 0 ? [word, undefined] : [word.slice(0, equals), unquote(word.slice(equals + 1))];
    });
}

function unquote(value: string): string {
  return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
}

/** Docker's `$VAR`, `${VAR}`, `${VAR:-default}` and `${VAR:+alternative}`; unknown variables become empty. */
export function substituteVariables(text: string, values: ReadonlyMap<string, string>): string {
  return text.replace(
    /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::([-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g,
    (_, braced: string | undefined, operator: string | undefined, word: string | undefined, bare: string) => {
      const value = values.get(braced ?? bare);
      if (operator === '-') return value ? value : (word ?? '');
      if (operator === '+') return value ? (word ?? '') : '';
      return value ?? '';
    },
  );
}

/** Splits the text into instructions, as Docker's parser does before it looks at any instruction. */
function splitInstructions(lines: readonly string[], escape: string): Instruction[] {
  const instructions: Instruction[] = [];
  let index = 0;
  while (index < lines.length) {
    const start = index;
    const first = lines[index++] as string;
    if (isBlankOrComment(first)) continue;
    let joined = first;
    while (endsWithEscape(joined, escape) && index < lines.length) {
      joined = joined.trimEnd().slice(0, -1).trimEnd();
      // Blank and comment lines inside a continuation are dropped, and the continuation goes on.
      while (index < lines.length && isBlankOrComment(lines[index] as string)) index++;
      if (index < lines.length) joined += ` ${(lines[index++] as string).trim()}`;
    }
    const match = /^\s*(\S+)\s*(.*)$/.exec(joined);
    if (!match) continue;
    const keyword = match[1]!.toUpperCase();
    const body = match[2]!.trim();
    instructions.push({ keyword, text: body, line: start + 1 });
    if (HEREDOC_KEYWORDS.has(keyword)) index = skipHeredocs(body, lines, index);
  }
  return instructions;
}

function skipHeredocs(body: string, lines: readonly string[], index: number): number {
  let next = index;
  for (const match of body.matchAll(HEREDOC)) {
    const stripTabs = match[1] === '-';
    const word = match[3];
    while (next < lines.length) {
      const line = lines[next++] as string;
      if ((stripTabs ? line.replace(/^\t+/, '') : line) === word) break;
    }
  }
  return next;
}

/** The parser directives (`# syntax=`, `# escape=`): comments of that form before any other line, names lower case. */
function parserDirectives(lines: readonly string[]): Map<string, string> {
  const directives = new Map<string, string>();
  for (const line of lines) {
    const directive = DIRECTIVE.exec(line);
    if (!directive) break;
    directives.set(directive[1]!.toLowerCase(), directive[2]!);
  }
  return directives;
}

function escapeCharacter(directives: ReadonlyMap<string, string>): string {
  const escape = directives.get('escape');
  return escape === '`' ? escape : '\\';
}

function isBlankOrComment(line: string): boolean {
  const trimmed = line.trim();
  return trimmed === '' || trimmed.startsWith('#');
}

function endsWithEscape(line: string, escape: string): boolean {
  return line.trimEnd().endsWith(escape);
}
