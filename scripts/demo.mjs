// `npm run demo`: one local end-to-end delivery on the test bed, each step run from dist/ exactly as a runner runs it.
// build-multistage -> trivy-scan -> cosign-sign (each when its tool is available) -> bump-manifest on a GitOps repo
// seeded from examples/gitops -> hand-off: a branch pushed to the local git remote, and the pull request it would open.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT, runBundledAction } from './lib/runner.mjs';

const APP = 'sample-app';
// The Debian docker CLI (20.10) comes first: it has BuildKit built in; the test bed's engine speaks its API.
const PATH_WITH_DEBIAN_DOCKER = `/usr/bin:${process.env.PATH}`;
const GIT_IDENTITY = {
  GIT_AUTHOR_NAME: 'gitops-delivery demo',
  GIT_AUTHOR_EMAIL: 'demo@localhost',
  GIT_COMMITTER_NAME: 'gitops-delivery demo',
  GIT_COMMITTER_EMAIL: 'demo@localhost',
};

function heading(text) {
  console.log(`\n=== ${text}`);
}

function run(command, args, options = {}) {
  return execFileSync(command, args, { encoding: 'utf8', ...options, env: { ...process.env, ...options.env } }).trim();
}

function git(cwd, ...args) {
  return run('git', args, { cwd, env: GIT_IDENTITY });
}

function startTestbed() {
  heading('Local test bed: Docker Engine, OCI registry, git daemon on 127.0.0.1');
  execFileSync('bash', [path.join(REPO_ROOT, 'scripts/testbed.sh'), 'start'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const env = Object.fromEntries(
    run('bash', [path.join(REPO_ROOT, 'scripts/testbed.sh'), 'env'])
      .split('\n')
      .map((line) => line.split(/=(.*)/s, 2)),
  );
  console.log(`registry ${env.TESTBED_REGISTRY}, git ${env.TESTBED_GIT_URL}, docker ${env.DOCKER_HOST}`);
  return env;
}

/** Runs one action; stops the demo with its error when it fails. */
async function step(name, inputs, options) {
  heading(name);
  const result = await runBundledAction(name, inputs, { ...options, echo: true });
  if (result.exitCode !== 0) {
    console.error(`\n${name} failed (exit ${result.exitCode}); the demo stops here.`);
    process.exit(1);
  }
  return result.outputs;
}

/** The GitHub context a runner would give, from this checkout (a copy that is not a git checkout gets zeros). */
function sourceContext() {
  let sha = '0'.repeat(40);
  try {
    sha = run('git', ['rev-parse', 'HEAD'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    console.log('not a git checkout: the demo uses commit 0000000');
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
  const outputs = await step(
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
  console.log(`\ndigest:    ${outputs.digest}\nimage-ref: ${outputs['image-ref']}`);
  // The release tag with the digest: manifests stay readable and are pinned to exactly what was built.
  return `${testbed.TESTBED_REGISTRY}/demo/${APP}:1.0.0@${outputs.digest}`;
}

/** trivy and cosign cannot be downloaded here: each step runs only when its tool is already installed. */
function toolAvailable(tool) {
  try {
    run(tool, ['version']);
    return true;
  } catch {
    return false;
  }
}

async function scanAndSign(imageRef, context, testbed) {
  const env = { ...context, DOCKER_HOST: testbed.DOCKER_HOST };
  if (toolAvailable('trivy')) {
    await step('trivy-scan', { 'image-ref': imageRef, severity: 'CRITICAL,HIGH' }, { env });
  } else {
    heading('trivy-scan: skipped');
    console.log('trivy is not installed and this machine cannot download it; in CI the action installs the pinned,');
    console.log('hash-verified release, scans this digest and gates on severity.');
  }
  if (toolAvailable('cosign')) {
    await step('cosign-sign', { 'image-ref': imageRef, method: 'key', 'private-key': 'env://COSIGN_KEY' }, { env });
  } else {
    heading('cosign-sign: skipped');
    console.log('cosign is not installed and this machine cannot download it; in CI the action signs this digest');
    console.log('keylessly through GitHub OIDC (or with your key) and verifies the signature.');
  }
}

/** A bare repository on the git daemon with examples/gitops committed on main, the registry host filled in. */
function seedGitopsRepo(testbed) {
  heading('GitOps repository: seeded from examples/gitops');
  const bare = path.join(testbed.TESTBED_GIT_BASE, 'demo', 'gitops.git');
  const work = mkdtempSync(path.join(tmpdir(), 'demo-seed-'));
  cpSync(path.join(REPO_ROOT, 'examples', 'gitops'), work, { recursive: true });
  for (const file of readdirSync(work, { recursive: true })) {
    const full = path.join(work, file);
    if (!/\.ya?ml$/.test(file)) continue;
    writeFileSync(full, readFileSync(full, 'utf8').replaceAll('__REGISTRY__', testbed.TESTBED_REGISTRY));
  }
  rmSync(bare, { recursive: true, force: true });
  run('git', ['init', '-q', '--bare', '-b', 'main', bare]);
  git(work, 'init', '-q', '-b', 'main');
  git(work, 'add', '-A');
  git(work, 'commit', '-q', '-m', 'Seed from examples/gitops');
  git(work, 'push', '-q', `${testbed.TESTBED_GIT_URL}/demo/gitops.git`, 'main');
  console.log(`${testbed.TESTBED_GIT_URL}/demo/gitops.git (main)`);
  return `${testbed.TESTBED_GIT_URL}/demo/gitops.git`;
}

async function handOff(remote, imageRef, context) {
  const checkout = mkdtempSync(path.join(tmpdir(), 'demo-gitops-'));
  git(checkout, 'clone', '-q', '--depth', '1', remote, '.');
  const bump = await step(
    'bump-manifest',
    { 'image-ref': imageRef, manifests: `apps/${APP}` },
    { workspace: checkout },
  );
  const branch = `deliver/${APP}`;
  const [name, digest] = imageRef.split('@');
  const title = `Deliver ${name.split('/').at(-1)}`;
  const body = [
    `Points ${APP} at \`${imageRef}\`.`,
    '',
    `Source commit: ${context.GITHUB_SHA}`,
    `Changed files: ${bump.files.split('\n').join(', ')}`,
  ].join('\n');
  git(checkout, 'switch', '-q', '-c', branch);
  git(checkout, 'commit', '-q', '-a', '-m', `${title}\n\n${body}`);
  git(checkout, 'push', '-q', '--force-with-lease', 'origin', branch);

  heading('Hand-off');
  console.log(`pushed ${branch} to ${remote}: ${git(checkout, 'rev-parse', 'HEAD')}`);
  console.log(`image:  ${name}\ndigest: ${digest}\nchanged: ${bump.files.split('\n').join(', ')} (diff above)\n`);
  console.log('The pull request open-gitops-pr would open (base main):');
  console.log(`  title: ${title}\n  body:\n${body.replace(/^/gm, '    ')}`);
}

async function main() {
  if (!existsSync(path.join(REPO_ROOT, 'dist', 'bump-manifest', 'index.js'))) {
    throw new Error('dist/ is missing: run npm run build first');
  }
  const testbed = startTestbed();
  const context = sourceContext();
  const imageRef = await build(testbed, context);
  await scanAndSign(imageRef, context, testbed);
  const remote = seedGitopsRepo(testbed);
  await handOff(remote, imageRef, context);
  console.log('\nDone. Stop the test bed with: bash scripts/testbed.sh stop');
}

await main();
