/**
 * Every default an action.yml declares is the one the code applies when the input is empty, as it is when a step
 * runs from the CLI, from deliver, or with `with: { input: '' }`: reading the settings with and without the declared
 * defaults gives the same settings. Defaults that are expressions (`${{ github.workspace }}`) are the runner's to fill.
 */
import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { placeholderOutputs, readDeliverSettings, stepInputs } from '../../src/actions/deliver/settings.js';
import type { StepHost } from '../../src/actions/host.js';
import { STEPS } from '../../src/actions/steps.js';
import { InputReader, inputsFromRecord } from '../../src/core/inputs.js';
import { readActionMetadata } from '../../scripts/docs-lib.mjs';
import { testHost } from '../helpers/step-host.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const DIGEST_REF = `ghcr.io/acme/api@sha256:${'a'.repeat(64)}`;

/** The least each action needs to read its settings at all. */
const REQUIRED: Record<keyof typeof STEPS, Record<string, string>> = {
  'build-multistage': { image: 'ghcr.io/acme/api' },
  'trivy-scan': { 'image-ref': DIGEST_REF },
  'cosign-sign': { 'image-ref': DIGEST_REF },
  'bump-manifest': { 'image-ref': 'ghcr.io/acme/api:1.0.0', manifests: '.' },
  'open-gitops-pr': { 'image-ref': 'ghcr.io/acme/api:1.0.0', manifests: '.', token: 'ghs_example' },
  'kubectl-apply': { manifests: 'Dockerfile' },
  'wait-for-sync': { agent: 'flux', 'flux-kustomization': 'flux-system/apps', revision: 'a'.repeat(40) },
};

// The sample app's folder holds a Dockerfile, so the default context and manifests paths resolve.
const HOST: StepHost = testHost({
  workspace: path.join(root, 'examples/sample-app'),
  env: {
    GITHUB_REPOSITORY: 'acme/api',
    GITHUB_WORKFLOW_REF: 'acme/api/.github/workflows/release.yml@refs/heads/main',
    ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.example',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'x',
  },
  tempDir: '/tmp',
});

function declaredDefaults(actionFile: string): Record<string, string> {
  const { inputs } = readActionMetadata('defaults', actionFile);
  return Object.fromEntries(
    Object.entries(inputs).flatMap(([name, input]) =>
      input.default === undefined || String(input.default).includes('${{') ? [] : [[name, String(input.default)]],
    ),
  );
}

const read = (values: Record<string, string>) => new InputReader(inputsFromRecord(values));

describe('action.yml defaults are the code defaults', () => {
  it.each(Object.keys(REQUIRED) as Array<keyof typeof STEPS>)('%s', (name) => {
    const defaults = declaredDefaults(path.join(root, 'actions', name, 'action.yml'));
    expect(Object.keys(defaults).length).toBeGreaterThan(0);
    const step = STEPS[name] as { read(inputs: InputReader, host: StepHost): unknown };
    const required = REQUIRED[name];
    expect(step.read(read({ ...defaults, ...required }), HOST)).toEqual(step.read(read(required), HOST));
  });

  it('deliver', () => {
    const defaults = declaredDefaults(path.join(root, 'action.yml'));
    const required = { 'delivery-mode': 'pull', image: 'ghcr.io/acme/api', manifests: '.', 'gitops-token': 'x' };
    // The raw inputs deliver hands on differ by construction; what it made of them must not.
    const settings = (inputs: Record<string, string>) => ({ ...readDeliverSettings(read(inputs)), inputs: undefined });
    expect(settings({ ...defaults, ...required })).toEqual(settings(required));
  });

  const base = { image: 'ghcr.io/acme/api', 'gitops-token': 'x' };
  it.each([
    ['push', { ...base, 'delivery-mode': 'push', manifests: 'Dockerfile' }],
    ['pull', { ...base, 'delivery-mode': 'pull', manifests: '.' }],
    [
      'pull with a wait',
      {
        ...base,
        'delivery-mode': 'pull',
        manifests: '.',
        'sync-agent': 'flux',
        'flux-kustomization': 'flux-system/apps',
      },
    ],
  ])('deliver, %s: every step reads the root defaults as its own', (_, required: Record<string, string>) => {
    const defaults = declaredDefaults(path.join(root, 'action.yml'));
    const chain = readDeliverSettings(read(required)).chain;
    expect(chain.length).toBeGreaterThan(3);
    for (const chainStep of chain) {
      const step = STEPS[chainStep.name] as { read(inputs: InputReader, host: StepHost): unknown };
      const settings = (values: Record<string, string>) => {
        const source = inputsFromRecord(values);
        return step.read(new InputReader(stepInputs(chainStep, source, placeholderOutputs(source))), HOST);
      };
      expect(settings({ ...defaults, ...required })).toEqual(settings(required));
    }
  });
});
