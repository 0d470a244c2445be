// deliver names a step's inputs as the user wrote them: the step's own name with the vocabulary's prefix.
import { describe, expect, it } from '@jest/globals';
import { inUserNames, readDeliverSettings } from '../../src/actions/deliver/settings.js';
import { InputReader, inputsFromRecord } from '../../src/core/inputs.js';
import { STEPS } from '../../src/actions/steps.js';

const cosign = (message: string) => inUserNames(message, 'cosign-sign', STEPS['cosign-sign'].inputs);
const gitops = (message: string) => inUserNames(message, 'open-gitops-pr', STEPS['open-gitops-pr'].inputs);

describe("deliver's errors", () => {
  it('rename quoted input names and names written as name: value', () => {
    expect(cosign('Input "private-key" is for method: key; remove it or set method: key.')).toBe(
      'Input "sign-private-key" is for sign-method: key; remove it or set sign-method: key.',
    );
    expect(cosign('set input "private-key-password" (or COSIGN_PASSWORD in env)')).toBe(
      'set input "sign-private-key-password" (or COSIGN_PASSWORD in env)',
    );
    expect(gitops('Input "branch" is the base, main: name another branch, or use publish-method: push.')).toBe(
      'Input "gitops-branch" is the base, main: name another branch, or use gitops-publish-method: push.',
    );
    expect(gitops('Input "token" is required.')).toBe('Input "gitops-token" is required.');
  });

  it('leave other words alone, also where they contain an input name', () => {
    expect(gitops('Base branch "main" does not exist in acme/gitops; the image-ref-like text stays.')).toBe(
      'Base branch "main" does not exist in acme/gitops; the image-ref-like text stays.',
    );
    expect(cosign('a keyless-method: key')).toBe('a keyless-method: key');
    const apply = inUserNames('Input "kubeconfig" is not a kubeconfig: its kind is "Pod".', 'kubectl-apply', [
      'kubeconfig',
    ]);
    expect(apply).toBe('Input "apply-kubeconfig" is not a kubeconfig: its kind is "Pod".');
    expect(cosign('method: key needs input "private-key"')).toBe('sign-method: key needs input "sign-private-key"');
  });
});

describe("deliver's sign-method", () => {
  const read = (method: string) =>
    readDeliverSettings(
      new InputReader(inputsFromRecord({ 'delivery-mode': 'pull', image: 'ghcr.io/acme/api', 'sign-method': method })),
    );

  it('refuses verify-only: deliver hands on only an image it signed', () => {
    expect(() => read('verify-only')).toThrow(
      'Input "sign-method" must be keyless or key: deliver signs the image it delivers.',
    );
    expect(() => read('kms')).toThrow('Input "sign-method" must be one of keyless, key; got "kms".');
    expect(read('key').mode).toBe('pull');
  });
});
