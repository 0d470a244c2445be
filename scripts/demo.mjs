// `npm run demo`: one delivery on the local test bed, both ways, each action run from its bundle as a runner runs it.
// Pull mode (GitOps): build -> scan -> sign -> open-gitops-pr opens a real pull request for staging on a GitHub API
// double -> merged -> a stand-in Argo CD syncs the merge commit into a Kubernetes API double -> wait-for-sync sees the
// commit and the digest running. Push mode: kubectl-apply applies the same digest to the Kubernetes API double.
// The doubles and stand-ins are the project's test doubles (TypeScript, loaded through scripts/lib/typescript-hooks.mjs).
// DEMO_BUNDLES names another folder of bundles than dist/ (the demo's test passes bundles built from the tree).
import { execFileSync, spawn } from 'node:child_process';
import {
  cpSync,
  createWriteStream,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseOutputFile, REPO_ROOT, runnerEnvironment } from './lib/runner.mjs';
import { registerTypeScript } from './lib/typescript-hooks.mjs';

registerTypeScript();

const APP = 'sample-app';
const GITOPS_REPO = 'demo/gitops';
const ENVIRONMENT = 'staging';
const TOKEN = 'ghs_DemoTokenForTheLocalGitHubDoubleOnly';
const BUNDLES = path.resolve(process.env.DEMO_BUNDLES ?? path.join(REPO_ROOT, 'dist'));
const LOGS = mkdtempSync(path.join(tmpdir(), 'gitops-demo-'));
const COSIGN_STAND_IN = path.join(REPO_ROOT, 'test/doubles/cosign');
const COSIGN_KEY = path.join(REPO_ROOT, 'test/fixtures/cosign/keys/cosign-test.key');
const TRIVY_REPORT = 'json/image-zero-vulns-sle-micro-5.4.json';
// The Debian docker CLI (20.10) comes first: it has BuildKit built in; the test bed's engine speaks its API.
const PATH_WITH_DEBIAN_DOCKER = `/usr/bin:${process.env.PATH}`;
const GIT_IDENTITY = {
  GIT_AUTHOR_NAME: 'gitops-delivery demo',
  GIT_AUTHOR_EMAIL: 'demo@localhost',
  GIT_COMMITTER_NAME: 'gitops-delivery demo',
  GIT_COMMITTER_EMAIL: 'demo@localhost',
};

let stepNumber = 0;

function heading(text) {
  console.log(`\n${++stepNumber}. ${text}`);
}

function say(text) {
  console.log(`   ${text.replace(/\n/g, '\n   ')}`);
}

function run(command, args, options = {}) {
  return execFileSync(command, args, { encoding: 'utf8', ...options, env: { ...process.env, ...options.env } }).trim();
}

function git(cwd, ...args) {
  return run('git', args, { cwd, env: GIT_IDENTITY });
}

function short(sha) {
  return sha.slice(0, 12);
}

function startTestbed() {
  heading('Local test bed: Docker Engine, OCI registry and git daemon on 127.0.0.1');
  execFileSync('bash', [path.join(REPO_ROOT, 'scripts/testbed.sh'), 'start'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const env = Object.fromEntries(
    run('bash', [path.join(REPO_ROOT, 'scripts/testbed.sh'), 'env'])
      .split('\n')
      .map((line) => line.split(/=(.*)/s, 2)),
  );
  say(`registry ${env.TESTBED_REGISTRY}, git ${env.TESTBED_GIT_URL}`);
  say(`every step's full output goes to ${LOGS}/`);
  return env;
}

/**
 * Runs `<bundles>/<name>/index.js` as a runner does (INPUT_* variables, its own output and summary files), its
 * output into a log file; stops the demo with the log's end when the step fails, unless `mayFail`.
 */
async function action(name, inputs, { env = {}, workspace, mayFail = false } = {}) {
  const { env: runnerEnv, dir } = runnerEnvironment(inputs, {
    ...(workspace ? { GITHUB_WORKSPACE: workspace } : {}),
    ...env,
  });
  const log = path.join(LOGS, `${String(stepNumber).padStart(2, '0')}-${name}.log`);
  const out = createWriteStream(log);
  const child = spawn(process.execPath, [path.join(BUNDLES, name, 'index.js')], {
    env: runnerEnv,
    cwd: workspace ?? dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(out, { end: false });
  child.stderr.pipe(out, { end: false });
  const exitCode = await new Promise((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  await new Promise((resolve) => out.end(resolve));
  const outputs = parseOutputFile(readFileSync(runnerEnv.GITHUB_OUTPUT, 'utf8'));
  const summary = readFileSync(runnerEnv.GITHUB_STEP_SUMMARY, 'utf8');
  rmSync(dir, { recursive: true, force: true });
  const printed = readFileSync(log, 'utf8');
  if (exitCode !== 0 && !mayFail) {
    console.error(`\n${name} failed (exit ${exitCode}); the demo stops here. The end of ${log}:`);
    console.error(printed.split('\n').slice(-30).join('\n'));
    process.exit(1);
  }
  return { exitCode, outputs, summary, printed, log };
}

/** The GitHub context a runner would give, from this checkout (a copy that is not a git checkout gets zeros). */
function sourceContext() {
  let sha = '0'.repeat(40);
  try {
    sha = run('git', ['rev-parse', 'HEAD'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    say('not a git checkout: the demo uses commit 0000000');
  }
  return {
    GITHUB_SHA: sha,
    GITHUB_REF: 'refs/heads/main',
    GITHUB_REF_NAME: 'main',
    GITHUB_REF_TYPE: 'branch',
    GITHUB_REPOSITORY: 'local/gitops-delivery-actions',
    GITHUB_SERVER_URL: 'http://localhost',
    GITHUB_RUN_ID: String(Date.now()),
  };
}

async function build(testbed, context) {
  heading(`build-multistage: examples/${APP}, pushed to the test bed's registry`);
  const { outputs } = await action(
    'build-multistage',
    {
      image: `${testbed.TESTBED_REGISTRY}/demo/${APP}`,
      context: path.join(REPO_ROOT, 'examples', APP),
      // The base by digest, as production builds should name it: a rerun then finds the image and builds nothing.
      'build-args': `BASE_IMAGE=${testbed.TESTBED_PINNED_BASE}\nAPP_VERSION=1.0.0`,
      tags: 'sha\nbranch\n1.0.0',
      network: 'host',
      push: 'true',
    },
    { env: { ...context, DOCKER_HOST: testbed.DOCKER_HOST, PATH: PATH_WITH_DEBIAN_DOCKER } },
  );
  console.log(`digest: ${outputs.digest}`);
  say(`tags:   ${outputs.tags.split('\n').join(', ')}`);
  // The release tag with the digest: manifests stay readable and are pinned to exactly what was built.
  return `${testbed.TESTBED_REGISTRY}/demo/${APP}:1.0.0@${outputs.digest}`;
}

/** trivy and cosign are stand-ins here (nothing downloads on the test bed): they replay recorded real outputs. */
async function scanAndSign(imageRef, context, testbed) {
  const { createTrivyDouble } = await import('../test/doubles/trivy/index.ts');
  const trivy = await createTrivyDouble({ report: TRIVY_REPORT });
  const workspace = mkdtempSync(path.join(tmpdir(), 'demo-sign-'));
  cpSync(COSIGN_KEY, path.join(workspace, 'cosign.key'));
  const env = {
    ...context,
    ...trivy.env,
    DOCKER_HOST: testbed.DOCKER_HOST,
    PATH: `${trivy.binDir}:${COSIGN_STAND_IN}:${process.env.PATH}`,
    COSIGN_DOUBLE_LOG: path.join(LOGS, 'cosign-calls.jsonl'),
    COSIGN_DOUBLE_SIGNED_DIGEST: 'argv',
    COSIGN_PASSWORD: '',
  };

  heading('trivy-scan: the digest, gated on CRITICAL and HIGH');
  const scan = await action('trivy-scan', { 'image-ref': imageRef, severity: 'CRITICAL,HIGH' }, { env, workspace });
  say(`counts: ${scan.outputs.counts} (trivy stand-in replaying test/fixtures/trivy/${TRIVY_REPORT})`);

  heading('cosign-sign: sign the digest with a key, then verify it');
  const sign = await action(
    'cosign-sign',
    { 'image-ref': imageRef, method: 'key', 'private-key': 'cosign.key', 'private-key-password': '' },
    { env, workspace },
  );
  say(`verified; anyone can check it with:\n  ${sign.outputs['verify-command']}`);
  say('(cosign stand-in: it records the calls and replays recorded cosign output)');
  rmSync(workspace, { recursive: true, force: true });
}

/** A bare repository on the git daemon with examples/gitops committed on main, the registry host filled in. */
function seedGitopsRepo(testbed) {
  heading(`GitOps repository ${GITOPS_REPO}: seeded from examples/gitops`);
  const bare = path.join(testbed.TESTBED_GIT_BASE, `${GITOPS_REPO}.git`);
  const work = mkdtempSync(path.join(tmpdir(), 'demo-seed-'));
  cpSync(path.join(REPO_ROOT, 'examples', 'gitops'), work, { recursive: true });
  for (const file of readdirSync(work, { recursive: true })) {
    const full = path.join(work, file);
    if (!/\.ya?ml$/.test(file)) continue;
    writeFileSync(full, readFileSync(full, 'utf8').replaceAll('__REGISTRY__', testbed.TESTBED_REGISTRY));
  }
  rmSync(bare, { recursive: true, force: true });
  run('git', ['init', '-q', '--bare', '-b', 'main', bare]);
  // As GitHub serves it: partial clones, and the blobs they lack fetched later.
  git(bare, 'config', 'uploadpack.allowFilter', 'true');
  git(bare, 'config', 'uploadpack.allowAnySHA1InWant', 'true');
  git(work, 'init', '-q', '-b', 'main');
  git(work, 'add', '-A');
  git(work, 'commit', '-q', '-m', 'Seed from examples/gitops');
  git(work, 'push', '-q', bare, 'main');
  rmSync(work, { recursive: true, force: true });
  say(`${testbed.TESTBED_GIT_URL}/${GITOPS_REPO}.git, main at ${short(git(bare, 'rev-parse', 'main'))}`);
  return bare;
}

/** The GitHub API double serving the GitOps repository, the Kubernetes API double, Argo CD and its stand-in agent. */
async function startPlatform(testbed, bare) {
  const { GitHubApiDouble } = await import('../test/doubles/github-api/github-api-double.ts');
  const { KubernetesApiDouble } = await import('../test/doubles/kubernetes-api/server.ts');
  const { ArgoCdApiDouble } = await import('../test/doubles/argocd-api/server.ts');
  const { GitOpsAgent } = await import('../test/doubles/gitops-agent/agent.ts');

  heading(`A GitHub API, a Kubernetes cluster and Argo CD, all local doubles`);
  const github = await GitHubApiDouble.start({
    gitBase: testbed.TESTBED_GIT_BASE,
    gitDaemonUrl: testbed.TESTBED_GIT_URL,
  });
  github.addToken(TOKEN, 'gitops-bot[bot]');
  github.addRepository(GITOPS_REPO);
  const cluster = await KubernetesApiDouble.start();
  cluster.installGitOpsCustomResources();
  cluster.seed({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ENVIRONMENT } });
  const argocd = await ArgoCdApiDouble.start();
  const application = `${APP}-${ENVIRONMENT}`;
  const repoURL = `${testbed.TESTBED_GIT_URL}/${GITOPS_REPO}.git`;
  const source = { repoURL, path: `apps/${APP}/${ENVIRONMENT}`, targetRevision: 'main' };
  argocd.addApplication({ name: application, source });
  const agent = await GitOpsAgent.start({
    repository: repoURL,
    path: source.path,
    cluster,
    targets: [{ kind: 'argocd-api', server: argocd, application }],
    namespace: ENVIRONMENT,
    pollMs: 500,
    healthyAfterMs: 1000,
  });
  const seed = git(bare, 'rev-parse', 'main');
  await until(() => agent.events.some((event) => event.sha === seed && event.step === 'settled'), 'Argo CD', agent);
  say(`GitHub API  ${github.apiUrl} (repository ${GITOPS_REPO})`);
  say(`Kubernetes  ${cluster.url}`);
  say(`Argo CD     ${argocd.url}: application ${application} follows ${source.path} on main`);
  say(`            it runs ${short(seed)} (Synced, Healthy); the stand-in agent polls the git daemon`);
  return { github, cluster, argocd, agent, application };
}

async function until(done, what, agent, ms = 60_000) {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline)
      throw new Error(
        `${what} did not get there in ${ms / 1000} s: ${agent?.lastError ?? JSON.stringify(agent?.events)}`,
      );
    await sleep(100);
  }
}

async function openPullRequest(platform, bare, imageRef, context) {
  heading(`open-gitops-pr: propose the digest for ${ENVIRONMENT} only`);
  const { outputs } = await action(
    'open-gitops-pr',
    {
      token: TOKEN,
      repository: GITOPS_REPO,
      'github-api-url': platform.github.apiUrl,
      'image-ref': imageRef,
      manifests: `apps/${APP}/${ENVIRONMENT}`,
    },
    { env: context },
  );
  const pull = platform.github
    .pullRequests(GITOPS_REPO)
    .find((item) => String(item.number) === outputs['pull-request-number']);
  console.log(`pull request #${outputs['pull-request-number']} ${outputs.operation}: ${pull.title}`);
  say(`${outputs['pull-request-url']}`);
  say(`branch ${outputs.branch} -> main, head ${short(outputs['head-sha'])}`);
  const changed = git(bare, 'diff', '--unified=0', `main...${outputs['head-sha']}`)
    .split('\n')
    .filter((line) => /^[-+][^-+]/.test(line));
  say(`changed lines (staging kustomization; production untouched):\n${changed.map((line) => `  ${line}`).join('\n')}`);
  return Number(outputs['pull-request-number']);
}

async function mergeAndWait(platform, pull, imageRef, context) {
  heading(`wait-for-sync: until Argo CD runs the merge commit of #${pull} and the digest is live`);
  const waiting = action(
    'wait-for-sync',
    {
      agent: 'argocd',
      'argocd-server': platform.argocd.url,
      'argocd-token': platform.argocd.token,
      'argocd-application': platform.application,
      'pull-request': String(pull),
      repository: GITOPS_REPO,
      token: TOKEN,
      'github-api-url': platform.github.apiUrl,
      'image-ref': imageRef,
      'poll-interval': '1s',
      timeout: '3m',
    },
    { env: context },
  );
  // A reviewer merges while the step waits, with GitHub's merge button: a merge commit on main.
  await sleep(2000);
  const merge = await platform.github.mergePullRequest(GITOPS_REPO, pull);
  say(`while it waited, a reviewer merged #${pull}: merge commit ${merge}`);
  const { outputs, summary, printed } = await waiting;
  for (const line of printed.split('\n').filter((text) => /^(Waiting for|Pull request #|Argo CD)/.test(text))) {
    say(`> ${line}`);
  }
  console.log(`wait-for-sync: ${outputs.status}, revision ${outputs.revision}, health ${outputs.health}`);
  say('timeline (from its job summary):');
  for (const [, event, at] of summary.matchAll(/^\| ([^|]+?) \| (\d{4}-[^|]+?) \|$/gm)) say(`  ${at}  ${event}`);
  if (outputs['lead-time-seconds']) say(`lead time (source commit to healthy): ${outputs['lead-time-seconds']} s`);
  say(`Argo CD ran ${short(outputs['previous-revision'] ?? '')} before: what a rollback would go back to`);
  const live = platform.cluster.object('apps/v1', 'Deployment', ENVIRONMENT, APP);
  say(`the cluster runs ${live?.spec?.template?.spec?.containers?.[0]?.image} in ${ENVIRONMENT}`);
}

/** Push mode: the same digest applied straight to the cluster, no GitOps repository in between. */
async function pushMode(platform, testbed, imageRef, context) {
  heading('Push mode: kubectl-apply of the base manifests with the digest, server-side, then a rollout wait');
  const workspace = mkdtempSync(path.join(tmpdir(), 'demo-push-'));
  git(workspace, 'clone', '-q', `${testbed.TESTBED_GIT_URL}/${GITOPS_REPO}.git`, '.');
  // The machine's kubectl (1.32) does every call; only its answer to `version --client` names the release the action
  // pins, so the action takes it from PATH instead of downloading (nothing downloads on the test bed).
  const { RELEASES } = await import('../src/core/tool-versions.ts');
  const bin = mkdtempSync(path.join(tmpdir(), 'demo-kubectl-'));
  writeFileSync(
    path.join(bin, 'kubectl'),
    `#!/bin/sh\nif [ "$1 $2" = "version --client" ]; then echo "Client Version: v${RELEASES.kubectl.defaultVersion}"; exit 0; fi\nexec /usr/bin/kubectl "$@"\n`,
    { mode: 0o755 },
  );
  const { outputs } = await action(
    'kubectl-apply',
    {
      manifests: `apps/${APP}/base`,
      'image-refs': imageRef,
      namespace: 'demo-push',
      'create-namespace': 'true',
      kubeconfig: platform.cluster.kubeconfig(),
      timeout: '2m',
    },
    { env: { ...context, PATH: `${bin}:${process.env.PATH}` }, workspace },
  );
  const live = platform.cluster.object('apps/v1', 'Deployment', 'demo-push', APP);
  console.log(`kubectl-apply: ${outputs.status}; applied ${outputs.objects.split('\n').join(', ')}`);
  say(`the cluster runs ${live?.spec?.template?.spec?.containers?.[0]?.image} in demo-push`);
  say('the manifests repository is untouched: the digest went into the rendered copy only');
  rmSync(workspace, { recursive: true, force: true });
  rmSync(bin, { recursive: true, force: true });
}

async function main() {
  for (const name of [
    'build-multistage',
    'trivy-scan',
    'cosign-sign',
    'open-gitops-pr',
    'wait-for-sync',
    'kubectl-apply',
  ]) {
    if (!existsSync(path.join(BUNDLES, name, 'index.js'))) {
      throw new Error(`${BUNDLES}/${name}/index.js is missing: run npm run build first`);
    }
  }
  const testbed = startTestbed();
  const context = sourceContext();
  const imageRef = await build(testbed, context);
  await scanAndSign(imageRef, context, testbed);
  const bare = seedGitopsRepo(testbed);
  const platform = await startPlatform(testbed, bare);
  try {
    const pull = await openPullRequest(platform, bare, imageRef, context);
    await mergeAndWait(platform, pull, imageRef, context);
    await pushMode(platform, testbed, imageRef, context);
  } finally {
    await platform.agent.stop();
    await platform.argocd.stop();
    await platform.github.stop();
    await platform.cluster.stop();
  }
  console.log(`\nDone. Logs in ${LOGS}. Stop the test bed with: bash scripts/testbed.sh stop`);
}

await main();
