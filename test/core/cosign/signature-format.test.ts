import { describe, expect, it } from '@jest/globals';
import { CosignVersion } from '../../../src/core/cosign/cosign-version.js';
import { signatureFormat, type SignatureFormatName } from '../../../src/core/cosign/signature-format.js';
import { ImageRef } from '../../../src/core/image-ref.js';

const DIGEST = `sha256:${'c'.repeat(64)}`;
const v = (text: string) => CosignVersion.parse(text);

describe('signature formats on cosign 2 and 3', () => {
  it.each([
    ['bundle', '3.0.6', [], [], true],
    ['bundle', '3.0.2', [], [], false],
    ['bundle', '2.6.1', ['--new-bundle-format=true', '--use-signing-config=true'], ['--new-bundle-format=true'], false],
    [
      'legacy',
      '3.0.6',
      ['--new-bundle-format=false', '--use-signing-config=false'],
      ['--new-bundle-format=false'],
      false,
    ],
    ['legacy', '2.2.4', [], [], false],
  ] as [SignatureFormatName, string, string[], string[], boolean][])(
    '%s on %s',
    (name, version, signFlags, verifyFlags, bundleFile) => {
      const format = signatureFormat(name, v(version));
      expect(format.signFlags()).toEqual(signFlags);
      expect(format.verifyFlags()).toEqual(verifyFlags);
      expect(format.writesBundleFile()).toBe(bundleFile);
    },
  );

  it('refuses the bundle format before cosign 2.6 and anything before cosign 2', () => {
    expect(() => signatureFormat('bundle', v('2.5.3'))).toThrow('needs cosign 2.6.0 or later, not 2.5.3');
    expect(() => signatureFormat('legacy', v('1.13.1'))).toThrow('cosign 1.13.1 is too old');
  });
});

describe('where the signature lives', () => {
  it('legacy: the .sig tag beside the image, spelled as the user spelled the repository', () => {
    const format = signatureFormat('legacy', v('3.0.6'));
    expect(format.signatureRef(ImageRef.parse(`ghcr.io/acme/api@${DIGEST}`))).toBe(
      `ghcr.io/acme/api:sha256-${'c'.repeat(64)}.sig`,
    );
    expect(format.signatureRef(ImageRef.parse(`127.0.0.1:5000/api@${DIGEST}`))).toBe(
      `127.0.0.1:5000/api:sha256-${'c'.repeat(64)}.sig`,
    );
  });

  it('bundle: the referrers query of the digest, on the registry API host', () => {
    const format = signatureFormat('bundle', v('3.0.6'));
    const query = `referrers/${DIGEST}?artifactType=application%2Fvnd.dev.sigstore.bundle.v0.3%2Bjson`;
    expect(format.signatureRef(ImageRef.parse(`ghcr.io/acme/api@${DIGEST}`))).toBe(
      `https://ghcr.io/v2/acme/api/${query}`,
    );
    expect(format.signatureRef(ImageRef.parse(`nginx@${DIGEST}`))).toBe(
      `https://registry-1.docker.io/v2/library/nginx/${query}`,
    );
    expect(format.signatureRef(ImageRef.parse(`localhost:5000/api@${DIGEST}`))).toBe(
      `http://localhost:5000/v2/api/${query}`,
    );
  });
});

describe('cosign versions', () => {
  it('compare numerically', () => {
    expect(v('3.0.10').atLeast('3.0.6')).toBe(true);
    expect(v('v2.6.0').atLeast('2.6.0')).toBe(true);
    expect(v('2.5.9').atLeast('2.6.0')).toBe(false);
    expect(() => v('latest')).toThrow('is not a cosign version');
  });
});
