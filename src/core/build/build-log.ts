/** How many steps a build ran and how many of them came from the cache (FROM lines are not steps). */
export interface BuildSteps {
  total: number;
  cached: number;
}

/** The step that failed and what it printed last. */
export interface BuildFailure {
  /** The step as the builder names it, e.g. `[builder 2/4] RUN make` or `Step 3/7 : RUN make`. */
  step: string;
  /** The step's last output lines, then the builder's error. */
  lines: string[];
}

/** What a builder printed, stream by stream. */
export interface BuildOutput {
  stdout: string;
  stderr: string;
}

/** Reads one builder's progress output: BuildKit's plain progress or the classic builder's steps. */
export interface BuildLogReader {
  steps(output: BuildOutput): BuildSteps;
  failure(output: BuildOutput): BuildFailure;
}

export const FAILURE_LINES = 10;

// The classic builder colours a step's stderr with terminal escapes.
const ESCAPE = String.fromCharCode(27);
const ANSI = new RegExp(`${ESCAPE}\\[[0-9;]*[A-Za-z]`, 'g');
const BUILDKIT_STEP = /^#(\d+) \[(?:[^\]]*? )?\d+\/\d+\] (.*)$/;
const BUILDKIT_OUTPUT = /^#(\d+) \d+\.\d+ (.*)$/;
const CLASSIC_STEP = /^Step \d+\/\d+ : (.*)$/;
const CLASSIC_NOISE = /^( ---> |Removing intermediate container |Sending build context |\s*$)/;

/** BuildKit's `--progress plain`: `#N [stage i/n] INSTRUCTION`, `#N CACHED`, `#N 0.12 output`, `#N ERROR: ...`. */
export const buildKitLog: BuildLogReader = {
  steps(output) {
    const steps = new Map<string, string>();
    const cached = new Set<string>();
    for (const line of logLines(`${output.stdout}\n${output.stderr}`)) {
      const step = BUILDKIT_STEP.exec(line);
      if (step) steps.set(step[1]!, step[2]!);
      const done = /^#(\d+) CACHED$/.exec(line);
      if (done) cached.add(done[1]!);
    }
    const built = [...steps].filter(([, instruction]) => !/^FROM\s/i.test(instruction)).map(([id]) => id);
    return { total: built.length, cached: built.filter((id) => cached.has(id)).length };
  },

  failure(output) {
    const lines = logLines(`${output.stdout}\n${output.stderr}`);
    const errorLine = lines.find((line) => /^#\d+ ERROR: /.test(line));
    const id = errorLine ? /^#(\d+)/.exec(errorLine)![1] : undefined;
    if (!errorLine || id === undefined) return unknownStep(lines);
    const header = lines.find((line) => BUILDKIT_STEP.exec(line)?.[1] === id);
    const stepOutput = lines.flatMap((line) => {
      const match = BUILDKIT_OUTPUT.exec(line);
      return match && match[1] === id ? [match[2]!] : [];
    });
    return {
      step: header ? header.replace(/^#\d+ /, '') : `step #${id}`,
      lines: [...stepOutput, errorLine.replace(/^#\d+ /, '')].slice(-FAILURE_LINES),
    };
  },
};

/**
 * The classic builder: `Step i/n : INSTRUCTION`, ` ---> Using cache` and the steps' output on stdout, the error on
 * stderr (after the deprecation notice newer CLIs print there first). Every instruction is a step, and so is each
 * `--label`.
 */
export const classicLog: BuildLogReader = {
  steps(output) {
    let total = 0;
    let cached = 0;
    let counting = false;
    for (const line of logLines(output.stdout)) {
      const step = CLASSIC_STEP.exec(line);
      if (step) {
        counting = !/^FROM\s/i.test(step[1]!);
        if (counting) total++;
      } else if (counting && line === ' ---> Using cache') cached++;
    }
    return { total, cached };
  },

  failure(output) {
    const lines = logLines(output.stdout);
    const error = logLines(output.stderr)
      .filter((line) => line.trim() !== '')
      .slice(-1);
    let last = -1;
    lines.forEach((line, index) => {
      if (CLASSIC_STEP.test(line)) last = index;
    });
    if (last < 0) return unknownStep([...lines, ...error]);
    const stepOutput = lines.slice(last + 1).filter((line) => !CLASSIC_NOISE.test(line));
    return { step: lines[last]!, lines: [...stepOutput, ...error].slice(-FAILURE_LINES) };
  },
};

function unknownStep(lines: readonly string[]): BuildFailure {
  return { step: 'before any step ran', lines: lines.filter((line) => line.trim() !== '').slice(-FAILURE_LINES) };
}

function logLines(log: string): string[] {
  return log.replace(ANSI, '').split(/\r?\n/);
}
