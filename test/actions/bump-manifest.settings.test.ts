// bump-manifest's and open-gitops-pr's settings read the bump target the same way: the image, its pin, and the Flux
// policy or key paths that scope the edit.
import { describe, expect, it } from '@jest/globals';
import { readBumpManifestSettings } from '../../src/actions/bump-manifest/settings.js';
import { readOpenGitopsPrSettings } from '../../src/actions/open-gitops-pr/settings.js';
import { InputReader, inputsFromRecord } from '../../src/core/inputs.js';
import { testHost } from '../helpers/step-host.js';

const IMAGE = 'ghcr.io/acme/api:1.4.2';
const bump = (inputs: Record<string, string>) =>
  readBumpManifestSettings(new InputReader(inputsFromRecord({ 'image-ref': IMAGE, manifests: '.', ...inputs })), '/w');
const gitops = (inputs: Record<string, string>) =>
  readOpenGitopsPrSettings(
    new InputReader(
      inputsFromRecord({ 'image-ref': IMAGE, manifests: 'apps', token: 'ghs_x', repository: 'acme/gitops', ...inputs }),
    ),
    testHost(),
  );

describe('the bump target', () => {
  it('reads a Flux image policy and key paths', () => {
    expect(bump({ 'image-policy': 'flux-system:api' }).target).toMatchObject({
      imagePolicy: { namespace: 'flux-system', name: 'api' },
      imageKeys: [],
    });
    const rules = bump({ 'image-keys': 'values/*.yaml: repository=api.image.name tag=api.image.version' }).target
      .imageKeys;
    expect(rules).toHaveLength(1);
    expect(rules?.[0]?.keys).toEqual({ repository: ['api', 'image', 'name'], tag: ['api', 'image', 'version'] });
    expect(gitops({ 'image-policy': 'apps:web' }).target.imagePolicy).toEqual({ namespace: 'apps', name: 'web' });
  });

  it('refuses, in one line naming the input, a bad policy, bad key paths, or both at once', () => {
    expect(() => bump({ 'image-policy': 'api' })).toThrow(
      'Input "image-policy" must be <namespace>:<name> of a Flux ImagePolicy, got "api".',
    );
    expect(() => bump({ 'image-keys': 'tag=' })).toThrow(/^Input "image-keys"/);
    expect(() => gitops({ 'image-policy': 'flux-system:api', 'image-keys': 'tag=image.tag' })).toThrow(
      'Inputs "image-policy" and "image-keys" exclude each other',
    );
  });
});
