// build-multistage speed on the local test bed, building and pushing examples/sample-app with BuildKit (docker 20.10)
// on the bed's base image pinned by digest: a cold build (new source, so every app step runs) against a warm rebuild
// with no change (the action finds the image in the registry and builds nothing; with reuse: false, BuildKit's cache),
// and the action against a plain `docker build` + `docker push` of the same app (the wrapper's overhead). The sample
// app does almost no work, so the figures are also taken with a builder stage that works for a few seconds, as a real
// compile does. Figures are medians, never asserted.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importSource } from './compiled.mjs';
import { fmt, median, ROOT, runnerEnv, timeProcess } from './lib.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const BUNDLE = path.join(ROOT, 'dist/build-multistage/index.js');
const buildArgs = (testbed) => [`BASE_IMAGE=${testbed.pinnedBase}`, 'APP_VERSION=bench'];
const SHA = '0123456789abcdef0123456789abcdef01234567';
const BUILD_STEP = 'RUN sh ./build.sh "$APP_VERSION" /out\n';
// CPU-bound work in the builder stage (about 2-3 s here), standing in for a compiler.
const COMPILE_STEP = 'RUN seq 1 8000000 | gzip -9 | wc -c > /out/compressed-size\n';

export async function run() {
  startTestbed();
  // The compiled helper lives under node_modules/.cache, so it cannot find the bed's state folder on its own.
  process.env.TESTBED_DIR ??= path.join(ROOT, '.testbed');
  const { testbed } = await importSource('test/helpers/testbed.ts');
  const lib = {
    ...(await importSource('src/actions/build-multistage/run.ts')),
    ...(await importSource('src/actions/build-multistage/settings.ts')),
    ...(await importSource('src/core/inputs.ts')),
    docker: await (
      await importSource('src/core/docker.ts')
    ).Docker.create({ path: testbed.dockerCli, env: { DOCKER_HOST: testbed.dockerHost } }),
  };
  console.log(`build-multistage: BuildKit (${testbed.dockerCli}), push to the bed's registry, median of ${RUNS}`);
  await scenario('sample app', testbed, lib, (dockerfile) => dockerfile);
  await scenario('sample app + a 2-3 s compile step', testbed, lib, (dockerfile) =>
    dockerfile.replace(BUILD_STEP, BUILD_STEP + COMPILE_STEP),
  );
}

async function scenario(name, testbed, lib, editDockerfile) {
  const workspace = mkdtempSync(path.join(tmpdir(), 'bench-build-'));
  cpSync(path.join(ROOT, 'examples/sample-app'), workspace, { recursive: true });
  const dockerfile = path.join(workspace, 'Dockerfile');
  writeFileSync(dockerfile, editDockerfile(readFileSync(dockerfile, 'utf8')));
  const repository = `${testbed.registry}/bench/sample-app-${process.pid}-${name.length}`;
  // A new file in src/ changes the COPY, so everything after it runs again: a cold build of the app's own steps.
  const changeSource = () => writeFileSync(path.join(workspace, 'src', 'NONCE'), `${process.hrtime.bigint()}\n`);

  const action =
    (tag, reuse = 'true') =>
    () => {
      const inputs = {
        image: repository,
        tags: tag,
        network: 'host',
        'build-args': buildArgs(testbed).join('\n'),
        policy: 'off',
        reuse,
      };
      const settings = lib.readBuildMultistageSettings(new lib.InputReader(lib.inputsFromRecord(inputs)), workspace);
      const source = { sha: SHA, ref: 'refs/heads/bench', created: new Date() };
      return timed(() => quietly(() => lib.buildMultistage(settings, () => {}, { docker: lib.docker, source })));
    };
  const plain = (tag) => () => {
    const reference = `${repository}:${tag}`;
    const env = { ...process.env, DOCKER_HOST: testbed.dockerHost, DOCKER_BUILDKIT: '1' };
    const args = buildArgs(testbed).flatMap((arg) => ['--build-arg', arg]);
    // The labels the action sets, so both build the same image: a new `created` makes a new image config each time.
    const labels = [
      `org.opencontainers.image.revision=${SHA}`,
      `org.opencontainers.image.created=${new Date().toISOString()}`,
      `org.opencontainers.image.version=${tag}`,
      'org.opencontainers.image.title=sample-app',
    ].flatMap((label) => ['--label', label]);
    const build = ['build', '--network', 'host', ...args, ...labels, '--tag', reference, workspace];
    return timed(async () => {
      dockerCli(testbed.dockerCli, build, env);
      dockerCli(testbed.dockerCli, ['push', reference], env);
    });
  };

  const figures = { action: { cold: [], warm: [] }, plain: { cold: [], warm: [] }, cacheOnly: { cold: [], warm: [] } };
  await action('warm-up')();
  for (let i = 0; i < RUNS; i++) {
    // Each contender gets its own cold build and then its own warm rebuild, alternating, so drift hits all.
    for (const [contender, measure] of [
      ['action', (tag) => action(tag)],
      ['plain', plain],
      ['cacheOnly', (tag) => action(tag, 'false')],
    ]) {
      changeSource();
      figures[contender].cold.push(await measure(contender)());
      figures[contender].warm.push(await measure(contender)());
    }
  }
  const bundled = existsSync(BUNDLE) ? bundledRuns(repository, workspace, testbed, changeSource) : undefined;
  rmSync(workspace, { recursive: true, force: true });

  const [cold, warm] = [median(figures.action.cold), median(figures.action.warm)];
  const [plainCold, plainWarm] = [median(figures.plain.cold), median(figures.plain.warm)];
  const cacheOnly = median(figures.cacheOnly.warm);
  console.log(`  ${name}:`);
  console.log(`    cold build + push (new source): ${fmt(cold)}`);
  console.log(`    warm rebuild + push, no change: ${fmt(warm)} = ${pct(warm, cold)} of cold (goal: within 20%)`);
  console.log(
    `    the same with reuse: false (BuildKit's cache only): ${fmt(cacheOnly)} = ${pct(cacheOnly, cold)} of cold`,
  );
  console.log(`    plain docker build + push: cold ${fmt(plainCold)}, warm ${fmt(plainWarm)}`);
  // Per round, the action against the plain run next to it: slow drift on a shared machine cancels out.
  const paired = (kind) => median(figures.action[kind].map((ms, round) => ms - figures.plain[kind][round]));
  console.log(
    `    wrapper overhead (median of per-round differences): cold ${overhead(paired('cold'), plainCold)}, ` +
      `warm ${overhead(paired('warm'), plainWarm)} (goal < 5%)`,
  );
  if (bundled) {
    console.log(
      `    the bundle as a runner starts it (node start included): cold ${fmt(bundled.cold)}, warm ${fmt(bundled.warm)}`,
    );
  }
}

function bundledRuns(repository, workspace, testbed, changeSource) {
  const start = () => {
    const env = runnerEnv(
      {
        image: repository,
        tags: 'bundled',
        network: 'host',
        'build-args': buildArgs(testbed).join('\n'),
        policy: 'off',
      },
      {
        GITHUB_WORKSPACE: workspace,
        GITHUB_SHA: SHA,
        DOCKER_HOST: testbed.dockerHost,
        PATH: `${path.dirname(testbed.dockerCli)}:${process.env.PATH}`,
      },
    );
    return timeProcess([BUNDLE], { env, cwd: workspace });
  };
  const cold = [];
  const warm = [];
  for (let i = 0; i < RUNS; i++) {
    changeSource();
    cold.push(start());
    warm.push(start());
  }
  return { cold: median(cold), warm: median(warm) };
}

function startTestbed() {
  const result = spawnSync('bash', [path.join(ROOT, 'scripts/testbed.sh'), 'start'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('scripts/testbed.sh start failed');
}

function dockerCli(cli, args, env) {
  const result = spawnSync(cli, args, { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`docker ${args[0]} failed: ${result.stderr}`);
}

async function timed(fn) {
  const started = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** Runs `fn` with this process's stdout and stderr silenced: the action streams the whole build log there. */
async function quietly(fn) {
  const streams = [process.stdout, process.stderr];
  const writes = streams.map((stream) => stream.write);
  for (const stream of streams) stream.write = () => true;
  try {
    return await fn();
  } finally {
    streams.forEach((stream, index) => (stream.write = writes[index]));
  }
}

function pct(part, whole) {
  return `${((part / whole) * 100).toFixed(0)}%`;
}

function overhead(delta, plain) {
  return `${delta >= 0 ? '+' : ''}${fmt(delta)} (${((delta / plain) * 100).toFixed(1)}%)`;
}
