import { describe, expect, it } from '@jest/globals';
import { imageCreated, imageLabels } from '../../../src/core/build/labels.js';
import { parseTagRules, resolveTags, sanitizeTag, semverTags, versionOf } from '../../../src/core/build/tags.js';
import { ImageRef } from '../../../src/core/image-ref.js';
import type { RunContext } from '../../../src/core/run-context.js';

const SHA = '9fceb02d0ae598e95dc970b74767f19372d61af8';
type Source = Pick<RunContext, 'sha' | 'ref' | 'defaultBranch' | 'repository' | 'serverUrl'>;
const CREATED = new Date('2024-01-02T03:04:05Z');
const source = (ref: string, extra: Partial<Source> = {}): Source => ({
  sha: SHA,
  ref,
  defaultBranch: 'main',
  serverUrl: 'https://github.com',
  ...extra,
});
const defaultTags = (context: Source) => resolveTags(parseTagRules([], 'tags'), context);

describe('default tag rules', () => {
  it('tags the default branch with its name, the commit and latest', () => {
    expect(defaultTags(source('refs/heads/main'))).toEqual(['main', 'sha-9fceb02', 'latest']);
  });

  it('gives other branches no latest, and a tag-safe name', () => {
    expect(defaultTags(source('refs/heads/feature/Login+SSO'))).toEqual(['feature-Login-SSO', 'sha-9fceb02']);
  });

  it('tags a vX.Y.Z tag ref with X.Y.Z, X.Y and X, and never latest', () => {
    expect(defaultTags(source('refs/tags/v1.4.2'))).toEqual(['1.4.2', '1.4', '1', 'sha-9fceb02']);
  });

  it('tags a pre-release only with its full version', () => {
    expect(defaultTags(source('refs/tags/v2.0.0-rc.1'))).toEqual(['2.0.0-rc.1', 'sha-9fceb02']);
  });

  it('gives a pull request the commit tag only, and pr-N on request', () => {
    expect(defaultTags(source('refs/pull/42/merge'))).toEqual(['sha-9fceb02']);
    expect(resolveTags(parseTagRules(['pr', 'sha'], 'tags'), source('refs/pull/42/merge'))).toEqual([
      'pr-42',
      'sha-9fceb02',
    ]);
  });

  it('gives no latest when the default branch is unknown', () => {
    expect(defaultTags(source('refs/heads/main', { defaultBranch: undefined }))).toEqual(['main', 'sha-9fceb02']);
  });
});

describe('tag rules and raw tags', () => {
  it('keeps the order given and drops repeats', () => {
    const rules = parseTagRules(['stable', 'branch', 'main', 'raw:latest', 'sha'], 'tags');
    expect(resolveTags(rules, source('refs/heads/main'))).toEqual(['stable', 'main', 'latest', 'sha-9fceb02']);
  });

  it('refuses an entry that is neither a rule nor a tag', () => {
    expect(() => parseTagRules(['v1/beta'], 'tags')).toThrow(
      'Input "tags": "v1/beta" is neither a rule (semver, branch, pr, sha, latest) nor a valid tag',
    );
    expect(() => parseTagRules(['raw:-x'], 'tags')).toThrow('"raw:-x" is neither a rule');
  });

  it('refuses rules that give no tag, and sha without a commit', () => {
    expect(() => resolveTags(parseTagRules(['semver'], 'tags'), source('refs/heads/main'))).toThrow(
      'No tag applies to ref "refs/heads/main" with the rules semver: add sha or a plain tag to "tags".',
    );
    expect(() => defaultTags(source('refs/heads/dev', { sha: undefined }))).toThrow(
      'The tag rule "sha" needs the commit (GITHUB_SHA)',
    );
  });

  it.each([
    ['v1.2.3', ['1.2.3', '1.2', '1']],
    ['1.2.3', ['1.2.3', '1.2', '1']],
    ['v0.9.0', ['0.9.0', '0.9', '0']],
    ['v1.2.3+build.7', ['1.2.3', '1.2', '1']],
    ['v1.2', []],
    ['release-7', []],
    ['v01.2.3', []],
  ])('semver tags of %s', (tag, expected) => expect(semverTags(tag)).toEqual(expected));

  it('makes a branch name tag-safe', () => {
    expect(sanitizeTag('.hidden/Feature #12')).toBe('hidden-Feature--12');
    expect(sanitizeTag('x'.repeat(200))).toHaveLength(128);
  });

  it('takes the first tag but latest as the version', () => {
    expect(versionOf(['latest', 'main', 'sha-1'])).toBe('main');
    expect(versionOf(['latest'])).toBe('latest');
  });
});

describe('imageLabels', () => {
  const image = ImageRef.parse('ghcr.io/acme/api');

  it('sets the OCI labels from the source, extra labels winning', () => {
    const labels = imageLabels(
      image,
      source('refs/heads/main', { repository: 'acme/api-server', serverUrl: 'https://github.example.com' }),
      CREATED,
      '1.4.2',
      new Map([['org.opencontainers.image.title', 'API']]),
    );
    expect(labels).toEqual({
      'org.opencontainers.image.source': 'https://github.example.com/acme/api-server',
      'org.opencontainers.image.revision': SHA,
      'org.opencontainers.image.created': '2024-01-02T03:04:05.000Z',
      'org.opencontainers.image.version': '1.4.2',
      'org.opencontainers.image.title': 'API',
    });
  });

  it('leaves out what the context cannot tell, and names the image after its repository', () => {
    const labels = imageLabels(image, { serverUrl: 'https://github.com' }, new Date(0), '', new Map());
    expect(labels).toEqual({
      'org.opencontainers.image.created': '1970-01-01T00:00:00.000Z',
      'org.opencontainers.image.title': 'api',
    });
  });
});

describe('imageCreated', () => {
  it('is SOURCE_DATE_EPOCH when set (reproducible builds), else the time given', () => {
    const now = new Date('2025-06-01T00:00:00Z');
    expect(imageCreated({ SOURCE_DATE_EPOCH: '1700000000' }, now)).toEqual(new Date(1700000000 * 1000));
    expect(imageCreated({}, now)).toBe(now);
    expect(imageCreated({ SOURCE_DATE_EPOCH: 'yesterday' }, now)).toBe(now);
  });
});
