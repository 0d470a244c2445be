import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { Dockerfile, stageLabel, substituteVariables } from '../../../src/core/build/dockerfile.js';
import { UserError } from '../../../src/core/errors.js';
import { REPO_ROOT } from '../../helpers/run-action.js';

const SAMPLE_APP = readFileSync(`${REPO_ROOT}/examples/sample-app/Dockerfile`, 'utf8');

describe('Dockerfile.parse', () => {
  it('splits the sample app into its stages with their FROM lines', () => {
    const dockerfile = Dockerfile.parse(SAMPLE_APP, 'Dockerfile');
    expect(dockerfile.stages.map((stage) => [stage.name, stage.base, stage.line])).toEqual([
      ['builder', '${BASE_IMAGE}', 8],
      ['test', 'builder', 15],
      ['runtime', '${BASE_IMAGE}', 18],
    ]);
    expect(dockerfile.globalArgs).toEqual(new Map([['BASE_IMAGE', 'busybox:1.36.1']]));
  });

  it('joins continuation lines, skips comments inside them, and keeps the first line number', () => {
    const dockerfile = Dockerfile.parse(
      ['FROM alpine:3 AS base', 'RUN apk add \\', '  # a comment inside', '    curl \\', '', '    jq', 'USER app'].join(
        '\n',
      ),
      'Dockerfile',
    );
    expect(dockerfile.stages[0]!.instructions).toEqual([
      { keyword: 'RUN', text: 'apk add curl jq', line: 2 },
      { keyword: 'USER', text: 'app', line: 7 },
    ]);
  });

  it('honours the escape directive', () => {
    const dockerfile = Dockerfile.parse(
      '# escape=`\nFROM mcr.microsoft.com/windows/nanoserver AS win\nRUN dir `\n  c:\\\nUSER ContainerUser\n',
      'Dockerfile',
    );
    expect(dockerfile.stages[0]!.instructions.map((instruction) => instruction.keyword)).toEqual(['RUN', 'USER']);
    expect(dockerfile.stages[0]!.instructions[0]!.text).toBe('dir c:\\');
  });

  it('skips heredoc bodies, so a line in them is no instruction', () => {
    const dockerfile = Dockerfile.parse(
      [
        'FROM alpine:3',
        'RUN <<EOF',
        'FROM evil',
        'USER root',
        'EOF',
        'COPY <<-CONF /etc/app.conf',
        '\tkey=1',
        '\tCONF',
        'USER 1000',
      ].join('\n'),
      'Dockerfile',
    );
    expect(dockerfile.stages).toHaveLength(1);
    expect(dockerfile.stages[0]!.instructions.map((instruction) => [instruction.keyword, instruction.line])).toEqual([
      ['RUN', 2],
      ['COPY', 6],
      ['USER', 9],
    ]);
  });

  it('reads FROM flags, lower-cases stage names and numbers unnamed stages', () => {
    const dockerfile = Dockerfile.parse(
      'FROM --platform=$BUILDPLATFORM golang:1.22 AS Build\nFROM scratch\nCOPY --from=build /app /app\n',
      'Dockerfile',
    );
    expect(dockerfile.stages.map(stageLabel)).toEqual(['build', '1']);
    expect(dockerfile.stages[0]!.base).toBe('golang:1.22');
  });

  it('refuses a file without FROM and a malformed FROM, naming file and line', () => {
    expect(() => Dockerfile.parse('# nothing\nRUN true\n', 'app/Dockerfile')).toThrow(
      new UserError('app/Dockerfile: has no FROM instruction, so it builds nothing.'),
    );
    expect(() => Dockerfile.parse('FROM a:1\nFROM b:1 AS\n', 'Dockerfile')).toThrow(
      'Dockerfile:2: FROM must be "FROM image [AS name]".',
    );
  });
});

describe('targets and the stages they need', () => {
  const dockerfile = Dockerfile.parse(
    [
      'ARG BASE=alpine:3',
      'FROM ${BASE} AS deps',
      'FROM deps AS builder',
      'RUN --mount=type=cache,target=/root/.cache,from=deps make',
      'FROM ${BASE} AS docs',
      'FROM ${BASE} AS lint',
      'FROM gcr.io/distroless/static AS runtime',
      'COPY --from=builder /app /app',
      'COPY --from=0 /etc/deps /etc/deps',
    ].join('\n'),
    'Dockerfile',
  );

  it('follows FROM, COPY --from (by name or index) and RUN --mount from=', () => {
    const needed = dockerfile.stagesNeededFor(dockerfile.targetStage('runtime')).map(stageLabel);
    expect(needed).toEqual(['deps', 'builder', 'runtime']);
  });

  it('defaults to the last stage and matches a target case-insensitively', () => {
    expect(dockerfile.targetStage(undefined).name).toBe('runtime');
    expect(dockerfile.targetStage('BUILDER').name).toBe('builder');
  });

  it('refuses a target that is not a stage, listing the stages', () => {
    expect(() => dockerfile.targetStage('release')).toThrow(
      new UserError(
        'target "release" is not a stage of Dockerfile: its stages are deps, builder, docs, lint, runtime.',
      ),
    );
  });

  it('resolves a base from the global ARGs, a build arg overriding the default', () => {
    const docs = dockerfile.targetStage('docs');
    expect(dockerfile.resolvedBase(docs, new Map())).toBe('alpine:3');
    expect(dockerfile.resolvedBase(docs, new Map([['BASE', 'local/busybox:1']]))).toBe('local/busybox:1');
  });
});

describe('substituteVariables', () => {
  const values = new Map([
    ['NAME', 'api'],
    ['EMPTY', ''],
  ]);
  it.each([
    ['$NAME:1', 'api:1'],
    ['${NAME}-x', 'api-x'],
    ['${MISSING:-alpine}', 'alpine'],
    ['${EMPTY:-alpine}', 'alpine'],
    ['${NAME:+set}', 'set'],
    ['${MISSING:+set}', ''],
    ['${MISSING}', ''],
  ])('%s -> %s', (text, expected) => expect(substituteVariables(text, values)).toBe(expected));
});
