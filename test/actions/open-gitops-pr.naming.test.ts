import { describe, expect, it } from '@jest/globals';
import { ChangeTarget } from '../../src/actions/open-gitops-pr/change-target.js';
import { sparseDirectories } from '../../src/actions/open-gitops-pr/manifests-checkout.js';
import { commitMessage, pullRequestTitle } from '../../src/actions/open-gitops-pr/messages.js';
import { MessageTemplate } from '../../src/actions/open-gitops-pr/templates.js';
import { ImageRef } from '../../src/core/image-ref.js';

const image = (text: string) => ImageRef.parse(text);
const DIGEST = `sha256:${'c'.repeat(64)}`;

describe('ChangeTarget: one branch, so one pull request, per app and environment', () => {
  const prod = new ChangeTarget(image('ghcr.io/acme/api:1.0.0'), ['apps/api/overlays/prod'], 'main');

  it('names a readable branch, the same for every version of the image', () => {
    expect(prod.defaultBranch).toMatch(/^gitops\/api\/apps-api-overlays-prod-[0-9a-f]{8}$/);
    const newer = new ChangeTarget(image(`ghcr.io/acme/api:2.0.0@${DIGEST}`), ['./apps/api/overlays/prod/'], 'main');
    expect(newer.defaultBranch).toBe(prod.defaultBranch);
    expect(newer.key).toBe(prod.key);
  });

  it("is another target for another environment, base or image, whatever the paths' order", () => {
    const keys = [
      prod.key,
      new ChangeTarget(image('ghcr.io/acme/api:1.0.0'), ['apps/api/overlays/staging'], 'main').key,
      new ChangeTarget(image('ghcr.io/acme/api:1.0.0'), ['apps/api/overlays/prod'], 'release').key,
      new ChangeTarget(image('ghcr.io/acme/web:1.0.0'), ['apps/api/overlays/prod'], 'main').key,
    ];
    expect(new Set(keys).size).toBe(4);
    const both = (paths: string[]) => new ChangeTarget(image('nginx:1'), paths, 'main');
    expect(both(['b', 'a']).key).toBe(both(['./a/', 'b']).key);
    expect(both(['b', 'a']).defaultBranch).toBe(both(['./a/', 'b']).defaultBranch);
  });

  it('keeps long path lists short and git-safe', () => {
    const many = new ChangeTarget(
      image('ghcr.io/acme/API_Server:1'.toLowerCase()),
      ['apps/**/*.yaml', 'Ünïcode dir/x.yaml', 'a'.repeat(200)],
      'main',
    );
    expect(many.defaultBranch.length).toBeLessThan(80);
    expect(many.defaultBranch).toMatch(/^gitops\/api-server\/[a-z0-9-]+-[0-9a-f]{8}$/);
  });

  it('recognizes its own commits by their trailer only', () => {
    expect(prod.madeFor(`Deploy\n\nGitOps-Target: ${prod.key}\n`)).toBe(true);
    expect(prod.madeFor(`Deploy\n\nGitOps-Target: ${'0'.repeat(16)}\n`)).toBe(false);
    expect(prod.madeFor(`Mentions GitOps-Target: ${prod.key} inline`)).toBe(false);
  });
});

describe('sparseDirectories', () => {
  it.each([
    [['apps/api/prod'], ['apps/api/prod']],
    [['apps/api/prod/kustomization.yaml', 'apps/api/prod/values.yml'], ['apps/api/prod']],
    [
      ['apps/*/prod/**/*.yaml', 'clusters/prod/'],
      ['apps', 'clusters/prod'],
    ],
    [['./apps/api/../web'], ['apps/web']],
    [['apps/api', '**/*.yaml'], undefined],
    [['.'], undefined],
    [['kustomization.yaml'], undefined],
  ])('%j needs %j', (paths, folders) => {
    expect(sparseDirectories(paths)).toEqual(folders);
  });
});

describe('messages', () => {
  const target = new ChangeTarget(image(`ghcr.io/acme/api@${DIGEST}`), ['apps/api/prod'], 'main');
  const change = {
    target,
    repository: 'acme/gitops',
    branch: target.defaultBranch,
    bumps: [],
    evidence: [],
    source: {
      commitUrl: 'https://github.com/acme/api/commit/abc',
      runUrl: 'https://github.com/acme/api/actions/runs/1',
    },
  };

  it('a digest-only image is shown by its short digest', () => {
    const template = MessageTemplate.parse('Deploy {{ image-name }} {{ version }}\n to {{manifests}}', 'title');
    expect(pullRequestTitle(template, change)).toBe(`Deploy ghcr.io/acme/api sha256:cccccccccccc to apps/api/prod`);
  });

  it('{{ image-ref }} is the whole reference, as the input of that name', () => {
    const template = MessageTemplate.parse('Deploy {{ image-ref }}', 'pull-request-title');
    expect(pullRequestTitle(template, change)).toBe(`Deploy ghcr.io/acme/api@${DIGEST}`);
  });

  it('the commit message always ends with the trailers, whatever the template', () => {
    expect(commitMessage(MessageTemplate.parse('ci: bump', 'commit-message'), change)).toBe(
      [
        'ci: bump',
        '',
        `Image: ghcr.io/acme/api@${DIGEST}`,
        `Image-Digest: ${DIGEST}`,
        'Source-Commit: https://github.com/acme/api/commit/abc',
        'Run-URL: https://github.com/acme/api/actions/runs/1',
        `GitOps-Target: ${target.key}`,
        '',
      ].join('\n'),
    );
  });
});
