// bump-manifest speed: a whole-repo bump and a one-app bump against the plain-fs floor, on a generated repository.
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ENVIRONMENTS, generateRepo, imageOf } from './gitops-repo.mjs';
import { fmt, medianOf, readOutputs, ROOT, runnerEnv, timeProcess } from './lib.mjs';

const APPS = Number(process.env.BENCH_APPS ?? 2000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BUNDLE = path.join(ROOT, 'dist/bump-manifest/index.js');
const FLOOR = path.join(ROOT, 'scripts/bench/plain-fs-floor.mjs');

export function run() {
  const pristine = mkdtempSync(path.join(tmpdir(), 'bench-gitops-'));
  const files = generateRepo(pristine, APPS);
  const app = Math.floor(APPS / 2);
  const image = `${imageOf(app)}:2.0.0`;
  const workspace = mkdtempSync(path.join(tmpdir(), 'bench-ws-'));
  // Each run starts from the pristine tree, so every bump really rewrites its files.
  const reset = () => {
    rmSync(workspace, { recursive: true, force: true });
    cpSync(pristine, workspace, { recursive: true });
  };
  const bump = (manifests) => () => {
    reset();
    const env = runnerEnv({ 'image-ref': image, manifests }, { GITHUB_WORKSPACE: workspace });
    const ms = timeProcess([BUNDLE], { env, cwd: workspace });
    if (!readOutputs(env).includes('changed<<') || !readOutputs(env).includes('true'))
      throw new Error('bump changed nothing');
    return ms;
  };
  const changedFiles = ENVIRONMENTS.length + 1;
  const floor = () => {
    reset();
    return timeProcess([FLOOR, workspace, `app-${String(app).padStart(4, '0')}`], { cwd: workspace });
  };

  const yamlCount = countYaml(pristine);
  const wholeRepo = medianOf(RUNS, bump('.'));
  const floorMs = medianOf(RUNS, floor);
  const oneAppFile = medianOf(RUNS, bump(`apps/app-${String(app).padStart(4, '0')}/prod`));
  rmSync(pristine, { recursive: true, force: true });
  rmSync(workspace, { recursive: true, force: true });

  console.log(
    `bump-manifest: ${APPS} apps x ${ENVIRONMENTS.length} environments = ${files} files (${yamlCount} YAML), median of ${RUNS}`,
  );
  console.log(`  whole-repo bump (manifests: ., ${changedFiles} files change): ${fmt(wholeRepo)}`);
  console.log(`  plain-fs floor (walk, read every file, write ${changedFiles}):  ${fmt(floorMs)}`);
  console.log(`  ratio whole-repo / floor: ${(wholeRepo / floorMs).toFixed(2)}x (goal <= 3x)`);
  console.log(`  one-app bump (one environment directory): ${fmt(oneAppFile)} (goal < 150 ms)`);
}

function countYaml(dir) {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && /\.ya?ml$/.test(entry.name)) count++;
  }
  return count;
}
