import { beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeKey, readSigningKey, requirePasswordIfNeeded } from '../../../src/core/cosign/signing-key.js';
import { tempTree } from '../../helpers/temp-dir.js';

const key = (name: string): string =>
  readFileSync(fileURLToPath(new URL(`../../fixtures/cosign/keys/${name}`, import.meta.url)), 'utf8');

let workspace: string;
beforeAll(async () => {
  workspace = await tempTree({ 'cosign.key': key('cosign-test.key') });
});

describe('reading the key input', () => {
  it('a file, relative to the workspace; encrypted by its PEM label', () => {
    const signingKey = readSigningKey('cosign.key', workspace, {});
    expect(signingKey).toMatchObject({ kind: 'file', reference: path.join(workspace, 'cosign.key'), encrypted: true });
  });

  it('a variable, as env://NAME or as the bare name', () => {
    const env = { SIGNING_KEY: key('sigstore-rs-cosign-generated-encrypted-empty-password.key') };
    for (const value of ['env://SIGNING_KEY', 'SIGNING_KEY']) {
      expect(readSigningKey(value, workspace, env)).toMatchObject({
        kind: 'env',
        reference: 'env://SIGNING_KEY',
        encrypted: true,
      });
    }
  });

  it('PEM text, handed over through COSIGN_PRIVATE_KEY', () => {
    const signingKey = readSigningKey(key('cosign-test.key'), workspace, {});
    expect(signingKey).toMatchObject({ kind: 'inline', reference: 'env://COSIGN_PRIVATE_KEY', encrypted: true });
    expect(describeKey(signingKey)).toBe('given inline');
  });

  it.each([
    'awskms:///alias/signer',
    'gcpkms://projects/p/locations/l/keyRings/r/cryptoKeys/k',
    'azurekms://vault.vault.azure.net/signer',
    'hashivault://signer',
    'k8s://ci/cosign',
  ])('a KMS URI %s, which needs no password', (uri) => {
    const signingKey = readSigningKey(uri, workspace, {});
    expect(signingKey).toEqual({ kind: 'kms', reference: uri, encrypted: false });
    expect(() => requirePasswordIfNeeded(signingKey, undefined, {})).not.toThrow();
  });
});
