import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startManifestsWorld, TOKEN, type ManifestsWorld } from '../doubles/github-api/harness.js';
import { KubernetesApiDouble } from '../doubles/kubernetes-api/server.js';
import { createTrivyDouble, type TrivyDouble } from '../doubles/trivy/index.js';
import { git } from '../helpers/git.js';
import { errorLines, REPO_ROOT, runBundledAction } from '../helpers/run-action.js';
import { tempTree } from '../helpers/temp-dir.js';
import { testbed } from '../helpers/testbed.js';

// The root action (deliver) as a runner starts it, in pull mode: a real build and push on the test bed, then trivy
// and cosign stand-ins replaying recorded output, then a real pull request branch behind the GitHub API double.
const COSIGN_DOUBLE = fileURLToPath(new URL('../doubles/cosign/', import.meta.url));
const KEY = readFileSync(fileURLToPath(new URL('../fixtures/cosign/keys/cosign-test.key', import.meta.url)), 'utf8');
const REPO = 'acme/gitops-deliver';

let world: ManifestsWorld;
let trivy: TrivyDouble;
let workspace: string;
let image: string;

beforeAll(async () => {
  image = `${testbed.registry}/deliver/app`;
  world = await startManifestsWorld(REPO, {
    'apps/app/base/deployment.yaml': `kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: ${image}:0.1.0\n`,
  });
  trivy = await createTrivyDouble({ report: 'json/image-zero-vulns-sle-micro-5.4.json' });
  workspace = await tempTree({ 'cosign.key': KEY });
  await fs.cp(path.join(REPO_ROOT, 'examples/sample-app'), path.join(workspace, 'app'), { recursive: true });
});

afterAll(async () => {
  expect(world.double.schemaViolations()).toEqual([]);
  await world.double.stop();
});

function deliver(inputs: Record<string, string>, env: Record<string, string> = {}) {
  return runBundledAction(
    'deliver',
    {
      'delivery-mode': 'pull',
      image,
      'build-context': 'app',
      'build-args': 'BASE_IMAGE=local/busybox:1',
      'build-network': 'host',
      'build-tags': '1.0.0',
      'sign-method': 'key',
      'sign-private-key': 'cosign.key',
      'sign-private-key-password': '',
      'gitops-repository': REPO,
      manifests: 'apps/app',
      'gitops-token': TOKEN,
      ...inputs,
    },
    {
      workspace,
      env: {
        ...trivy.env,
        PATH: `${trivy.binDir}:${COSIGN_DOUBLE}:/usr/bin:${process.env.PATH}`,
        DOCKER_HOST: testbed.dockerHost,
        COSIGN_DOUBLE_LOG: path.join(workspace, 'cosign-calls.jsonl'),
        COSIGN_DOUBLE_SIGNED_DIGEST: 'argv',
        COSIGN_PASSWORD: '',
        GITHUB_API_URL: world.double.apiUrl,
        GITHUB_REPOSITORY: 'acme/api',
        GITHUB_SHA: 'c0ffee0000000000000000000000000000c0ffee',
        GITHUB_REF: 'refs/heads/main',
        GITHUB_RUN_ID: '7',
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_WORKFLOW_REF: 'acme/api/.github/workflows/release.yml@refs/heads/main',
        ...env,
      },
    },
  );
}

describe('deliver, pull mode', () => {
  it('builds, scans and signs the digest, then opens the GitOps pull request pinning it', async () => {
    const run = await deliver({});
    expect(errorLines(run)).toEqual([]);
    expect(run.exitCode).toBe(0);

    const { digest, 'image-ref': imageRef } = run.outputs;
    expect(imageRef).toBe(`${image}@${digest}`);
    const served = execFileSync('skopeo', ['inspect', '--tls-verify=false', `docker://${image}:1.0.0`], {
      encoding: 'utf8',
    });
    expect(JSON.parse(served).Digest).toBe(digest);

    // Every later step was given the digest, never a tag.
    const scans = (await trivy.calls()).filter((argv) => argv.includes('image'));
    expect(scans.flat().filter((arg) => arg.startsWith(image))).toEqual([imageRef]);
    const cosignCalls = (await fs.readFile(path.join(workspace, 'cosign-calls.jsonl'), 'utf8')).trim().split('\n');
    const signed = cosignCalls
      .map((line) => JSON.parse(line).argv)
      .filter((argv) => argv[0] === 'sign' || argv[0] === 'verify');
    expect(signed.map((argv) => argv.at(-1))).toEqual([imageRef, imageRef]);
    expect(run.outputs).toMatchObject({
      'scan-counts': expect.stringContaining('"CRITICAL":0'),
      'gitops-operation': 'created',
      'pull-request-number': '1',
      'build-tags': `${image}:1.0.0`,
      'build-tags-json': JSON.stringify([`${image}:1.0.0`]),
    });
    expect(run.outputs['sign-verify-command']).toContain(imageRef);

    // The pull request's head is a real branch whose manifest pins the digest.
    const [pull] = world.double.pullRequests(REPO);
    expect(pull?.state).toBe('open');
    const clone = await tempTree();
    git(clone, 'clone', '-q', '--branch', pull?.head as string, world.gitPath, '.');
    expect(await fs.readFile(path.join(clone, 'apps/app/base/deployment.yaml'), 'utf8')).toContain(
      `image: ${imageRef}\n`,
    );
  });

  it('checks every step before building: a bad hand-off input fails with nothing pushed or opened', async () => {
    const before = world.double.pullRequests(REPO).length;
    const run = await deliver({ image: `${testbed.registry}/deliver/never-built`, manifests: '' });
    expect(run.exitCode).toBe(1);
    expect(errorLines(run)).toEqual(['::error::Input "manifests" is required: name files, directories or globs.']);
    expect(world.double.pullRequests(REPO)).toHaveLength(before);
    expect(() =>
      execFileSync(
        'skopeo',
        ['inspect', '--tls-verify=false', `docker://${testbed.registry}/deliver/never-built:1.0.0`],
        {
          stdio: 'ignore',
        },
      ),
    ).toThrow();
  });

  it('refuses an unknown delivery-mode in one line', async () => {
    const run = await deliver({ 'delivery-mode': 'apply' });
    expect(run.exitCode).toBe(1);
    expect(errorLines(run)).toEqual([
      '::error::Input "delivery-mode" must be push (apply to the cluster) or pull (open a GitOps PR), got "apply".',
    ]);
  });

  it("names a step's input as the user wrote it, with deliver's step prefix", async () => {
    const run = await deliver({ image: `${testbed.registry}/deliver/never-built`, 'sign-method': 'kms' });
    expect(run.exitCode).toBe(1);
    expect(errorLines(run)).toEqual([
      expect.stringMatching(/^::error::Input "sign-method" must be one of keyless, key; got "kms"\.$/),
    ]);
    const severity = await deliver({ image: `${testbed.registry}/deliver/never-built`, 'scan-severity': 'HIHG' });
    expect(errorLines(severity)).toEqual([
      expect.stringMatching(/^::error::Input "scan-severity" has unknown severity "HIHG"/),
    ]);
    const token = await deliver({ image: `${testbed.registry}/deliver/never-built`, 'gitops-token': '' });
    expect(errorLines(token)).toEqual(['::error::Input "gitops-token" is required.']);
  });
});

describe('deliver, push mode', () => {
  let cluster: KubernetesApiDouble;
  let kubectlDir: string;

  beforeAll(async () => {
    cluster = await KubernetesApiDouble.start();
    cluster.seed({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'deliver' } });
    await fs.mkdir(path.join(workspace, 'deploy'));
    await fs.writeFile(
      path.join(workspace, 'deploy/deployment.yaml'),
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app}\nspec:\n  replicas: 1\n  selector: {matchLabels: {app: app}}\n  template:\n    metadata: {labels: {app: app}}\n    spec: {containers: [{name: app, image: "${image}:0.1.0"}]}\n`,
    );
    // The machine's real kubectl does every call; only its answer to `version --client` names the pinned release,
    // so the installer takes it from PATH instead of downloading (nothing can be downloaded here).
    kubectlDir = await tempTree({
      kubectl:
        '#!/bin/sh\nif [ "$1 $2" = "version --client" ]; then echo "Client Version: v1.34.3"; exit 0; fi\nexec /usr/bin/kubectl "$@"\n',
    });
    await fs.chmod(path.join(kubectlDir, 'kubectl'), 0o755);
  });

  afterAll(async () => {
    await cluster.stop();
  });

  it('builds, scans and signs, then applies the digest server-side and waits for the rollout', async () => {
    const run = await deliver(
      {
        'delivery-mode': 'push',
        manifests: 'deploy',
        'apply-namespace': 'deliver',
        'apply-kubeconfig': cluster.kubeconfig({ namespace: 'deliver' }),
        'gitops-repository': '',
        'gitops-token': '',
      },
      { PATH: `${kubectlDir}:${trivy.binDir}:${COSIGN_DOUBLE}:/usr/bin:${process.env.PATH}` },
    );
    expect(errorLines(run)).toEqual([]);
    expect(run.exitCode).toBe(0);
    const imageRef = run.outputs['image-ref'] as string;
    expect(imageRef).toMatch(new RegExp(`^${image}@sha256:[0-9a-f]{64}$`));
    expect(run.outputs['apply-status']).toBe('succeeded');
    expect(JSON.parse(run.outputs['apply-objects-json'] as string)).toContainEqual(
      expect.objectContaining({ kind: 'Deployment', namespace: 'deliver', name: 'app' }),
    );
    expect((run.outputs['apply-objects'] as string).split('\n')).toContain('Deployment/deliver/app');
    const applied = cluster.object('apps/v1', 'Deployment', 'deliver', 'app') as {
      spec: { template: { spec: { containers: { image: string }[] } } };
    };
    expect(applied.spec.template.spec.containers[0]?.image).toBe(imageRef);
    // The repository's manifest is untouched: the digest went into the rendered copy only.
    expect(await fs.readFile(path.join(workspace, 'deploy/deployment.yaml'), 'utf8')).toContain(`${image}:0.1.0`);
  });

  it('parses the kubeconfig before building: a bad one fails with nothing pushed or applied', async () => {
    const writesBefore = cluster.received.filter((request) => request.method !== 'GET').length;
    const run = await deliver({
      'delivery-mode': 'push',
      image: `${testbed.registry}/deliver/not-built`,
      manifests: 'deploy',
      'apply-kubeconfig': 'apiVersion: v1\nkind: Pod\n',
    });
    expect(run.exitCode).toBe(1);
    expect(errorLines(run)).toEqual([
      '::error::Input "apply-kubeconfig" is not a kubeconfig: its kind is "Pod", not Config.',
    ]);
    expect(cluster.received.filter((request) => request.method !== 'GET')).toHaveLength(writesBefore);
    expect(() =>
      execFileSync(
        'skopeo',
        ['inspect', '--tls-verify=false', `docker://${testbed.registry}/deliver/not-built:1.0.0`],
        {
          stdio: 'ignore',
        },
      ),
    ).toThrow();
  });
});
