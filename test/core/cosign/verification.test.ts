import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseVerifyOutput, requireDigest } from '../../../src/core/cosign/verification.js';

const recorded = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../../fixtures/cosign/verify/${name}`, import.meta.url)), 'utf8');
const KEY_DIGEST = 'sha256:7a91c50d922925f152fec96ed1d84b7bc6b2079c169d68826f6cf307f22d40e6';
const GCP_DIGEST = 'sha256:a2b109fb9baea555556561317fdd13cef9c3dfac22c8f8fea0c5a0b06ece9d00';

describe('reading what cosign verify printed', () => {
  it('a key-verified signature whose "optional" is null', () => {
    expect(parseVerifyOutput(recorded('cosign-verify-key.stdout.json'))).toEqual([
      { digest: KEY_DIGEST, dockerReference: 'localhost:5000/tcpconnect' },
    ]);
  });

  it('the same run with its stderr header in front (as a terminal shows both streams)', () => {
    expect(parseVerifyOutput(recorded('cosign-verify-key.stderr+stdout.txt'))).toEqual([
      { digest: KEY_DIGEST, dockerReference: 'localhost:5000/tcpconnect' },
    ]);
  });

  it('a keyless signature, with the certificate subject and issuer', () => {
    expect(parseVerifyOutput(recorded('cosign-verify-keyless.stdout+stderr.txt'))).toEqual([
      {
        digest: GCP_DIGEST,
        dockerReference: 'us-central1-docker.pkg.dev/$PROJECT_ID/repo1/securebuild-bazel',
        subject: 'cosign-svc-account@$PROJECT_ID.iam.gserviceaccount.com',
        issuer: 'https://accounts.google.com',
      },
    ]);
  });

  it('a KMS-verified signature carrying an annotation', () => {
    expect(parseVerifyOutput(recorded('cosign-verify-kms-key.stdout+stderr.txt'))).toEqual([
      { digest: GCP_DIGEST, dockerReference: 'us-central1-docker.pkg.dev/$PROJECT_ID/repo1/securebuild-bazel' },
    ]);
  });

  it('refuses output that is not a JSON array of claims', () => {
    expect(() => parseVerifyOutput('Error: no signatures found')).toThrow('printed no JSON array');
    expect(() => parseVerifyOutput('[{"critical":{}}]')).toThrow('has no docker-manifest-digest');
  });
});

describe('requiring the signed digest', () => {
  const signatures = parseVerifyOutput(recorded('cosign-verify-key.stdout.json'));

  it('passes when every signature covers the digest', () => {
    expect(() => requireDigest(signatures, KEY_DIGEST, 'img')).not.toThrow();
  });

  it('fails for another digest, naming both', () => {
    expect(() => requireDigest(signatures, GCP_DIGEST, 'img')).toThrow(
      `cosign verify returned signatures of ${KEY_DIGEST}, not of the signed digest ${GCP_DIGEST} (img).`,
    );
  });

  it('fails when there is no signature at all', () => {
    expect(() => requireDigest([], KEY_DIGEST, 'img')).toThrow('cosign verify accepted no signature of img.');
  });
});
