import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { type BuildRecipe, buildInputsDigest, reuseBlockers } from '../../../src/core/build/build-inputs.js';
import { Dockerfile } from '../../../src/core/build/dockerfile.js';
import { tempTree } from '../../helpers/temp-dir.js';

const PINNED = `busybox@sha256:${'a'.repeat(64)}`;

function blockers(text: string, buildArgs: Record<string, string> = {}, target?: string): string[] {
  const dockerfile = Dockerfile.parse(text, 'Dockerfile');
  return reuseBlockers(dockerfile, dockerfile.targetStage(target), new Map(Object.entries(buildArgs)));
}

describe('reuseBlockers', () => {
  it('has none when every image the build reads is pinned by digest or is a stage', () => {
    const text = [
      `# syntax=docker/dockerfile:1@sha256:${'b'.repeat(64)}`,
      `FROM ${PINNED} AS builder`,
      'RUN make',
      'FROM scratch',
      'COPY --from=builder /out /app',
      `COPY --from=${PINNED} /bin/busybox /bin/busybox`,
      'ADD --checksum=sha256:0123 https://example.com/a.tgz /a.tgz',
    ].join('\n');
    expect(blockers(text)).toEqual([]);
  });

  it('names each image by tag, each image in a variable and each unverified URL, in the stages the target needs', () => {
    const text = [
      '# syntax=docker/dockerfile:1',
      'ARG BASE=alpine:3.20',
      'FROM ${BASE} AS builder',
      'RUN --mount=type=bind,from=golang:1.23,target=/go true',
      'FROM unused:latest AS unused',
      `FROM ${PINNED}`,
      'COPY --from=builder /out /app',
      'COPY --from=${OTHER} /x /x',
      'ADD https://example.com/a.tgz /a.tgz',
      'ADD git@github.com:acme/tools.git /tools',
    ].join('\n');
    expect(blockers(text)).toEqual([
      'the frontend docker/dockerfile:1 is not pinned by digest',
      'stage builder (line 3) uses alpine:3.20, which is not pinned by digest',
      'stage builder (line 3) uses golang:1.23, which is not pinned by digest',
      'stage 2 (line 6) uses an image named by a variable, ${OTHER}',
      'line 9 ADDs a URL without --checksum',
      'line 10 ADDs a URL without --checksum',
    ]);
  });

  it('finds URLs in the JSON form and in every scheme, and a frontend given as a build arg', () => {
    const text = [
      `FROM ${PINNED}`,
      'ADD ["https://example.com/tool.tgz", "/tool.tgz"]',
      'ADD git://example.com/repo.git /src',
      'ADD ssh://git@example.com/repo.git /src2',
      'ADD --checksum=sha256:0123 ["https://example.com/pinned.tgz", "/pinned.tgz"]',
      'ADD local.tgz /local',
    ].join('\n');
    expect(blockers(text, { BUILDKIT_SYNTAX: 'docker/dockerfile:labs' })).toEqual([
      'the frontend docker/dockerfile:labs is not pinned by digest',
      'line 2 ADDs a URL without --checksum',
      'line 3 ADDs a URL without --checksum',
      'line 4 ADDs a URL without --checksum',
    ]);
  });

  it('resolves a base from build args, as the build will', () => {
    const text = 'ARG BASE=alpine:3.20\nFROM ${BASE}\nUSER 1000\n';
    expect(blockers(text, { BASE: PINNED })).toEqual([]);
    expect(blockers(text)).toEqual(['stage 0 (line 2) uses alpine:3.20, which is not pinned by digest']);
  });
});

describe('buildInputsDigest', () => {
  let context: string;
  let recipe: BuildRecipe;
  const DOCKERFILE = `FROM ${PINNED}\nCOPY . /app\n`;

  beforeAll(async () => {
    context = await tempTree({ Dockerfile: DOCKERFILE, 'app.sh': 'echo hi\n', '.dockerignore': 'notes.txt\n' });
    recipe = {
      context,
      dockerfile: path.join(context, 'Dockerfile'),
      target: undefined,
      buildArgs: new Map([['A', '1']]),
      secretIds: ['npm'],
      labels: { 'org.opencontainers.image.created': '2024-01-01T00:00:00Z', 'org.opencontainers.image.version': '1' },
      platforms: ['linux/amd64'],
      network: undefined,
      builder: 'docker',
    };
  });
  afterAll(() => rm(context, { recursive: true, force: true }));

  it('ignores when the image is created and the order inputs come in', async () => {
    const digest = buildInputsDigest(recipe, DOCKERFILE);
    expect(digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    const later = {
      ...recipe,
      buildArgs: new Map([['A', '1']]),
      labels: { 'org.opencontainers.image.version': '1', 'org.opencontainers.image.created': '2025-06-01T00:00:00Z' },
    };
    expect(buildInputsDigest(later, DOCKERFILE)).toBe(digest);
    await writeFile(path.join(context, 'notes.txt'), 'left out by .dockerignore\n');
    expect(buildInputsDigest(recipe, DOCKERFILE)).toBe(digest);
  });

  it('changes with every input that can change the image', async () => {
    const digest = buildInputsDigest(recipe, DOCKERFILE);
    const variants: Array<[string, BuildRecipe, string]> = [
      ['Dockerfile', recipe, `${DOCKERFILE}RUN true\n`],
      ['target', { ...recipe, target: 'runtime' }, DOCKERFILE],
      ['build arg', { ...recipe, buildArgs: new Map([['A', '2']]) }, DOCKERFILE],
      ['secret id', { ...recipe, secretIds: ['npm', 'pip'] }, DOCKERFILE],
      ['label', { ...recipe, labels: { ...recipe.labels, 'org.opencontainers.image.version': '2' } }, DOCKERFILE],
      ['platforms', { ...recipe, platforms: ['linux/arm64'] }, DOCKERFILE],
      ['network', { ...recipe, network: 'host' }, DOCKERFILE],
      ['builder', { ...recipe, builder: 'buildx' }, DOCKERFILE],
    ];
    for (const [what, changed, text] of variants) {
      expect([what, buildInputsDigest(changed, text)]).not.toEqual([what, digest]);
    }
    await writeFile(path.join(context, 'app.sh'), 'echo changed\n');
    expect(buildInputsDigest(recipe, DOCKERFILE)).not.toBe(digest);
  });
});
