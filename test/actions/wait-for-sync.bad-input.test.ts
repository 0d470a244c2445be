import { readdirSync, rmSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { readWaitForSyncSettings } from '../../src/actions/wait-for-sync/settings.js';
import { explainKubectlFailure } from '../../src/core/gitops-agent/kubernetes-reader.js';
import { InputReader, inputsFromRecord } from '../../src/core/inputs.js';
import { testHost } from '../helpers/step-host.js';
import { tempTree } from '../helpers/temp-dir.js';
import { runWaitForSync } from './wait-for-sync.harness.js';

const SHA = 'c'.repeat(40);
const read = (inputs: Record<string, string>) =>
  readWaitForSyncSettings(
    new InputReader(inputsFromRecord(inputs)),
    testHost({ env: { GITHUB_REPOSITORY: 'acme/gitops' } }),
  );
const flux = { agent: 'flux', 'flux-kustomization': 'flux-system/apps', revision: SHA };

describe('wait-for-sync bad input: one line naming the input', () => {
  it.each([
    [{ ...flux, agent: 'spinnaker' }, 'Input "agent" must be one of argocd, flux; got "spinnaker".'],
    [{ ...flux, revision: 'main' }, 'Input "revision" must be a full commit SHA (40 hex digits), got "main".'],
    [{ ...flux, revision: SHA.slice(0, 12) }, 'must be a full commit SHA'],
    [{ ...flux, 'pull-request': '12' }, 'Inputs "revision" and "pull-request" exclude each other'],
    [{ ...flux, revision: '', 'pull-request': '12' }, 'Input "token" is required with "pull-request"'],
    [
      { ...flux, revision: '', 'pull-request': 'x', token: 't0ken' },
      'Input "pull-request" must be a positive whole number',
    ],
    [{ ...flux, 'flux-kustomization': 'apps' }, 'Input "flux-kustomization" must be namespace/name'],
    [{ ...flux, 'flux-helm-release': 'flux-system/web' }, 'exclude each other'],
    [{ ...flux, 'argocd-application': 'web' }, 'Input "argocd-application" is only for agent: argocd'],
    [{ ...flux, 'image-ref': 'ghcr.io/acme/web:1.0' }, 'Input "image-ref" must name a digest'],
    [{ ...flux, timeout: 'soon' }, 'Input "timeout" must be a duration'],
    [{ agent: 'argocd', revision: SHA }, 'Input "argocd-application" is required with agent: argocd.'],
    [
      { agent: 'argocd', revision: SHA, 'argocd-application': 'web', 'argocd-server': 'https://argo' },
      'Input "argocd-token" is required',
    ],
    [
      { agent: 'argocd', revision: SHA, 'argocd-application': 'web', 'argocd-token': 'x' },
      'Input "argocd-token" is only for "argocd-server"',
    ],
    [
      {
        agent: 'argocd',
        revision: SHA,
        'argocd-application': 'web',
        'argocd-server': 'ftp://argo',
        'argocd-token': 'x',
      },
      'Input "argocd-server" must be an http(s) URL',
    ],
  ])('%j', (inputs, message) => {
    expect(() => read(inputs)).toThrow(message);
  });

  it('reads the defaults: 10m, 5s, no refresh; Argo CD apps in argocd through the Kubernetes API', () => {
    expect(read({ agent: 'argocd', revision: SHA.toUpperCase(), 'argocd-application': 'web' })).toMatchObject({
      awaited: { revision: SHA },
      target: { kind: 'argocd-kubernetes', namespace: 'argocd', name: 'web' },
      timeoutSeconds: 600,
      pollSeconds: 5,
      refresh: false,
    });
  });
});

describe('wait-for-sync with a kubeconfig that does not parse', () => {
  it('fails naming the input and leaves nothing in RUNNER_TEMP', async () => {
    const dir = await tempTree();
    try {
      const { error } = await runWaitForSync({ ...flux, kubeconfig: 'clusters: [' }, dir);
      expect((error as Error).message).toMatch(/^Input "kubeconfig" is not a kubeconfig/);
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('kubectl refusals', () => {
  const refused = (verb: string) =>
    'Error from server (Forbidden): kustomizations.kustomize.toolkit.fluxcd.io "apps" is forbidden: User ' +
    `"system:serviceaccount:ci:reader" cannot ${verb} resource "kustomizations" in API group ` +
    '"kustomize.toolkit.fluxcd.io" in the namespace "flux-system"\n';

  it.each([
    ['get', 'cannot be read: grant its user get, list and watch on them.'],
    // A refresh or reconcile request is an annotation: it needs patch, not read access.
    ['patch', 'cannot be asked to refresh: grant its user patch on them, or drop refresh.'],
  ])('name the verb (%s) and resource the kubeconfig may not use, and what to grant', (verb, advice) => {
    const error = explainKubectlFailure(
      { exitCode: 1, stdout: '', stderr: refused(verb) },
      'Kustomization flux-system/apps',
    );
    expect(error.message).toBe(
      `The kubeconfig may not ${verb} kustomizations.kustomize.toolkit.fluxcd.io in namespace flux-system (Forbidden), ` +
        `so Kustomization flux-system/apps ${advice}`,
    );
  });
});
