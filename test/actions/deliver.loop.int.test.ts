/**
 * The GitOps loop end to end on the test bed (issue 11, section 4): deliver in pull mode, built from this tree and run
 * as a runner runs it, builds and pushes for real, opens the hand-off pull request behind the GitHub API double and
 * waits (sync-agent). The test merges the pull request as a reviewer would; the stand-in agent, watching the
 * manifests repository on the git daemon, renders the merge commit with real kustomize, applies it to the Kubernetes
 * API double and reports as Argo CD (its API double) or Flux (a Kustomization in the Kubernetes double) does.
 * A digest whose pods never start ends Degraded: deliver opens the revert, the test merges it, the agent runs it.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ArgoCdApiDouble } from '../doubles/argocd-api/server.js';
import { type ManifestsWorld, startManifestsWorld, TOKEN } from '../doubles/github-api/harness.js';
import { type AgentTarget, GitOpsAgent } from '../doubles/gitops-agent/agent.js';
import { KubernetesApiDouble } from '../doubles/kubernetes-api/server.js';
import { createTrivyDouble, type TrivyDouble } from '../doubles/trivy/index.js';
import { freshBundlesForThisFile, type StartedBundle, startBundle } from '../helpers/fresh-bundles.js';
import { git } from '../helpers/git.js';
import { errorLines, REPO_ROOT } from '../helpers/run-action.js';
import { tempTree } from '../helpers/temp-dir.js';
import { testbed } from '../helpers/testbed.js';

const bundles = freshBundlesForThisFile();
const COSIGN_DOUBLE = fileURLToPath(new URL('../doubles/cosign/', import.meta.url));
const KEY = readFileSync(fileURLToPath(new URL('../fixtures/cosign/keys/cosign-test.key', import.meta.url)), 'utf8');

// What one delivery may take on 2 shared cores: a build (35 s to a few minutes), then the wait for the merge and the
// sync. The wait is bounded by sync-timeout; the test's own waits for pull requests share the same budget.
const BUILD_BUDGET_MS = 8 * 60_000;
const SYNC_TIMEOUT_S = 300;
const ONE_DELIVERY_MS = BUILD_BUDGET_MS + SYNC_TIMEOUT_S * 1000;
// A rollback waits twice: the hand-off, then the revert.
const DELIVERY_WITH_ROLLBACK_MS = BUILD_BUDGET_MS + 2 * SYNC_TIMEOUT_S * 1000;

const manifests = (image: string): Record<string, string> => ({
  'apps/web/kustomization.yaml':
    'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - deployment.yaml\n',
  'apps/web/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: ${image}
`,
});

/** The manifests repository, the cluster and the agent that carries one into the other. */
interface Loop {
  world: ManifestsWorld;
  cluster: KubernetesApiDouble;
  agent: GitOpsAgent;
  /** deliver's inputs that name the agent. */
  syncInputs: Record<string, string>;
  stop(): Promise<void>;
}

/** Polls `read` until it returns a value, failing when `run` ended first or `ms` passed (what it saw in the error). */
async function until<T>(run: StartedBundle, read: () => T | undefined, what: string, ms: number): Promise<T> {
  let ended = false;
  void run.finished.then(() => (ended = true));
  const deadline = Date.now() + ms;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (ended || Date.now() > deadline) {
      throw new Error(`${ended ? 'deliver ended' : 'timed out'} before ${what}:\n${run.printed().slice(-4000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The open pull request numbered after `after`, once deliver has opened it. */
function openPullAfter(loop: Loop, repo: string, after: number) {
  return () =>
    loop.world.double.pullRequests(repo).find((pull) => pull.number > after && pull.state === 'open') ?? undefined;
}

// Each agent, its manifests repository, and the health wait-for-sync reports for a commit that runs well.
const AGENTS: ['argocd' | 'flux', string, string][] = [
  ['argocd', 'acme/gitops-loop-argocd', 'Healthy'],
  ['flux', 'acme/gitops-loop-flux', 'Ready=True'],
];

describe.each(AGENTS)('deliver in pull mode waits for %s to run the merged commit', (agentKind, repo, healthy) => {
  let trivy: TrivyDouble;
  let workspace: string;
  let kubectlDir: string;
  let loop: Loop;
  const image = `${testbed.registry}/loop/${agentKind}-web`;

  beforeAll(async () => {
    trivy = await createTrivyDouble({ report: 'json/image-zero-vulns-sle-micro-5.4.json' });
    workspace = await tempTree({ 'cosign.key': KEY });
    await fs.cp(path.join(REPO_ROOT, 'examples/sample-app'), path.join(workspace, 'app'), { recursive: true });
    // The machine's real kubectl does every call (Flux is read through the Kubernetes API); only its answer to
    // `version --client` names the pinned release, so the installer takes it from PATH (nothing downloads here).
    kubectlDir = await tempTree({
      kubectl:
        '#!/bin/sh\nif [ "$1 $2" = "version --client" ]; then echo "Client Version: v1.34.3"; exit 0; fi\nexec /usr/bin/kubectl "$@"\n',
    });
    await fs.chmod(path.join(kubectlDir, 'kubectl'), 0o755);
    loop = await startLoop(agentKind, repo, image);
  }, 120_000);

  afterAll(async () => {
    await loop?.stop();
    await fs.rm(workspace, { recursive: true, force: true });
    await fs.rm(kubectlDir, { recursive: true, force: true });
  });

  const deliver = (version: string) =>
    startBundle(
      bundles(),
      'deliver',
      {
        'delivery-mode': 'pull',
        image,
        'build-context': 'app',
        'build-args': `BASE_IMAGE=${testbed.pinnedBase}\nAPP_VERSION=${version}`,
        'build-network': 'host',
        'build-tags': version,
        'sign-method': 'key',
        'sign-private-key': 'cosign.key',
        'sign-private-key-password': '',
        'gitops-repository': repo,
        'gitops-token': TOKEN,
        'github-api-url': loop.world.double.apiUrl,
        manifests: 'apps/web',
        'sync-timeout': `${SYNC_TIMEOUT_S}s`,
        'sync-poll-interval': '1s',
        ...loop.syncInputs,
      },
      {
        workspace,
        env: {
          ...trivy.env,
          PATH: `${kubectlDir}:${trivy.binDir}:${COSIGN_DOUBLE}:/usr/bin:${process.env.PATH}`,
          DOCKER_HOST: testbed.dockerHost,
          COSIGN_DOUBLE_LOG: path.join(workspace, 'cosign-calls.jsonl'),
          COSIGN_DOUBLE_SIGNED_DIGEST: 'argv',
          COSIGN_PASSWORD: '',
          GITHUB_REPOSITORY: 'acme/api',
          GITHUB_SHA: 'c0ffee0000000000000000000000000000c0ffee',
          GITHUB_REF: 'refs/heads/main',
          GITHUB_RUN_ID: '11',
          GITHUB_SERVER_URL: 'https://github.com',
        },
      },
    );

  const deployedImage = () =>
    (
      loop.cluster.object('apps/v1', 'Deployment', 'default', 'web') as
        { spec: { template: { spec: { containers: { image: string }[] } } } } | undefined
    )?.spec.template.spec.containers[0]?.image;

  it(
    'builds, hands off, and succeeds once the agent runs the merge commit with the pushed digest',
    async () => {
      const run = deliver('1.0.0');
      const pull = await until(run, openPullAfter(loop, repo, 0), 'the hand-off pull request', ONE_DELIVERY_MS);
      // A reviewer merges while deliver waits: GitHub's merge button, a real merge commit on main.
      const merge = await loop.world.double.mergePullRequest(repo, pull.number);
      const result = await run.finished;

      expect(errorLines(result)).toEqual([]);
      expect(result.exitCode).toBe(0);
      const imageRef = result.outputs['image-ref'] as string;
      expect(imageRef).toMatch(new RegExp(`^${image}@sha256:[0-9a-f]{64}$`));
      expect(result.outputs).toMatchObject({
        'gitops-operation': 'created',
        'pull-request-number': String(pull.number),
        'sync-status': 'synced',
        'sync-revision': merge,
        'sync-health': healthy,
      });
      expect(git(loop.world.gitPath, 'rev-list', '--parents', '-1', merge).split(' ')).toHaveLength(3);
      expect(loop.agent.revision).toBe(merge);
      expect(deployedImage()).toBe(imageRef);
      expect(result.summary).toContain(merge.slice(0, 7));
    },
    ONE_DELIVERY_MS + 60_000,
  );

  it(
    'reverts a digest that ends Degraded, waits for the revert to run, and fails with sync-status rolled-back',
    async () => {
      const good = deployedImage() as string;
      const before = loop.world.double.pullRequests(repo).length;
      const run = deliver('2.0.0');
      const handOff = await until(run, openPullAfter(loop, repo, before), 'the hand-off pull request', ONE_DELIVERY_MS);
      // The new digest's pods never start (a crash at start-up, say): its rollout exceeds the progress deadline.
      const bad = /image: (\S+)/.exec(git(loop.world.gitPath, 'show', `${handOff.head}:apps/web/deployment.yaml`))?.[1];
      expect(bad).toMatch(new RegExp(`^${image}@sha256:`));
      loop.agent.breakImage(bad as string);
      const broken = await loop.world.double.mergePullRequest(repo, handOff.number);

      const revert = await until(
        run,
        openPullAfter(loop, repo, handOff.number),
        'the revert pull request',
        SYNC_TIMEOUT_S * 1000,
      );
      expect(revert.title).toMatch(/^Revert /);
      const reverted = await loop.world.double.mergePullRequest(repo, revert.number);
      const result = await run.finished;

      expect(result.exitCode).toBe(1);
      const errors = errorLines(result);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toContain(`The hand-off ${broken.slice(0, 12)} was reverted`);
      expect(errors[0]).toContain('sync-status rolled-back');
      expect(result.outputs).toMatchObject({
        'image-ref': bad,
        'sync-status': 'rolled-back',
        'sync-revision': broken,
        'gitops-operation': 'created',
        'pull-request-number': String(handOff.number),
      });
      // The agent runs the revert, and the cluster the digest that ran before.
      expect(loop.agent.revision).toBe(reverted);
      expect(deployedImage()).toBe(good);
      const restored = git(loop.world.gitPath, 'show', `${reverted}:apps/web/deployment.yaml`);
      expect(/image: (\S+)/.exec(restored)?.[1]).toBe(good);
    },
    DELIVERY_WITH_ROLLBACK_MS + 60_000,
  );
});

/** The manifests repository (the image at 0.1.0), the cluster, the agent's object, and the agent running main. */
async function startLoop(agentKind: 'argocd' | 'flux', repo: string, image: string): Promise<Loop> {
  const world = await startManifestsWorld(repo, manifests(`${image}:0.1.0`));
  const cluster = await KubernetesApiDouble.start();
  cluster.installGitOpsCustomResources();
  let argocd: ArgoCdApiDouble | undefined;
  let targets: AgentTarget[];
  let syncInputs: Record<string, string>;
  const repoURL = `${testbed.gitUrl}/${repo}.git`;
  if (agentKind === 'argocd') {
    argocd = await ArgoCdApiDouble.start();
    argocd.addApplication({ name: 'web', source: { repoURL, path: 'apps/web', targetRevision: 'main' } });
    targets = [{ kind: 'argocd-api', server: argocd, application: 'web' }];
    syncInputs = {
      'sync-agent': 'argocd',
      'argocd-server': argocd.url,
      'argocd-token': argocd.token,
      'argocd-application': 'web',
    };
  } else {
    cluster.seed({
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: { name: 'apps', namespace: 'flux-system' },
      spec: {
        interval: '1m',
        path: './apps/web',
        prune: true,
        sourceRef: { kind: 'GitRepository', name: 'flux-system' },
      },
    });
    targets = [{ kind: 'flux-kustomization', namespace: 'flux-system', name: 'apps' }];
    syncInputs = {
      'sync-agent': 'flux',
      'sync-kubeconfig': cluster.kubeconfig(),
      'flux-kustomization': 'flux-system/apps',
    };
  }
  const agent = await GitOpsAgent.start({ repository: repoURL, path: 'apps/web', cluster, targets, pollMs: 200 });
  const tip = git(world.gitPath, 'rev-parse', 'main');
  const deadline = Date.now() + 60_000;
  while (!agent.events.some((event) => event.sha === tip && event.step === 'settled')) {
    if (Date.now() > deadline) throw new Error(`the agent did not run ${tip}: ${agent.lastError ?? 'no error'}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    world,
    cluster,
    agent,
    syncInputs,
    async stop() {
      await agent.stop();
      expect(world.double.schemaViolations()).toEqual([]);
      if (argocd) expect(argocd.schemaViolations()).toEqual([]);
      await argocd?.stop();
      await world.double.stop();
      await cluster.stop();
    },
  };
}
