/**
 * A manifests repository on the test bed's git daemon, served by a GitHub API double, and a way to run
 * open-gitops-pr against them in-process, the way tests and benchmarks use them.
 */
import { git } from '../../helpers/git.js';
import { createBareRepo, testbed } from '../../helpers/testbed.js';
import { inputsFromRecord, InputReader } from '../../../src/core/inputs.js';
import {
  openGitopsPr,
  type OpenGitopsPrSeams,
  type OpenGitopsPrResult,
} from '../../../src/actions/open-gitops-pr/run.js';
import { readOpenGitopsPrSettings } from '../../../src/actions/open-gitops-pr/settings.js';
import { GitHubApiDouble, type GitHubApiDoubleOptions, type TokenAccess } from './github-api-double.js';
import { testHost } from '../../helpers/step-host.js';

export const TOKEN = 'ghs_TestTokenForTheDoubleOnly0123456789';

/** Pauses short enough for tests: retries after 10-80 ms instead of 0.5-10 s, rate-limit waits in ms not s. */
export const FAST = { racePolicy: { baseDelayMs: 10, maxDelayMs: 80 }, waitUnitMs: 5 };

export interface ManifestsWorld {
  double: GitHubApiDouble;
  /** owner/name */
  repository: string;
  /** The bare repository's folder. */
  gitPath: string;
}

/** A bare repository `<fullName>` holding `files` on main, served by a new double that knows TOKEN (all rights). */
export async function startManifestsWorld(
  fullName: string,
  files: Record<string, string>,
  options: Partial<GitHubApiDoubleOptions> & { access?: TokenAccess } = {},
): Promise<ManifestsWorld> {
  const bare = await createBareRepo(fullName, files);
  // As on GitHub: partial clones (--filter=blob:none) and fetching the blobs they lack later.
  git(bare.path, 'config', 'uploadpack.allowFilter', 'true');
  git(bare.path, 'config', 'uploadpack.allowAnySHA1InWant', 'true');
  const double = await GitHubApiDouble.start({ gitBase: testbed.gitBase, gitDaemonUrl: testbed.gitUrl, ...options });
  double.addToken(TOKEN, 'gitops-bot[bot]', options.access);
  double.addRepository(fullName);
  return { double, repository: fullName, gitPath: bare.path };
}

export interface ActionRun {
  result: OpenGitopsPrResult;
  outputs: Record<string, string>;
}

/** Runs the action in this process with these inputs (token, repository and API URL filled in). */
export async function runOpenGitopsPr(
  world: ManifestsWorld,
  inputs: Record<string, string>,
  env: NodeJS.ProcessEnv = {},
  seams: OpenGitopsPrSeams = FAST,
): Promise<ActionRun> {
  const outputs: Record<string, string> = {};
  const host = testHost({
    env: {
      GITHUB_REPOSITORY: 'acme/api',
      GITHUB_SHA: 'c0ffee0000000000000000000000000000c0ffee',
      GITHUB_RUN_ID: '4242',
      ...env,
    },
    outputs,
  });
  const settings = readOpenGitopsPrSettings(
    new InputReader(
      inputsFromRecord({
        token: TOKEN,
        repository: world.repository,
        'github-api-url': world.double.apiUrl,
        ...inputs,
      }),
    ),
    host,
  );
  const result = await openGitopsPr(settings, host, seams);
  return { result, outputs };
}

/** A small GitOps layout: each app has a kustomize overlay per environment and a base Deployment. */
export function appsRepository(
  apps: number,
  environments: readonly string[] = ['staging', 'prod'],
): Record<string, string> {
  const files: Record<string, string> = { 'README.md': '# manifests\n' };
  for (let app = 1; app <= apps; app++) {
    const name = appName(app);
    files[`apps/${name}/base/deployment.yaml`] = deployment(name, `${imageOf(app)}:1.0.0`);
    for (const environment of environments) {
      files[`apps/${name}/${environment}/kustomization.yaml`] = kustomization(imageOf(app));
    }
  }
  return files;
}

export function appName(app: number): string {
  return `app-${String(app).padStart(2, '0')}`;
}

export function imageOf(app: number): string {
  return `ghcr.io/acme/${appName(app)}`;
}

function deployment(name: string, image: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
        - name: app
          image: ${image}
`;
}

function kustomization(image: string): string {
  return `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - ../base
images:
  - name: ${image}
    newTag: 1.0.0
`;
}
