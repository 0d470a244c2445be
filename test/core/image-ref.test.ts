import { describe, expect, it } from '@jest/globals';
import { UserError } from '../../src/core/errors.js';
import { ImageRef } from '../../src/core/image-ref.js';

const DIGEST = `sha256:${'a'.repeat(64)}`;

describe('ImageRef.parse', () => {
  it.each([
    ['nginx', 'docker.io', 'library/nginx', undefined, undefined],
    ['nginx:1.25', 'docker.io', 'library/nginx', '1.25', undefined],
    ['docker.io/nginx', 'docker.io', 'library/nginx', undefined, undefined],
    ['index.docker.io/library/nginx:1', 'docker.io', 'library/nginx', '1', undefined],
    ['acme/api', 'docker.io', 'acme/api', undefined, undefined],
    ['ghcr.io/acme/api:v1.2.3', 'ghcr.io', 'acme/api', 'v1.2.3', undefined],
    [`ghcr.io/acme/api@${DIGEST}`, 'ghcr.io', 'acme/api', undefined, DIGEST],
    [`ghcr.io/acme/api:1.0@${DIGEST}`, 'ghcr.io', 'acme/api', '1.0', DIGEST],
    ['localhost:5000/app', 'localhost:5000', 'app', undefined, undefined],
    ['127.0.0.1:5000/team/app:latest', '127.0.0.1:5000', 'team/app', 'latest', undefined],
    ['GHCR.IO/acme/api', 'ghcr.io', 'acme/api', undefined, undefined],
    ['registry.example.com/a/b/c__d.e-f:x_Y.z-1', 'registry.example.com', 'a/b/c__d.e-f', 'x_Y.z-1', undefined],
  ])('%s', (text, registry, path, tag, digest) => {
    const ref = ImageRef.parse(text);
    expect([ref.registry, ref.path, ref.tag, ref.digest]).toEqual([registry, path, tag, digest]);
    expect(ref.toString()).toBe(text);
  });

  it('keeps the spelling of the name when the version changes', () => {
    expect(ImageRef.parse('nginx:1.0').withVersion({ tag: '1.1', digest: DIGEST })).toBe(`nginx:1.1@${DIGEST}`);
    expect(ImageRef.parse(`docker.io/library/nginx@${DIGEST}`).withVersion({ tag: '2' })).toBe(
      'docker.io/library/nginx:2',
    );
  });

  it.each([
    ['UPPER/case', 'must be lowercase'],
    ['acme/API', 'must be lowercase'],
    ['api:', 'tag after ":" is empty'],
    ['api@sha256:abc', 'digest must be "sha256:"'],
    [`api@sha512:${'a'.repeat(128)}`, 'digest must be "sha256:"'],
    [`api@sha256:${'A'.repeat(64)}`, 'digest must be'],
    ['my api:1', 'white space'],
    ['', 'empty'],
    [':1.0', 'repository name is empty'],
    ['acme//api', 'empty component'],
    ['acme/-api', 'not a valid repository path component'],
    ['api:-1', 'tag "-1"'],
    [`api:${'a'.repeat(129)}`, 'tag'],
    ['-bad.io/x', 'not a valid registry host'],
  ])('refuses %j', (text, problem) => {
    expect(() => ImageRef.parse(text)).toThrow(UserError);
    expect(() => ImageRef.parse(text)).toThrow(problem);
    expect(ImageRef.tryParse(text)).toBeUndefined();
  });

  it('matches on the normalized repository, never on a prefix', () => {
    const api = ImageRef.parse('ghcr.io/acme/api');
    for (const other of [
      'ghcr.io/acme/api-worker',
      'ghcr.io/acme/apis',
      'ghcr.io/acme/api/sub',
      'docker.io/acme/api',
      'acme/api',
    ]) {
      expect(api.sameRepository(ImageRef.parse(other))).toBe(false);
    }
    expect(api.sameRepository(ImageRef.parse('GHCR.io/acme/api:2'))).toBe(true);
    expect(ImageRef.parse('nginx').sameRepository(ImageRef.parse('docker.io/library/nginx:1'))).toBe(true);
    expect(ImageRef.parse('nginx').sameRepository(ImageRef.parse('library/nginx'))).toBe(true);
  });
});
