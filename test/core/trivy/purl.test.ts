import { describe, expect, it } from '@jest/globals';
import { type PackageUrl, packageUrlMatches, parsePackageUrl } from '../../../src/core/trivy/purl.js';

const purl = (text: string): PackageUrl => {
  const parsed = parsePackageUrl(text);
  if (!parsed) throw new Error(`not a purl: ${text}`);
  return parsed;
};

describe('package URLs', () => {
  it('parses the purls trivy writes into reports', () => {
    expect(purl('pkg:apk/alpine/musl@1.1.20-r4?arch=x86_64&distro=3.9.4')).toEqual({
      type: 'apk',
      namespace: 'alpine',
      name: 'musl',
      version: '1.1.20-r4',
      qualifiers: new Map([
        ['arch', 'x86_64'],
        ['distro', '3.9.4'],
      ]),
      subpath: '',
    });
    expect(purl('pkg:golang/github.com/docker/distribution@v2.7.1%2Bincompatible')).toMatchObject({
      namespace: 'github.com/docker',
      name: 'distribution',
      version: 'v2.7.1+incompatible',
    });
    expect(purl('pkg:npm/%40angular/core@1.0.0#lib/x')).toMatchObject({
      namespace: '@angular',
      name: 'core',
      subpath: 'lib/x',
    });
    expect(parsePackageUrl('lodash')).toBeUndefined();
    expect(parsePackageUrl('pkg:npm')).toBeUndefined();
  });

  it('matches as trivy does: version and qualifiers only when the constraint has them', () => {
    const musl = purl('pkg:apk/alpine/musl@1.1.20-r4?arch=x86_64&distro=3.9.4');
    expect(packageUrlMatches(purl('pkg:apk/alpine/musl'), musl)).toBe(true);
    expect(packageUrlMatches(purl('pkg:apk/alpine/musl@1.1.20-r4'), musl)).toBe(true);
    expect(packageUrlMatches(purl('pkg:apk/alpine/musl@1.1.20-r5'), musl)).toBe(false);
    expect(packageUrlMatches(purl('pkg:apk/alpine/musl?arch=x86_64'), musl)).toBe(true);
    expect(packageUrlMatches(purl('pkg:apk/alpine/musl?arch=aarch64'), musl)).toBe(false);
    expect(packageUrlMatches(purl('pkg:apk/alpine/musl-utils'), musl)).toBe(false);
    expect(packageUrlMatches(purl('pkg:deb/alpine/musl'), musl)).toBe(false);
  });
});
