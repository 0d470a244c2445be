// deliver names a step's inputs as the user wrote them: the step's own name with the vocabulary's prefix.
import { describe, expect, it } from '@jest/globals';
import { inUserNames } from '../../src/actions/deliver/settings.js';
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
