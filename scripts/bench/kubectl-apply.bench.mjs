// kubectl-apply speed: 200 manifests applied by the action (one server-side apply, its dry-run preflight and the
// readiness wait included) against a loop of `kubectl apply --server-side -f` per file, both with real kubectl
// against the same Kubernetes API double on 127.0.0.1.
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importSource } from './compiled.mjs';
import { fmt, ROOT } from './lib.mjs';

// The double runs in this process: kubectl must be awaited, never run synchronously.
const kubectlAsync = promisify(execFile);
const FILES = Number(process.env.BENCH_MANIFESTS ?? 200);

function manifest(index) {
  const name = `app-${String(index).padStart(3, '0')}`;
  if (index % 5 === 0) {
    return `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: ${name}}}\n  template:\n    metadata: {labels: {app: ${name}}}\n    spec: {containers: [{name: app, image: "ghcr.io/acme/${name}:1.0.0"}]}\n`;
  }
  if (index % 5 === 1)
    return `apiVersion: v1\nkind: Service\nmetadata: {name: ${name}}\nspec:\n  selector: {app: ${name}}\n  ports: [{name: http, port: 80}]\n`;
  return `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${name}}\ndata: {index: "${index}"}\n`;
}

export async function run() {
  const { KubernetesApiDouble } = await importSource('test/doubles/kubernetes-api/server.ts');
  const { kubectlApply } = await importSource('src/actions/kubectl-apply/run.ts');
  const { readKubectlApplySettings } = await importSource('src/actions/kubectl-apply/settings.ts');
  const { InputReader, inputsFromRecord } = await importSource('src/core/inputs.ts');
  const { RELEASES } = await importSource('src/core/tool-versions.ts');

  const root = mkdtempSync(path.join(tmpdir(), 'bench-kubectl-apply-'));
  // One discovery cache for both contenders, warmed before either is timed.
  process.env.HOME = path.join(root, 'home');
  const workspace = path.join(root, 'workspace');
  mkdirSync(path.join(workspace, 'deploy'), { recursive: true });
  for (let index = 0; index < FILES; index++)
    writeFileSync(path.join(workspace, 'deploy', `${String(index).padStart(3, '0')}.yaml`), manifest(index));

  const double = await KubernetesApiDouble.start({
    discoveryDir: path.join(ROOT, 'test/fixtures/kubernetes-api/discovery/k0s-v1.21.0-k0s.0'),
  });
  try {
    for (const name of ['bench-action', 'bench-loop'])
      double.seed({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
    const kubeconfig = path.join(root, 'kubeconfig');
    writeFileSync(kubeconfig, double.kubeconfig(), { mode: 0o600 });
    await kubectlAsync('kubectl', ['--kubeconfig', kubeconfig, 'api-resources']);
    const version = /^Client Version:\s*v?(\S+)/m.exec(
      execFileSync('kubectl', ['version', '--client'], { encoding: 'utf8' }),
    )[1];
    const platform = `${process.platform}-${process.arch}`;
    const install = {
      releases: {
        kubectl: {
          ...RELEASES.kubectl,
          versions: {
            [version]: {
              [platform]: {
                url: 'https://invalid.example/kubectl',
                archive: 'binary',
                binPath: 'kubectl',
                sha256: '0'.repeat(64),
              },
            },
          },
        },
      },
    };

    const settings = readKubectlApplySettings(
      new InputReader(
        inputsFromRecord({
          manifests: 'deploy',
          namespace: 'bench-action',
          kubeconfig: double.kubeconfig(),
          'kubectl-version': version,
        }),
      ),
      workspace,
    );
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = () => true;
    const actionStarted = process.hrtime.bigint();
    let status;
    try {
      status = await kubectlApply(settings, () => undefined, {
        tempDir: root,
        saveState: () => undefined,
        record: {},
        install,
        pollMs: 200,
      });
    } finally {
      process.stdout.write = write;
    }
    const actionMs = Number(process.hrtime.bigint() - actionStarted) / 1e6;
    const actionRequests = double.applyRequests().length;

    const loopStarted = process.hrtime.bigint();
    for (let index = 0; index < FILES; index++) {
      const file = path.join(workspace, 'deploy', `${String(index).padStart(3, '0')}.yaml`);
      await kubectlAsync('kubectl', [
        '--kubeconfig',
        kubeconfig,
        'apply',
        '--server-side',
        '--field-manager=bench',
        '-n',
        'bench-loop',
        '-f',
        file,
      ]);
    }
    const loopMs = Number(process.hrtime.bigint() - loopStarted) / 1e6;

    console.log(
      `kubectl-apply: ${FILES} manifests (${FILES / 5} Deployments, ${FILES / 5} Services, ${(FILES * 3) / 5} ConfigMaps), real kubectl, API double on 127.0.0.1`,
    );
    console.log(
      `  action (checks, dry-run preflight, one apply, readiness wait): ${fmt(actionMs)}, status ${status}, ${actionRequests} apply requests`,
    );
    console.log(`  loop of kubectl apply --server-side -f per file:              ${fmt(loopMs)}`);
    console.log(`  speed-up: ${(loopMs / actionMs).toFixed(1)}x (goal >= 5x)`);
  } finally {
    await double.stop();
    rmSync(root, { recursive: true, force: true });
  }
}
