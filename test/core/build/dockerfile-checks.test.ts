import { describe, expect, it } from '@jest/globals';
import { checkDockerfile } from '../../../src/core/build/dockerfile-checks.js';
import { Dockerfile } from '../../../src/core/build/dockerfile.js';

const PINNED = `alpine:3.20@sha256:${'a'.repeat(64)}`;

function check(lines: string[], target?: string, buildArgs: Record<string, string> = {}) {
  const dockerfile = Dockerfile.parse(lines.join('\n'), 'Dockerfile');
  return checkDockerfile(dockerfile, dockerfile.targetStage(target), new Map(Object.entries(buildArgs))).map(
    (finding) => `${finding.line} ${finding.rule}`,
  );
}

describe('checkDockerfile', () => {
  it('finds nothing in a pinned multi-stage build whose final stage runs as a user', () => {
    expect(
      check([`FROM ${PINNED} AS builder`, 'RUN make', `FROM ${PINNED}`, 'COPY --from=builder /app /app', 'USER 10001']),
    ).toEqual([]);
  });

  it('reports a single-stage build at its FROM', () => {
    expect(check([`FROM ${PINNED}`, 'USER app'])).toEqual(['1 single-stage']);
  });

  it.each([
    ['no USER', [], '3 runs-as-root'],
    ['USER root', ['USER root'], '4 runs-as-root'],
    ['USER 0', ['USER 0'], '4 runs-as-root'],
    ['USER root:root', ['USER root:root'], '4 runs-as-root'],
    ['USER 0:0 after a user', ['USER app', 'USER 0:0'], '5 runs-as-root'],
  ])('reports a final stage that runs as root: %s', (_, users, finding) => {
    expect(check([`FROM ${PINNED} AS builder`, 'RUN make', `FROM ${PINNED}`, ...users])).toEqual([finding]);
  });

  it('follows the USER of the stage the final stage is built on', () => {
    const base = [`FROM ${PINNED} AS base`, 'USER 10001', 'FROM base AS runtime', 'COPY app /app'];
    expect(check(base)).toEqual([]);
    expect(check([`FROM ${PINNED} AS base`, 'FROM base AS runtime', 'USER root'])).toEqual(['3 runs-as-root']);
  });

  it('checks the target stage as the final one', () => {
    const lines = [`FROM ${PINNED} AS builder`, 'RUN make', `FROM ${PINNED} AS runtime`, 'USER 10001'];
    expect(check(lines, 'builder')).toEqual(['1 runs-as-root']);
  });

  it('reports every built base not pinned by digest, resolved through ARGs and build args', () => {
    const lines = [
      'ARG BASE=alpine:3.20',
      'FROM ${BASE} AS builder',
      'FROM golang:1.22 AS unused',
      'FROM scratch',
      'COPY --from=builder /a /a',
      'USER 1',
    ];
    expect(check(lines)).toEqual(['2 base-not-pinned']);
    expect(check(lines, undefined, { BASE: PINNED })).toEqual([]);
  });

  it('reports ADD of a URL unless a checksum pins it', () => {
    const lines = [
      `FROM ${PINNED} AS builder`,
      'ADD https://example.com/tool.tar.gz /tmp/',
      `ADD --checksum=sha256:${'b'.repeat(64)} https://example.com/tool.tar.gz /tmp/`,
      'ADD ./local /src',
      `FROM ${PINNED}`,
      'COPY --from=builder /tmp /tmp',
      'USER 1',
    ];
    expect(check(lines)).toEqual(['2 add-from-url']);
  });

  it('returns findings in line order', () => {
    expect(check(['FROM node:20', 'ADD http://example.com/x /x'])).toEqual([
      '1 single-stage',
      '1 runs-as-root',
      '1 base-not-pinned',
      '2 add-from-url',
    ]);
  });
});
