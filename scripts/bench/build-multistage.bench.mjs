// build-multistage as a runner starts it, building and pushing examples/sample-app with BuildKit (docker 20.10) on the
// test bed's base image pinned by digest, against a plain `docker build` + `docker push` of the same app with the same
// labels (what a user types instead). Per round, each contender builds after a source change (cold: every app step
// runs); the action then reruns with no change (warm: it finds the image in the registry and builds nothing). Also:
// the action's own CPU per cold build (the node process, docker excluded) and, moved here from the integration test,
// how soon it gives up on an unreachable registry.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { importSource } from './compiled.mjs';
import {
  atMost,
  bundleOf,
  paired,
  printTable,
  ratios,
  ROOT,
  runnerEnv,
  timeCommand,
  timeNode,
  timeNodeWithCpu,
} from './lib.mjs';

const SHA = '0123456789abcdef0123456789abcdef01234567';
const BUILD_STEP = 'RUN sh ./build.sh "$APP_VERSION" /out\n';
// CPU-bound work in the builder stage (a few seconds here), standing in for a compiler.
const COMPILE_STEP = 'RUN seq 1 8000000 | gzip -9 | wc -c > /out/compressed-size\n';

export async function run() {
  const bundle = bundleOf('build-multistage');
  startTestbed();
  // The compiled helper lives under node_modules/.cache, so it cannot find the bed's state folder on its own.
  process.env.TESTBED_DIR ??= path.join(ROOT, '.testbed');
  const { testbed } = await importSource('test/helpers/testbed.ts');
  const scenarios = [['sample app', (dockerfile) => dockerfile]];
  if (process.env.BENCH_COMPILE_STEP) {
    scenarios.push(['sample app + a compile step', (text) => text.replace(BUILD_STEP, BUILD_STEP + COMPILE_STEP)]);
  }
  for (const [name, edit] of scenarios) await scenario(name, bundle, testbed, edit);
}

async function scenario(name, bundle, testbed, editDockerfile) {
  const workspace = mkdtempSync(path.join(tmpdir(), 'bench-build-'));
  cpSync(path.join(ROOT, 'examples/sample-app'), workspace, { recursive: true });
  const dockerfile = path.join(workspace, 'Dockerfile');
  writeFileSync(dockerfile, editDockerfile(readFileSync(dockerfile, 'utf8')));
  const repository = `${testbed.registry}/bench/sample-app-${process.pid}-${name.length}`;
  const buildArgs = [`BASE_IMAGE=${testbed.pinnedBase}`, 'APP_VERSION=bench'];
  // A new file in src/ changes the COPY, so everything after it runs again: a cold build of the app's own steps.
  const changeSource = () => writeFileSync(path.join(workspace, 'src', 'NONCE'), `${process.hrtime.bigint()}\n`);
  const extraEnv = {
    GITHUB_WORKSPACE: workspace,
    GITHUB_SHA: SHA,
    DOCKER_HOST: testbed.dockerHost,
    PATH: `${path.dirname(testbed.dockerCli)}:${process.env.PATH}`,
  };
  const actionEnv = (inputs) =>
    runnerEnv(
      { tags: 'action', network: 'host', 'build-args': buildArgs.join('\n'), policy: 'off', ...inputs },
      extraEnv,
    );
  const plainEnv = { ...runnerEnv({}, extraEnv), DOCKER_BUILDKIT: '1' };
  const docker = (args) => timeCommand(testbed.dockerCli, args, { env: plainEnv, cwd: workspace });

  const warm = [];
  const cpu = [];
  const times = await paired(
    {
      action: () => {
        const cold = timeNodeWithCpu([bundle], { env: actionEnv({ image: repository }), cwd: workspace });
        warm.push(timeNode([bundle], { env: actionEnv({ image: repository }), cwd: workspace }));
        cpu.push(cold.cpuMs);
        return cold.ms;
      },
      plain: () => {
        const reference = `${repository}:plain`;
        // The labels the action sets, so both build the same image; a new `created` makes a new config each time.
        const labels = [
          `org.opencontainers.image.revision=${SHA}`,
          `org.opencontainers.image.created=${new Date().toISOString()}`,
          'org.opencontainers.image.version=plain',
          'org.opencontainers.image.title=sample-app',
        ];
        return (
          docker([
            'build',
            '--network',
            'host',
            ...buildArgs.flatMap((arg) => ['--build-arg', arg]),
            ...labels.flatMap((label) => ['--label', label]),
            '--tag',
            reference,
            workspace,
          ]) + docker(['push', reference])
        );
      },
    },
    { beforeEach: changeSource },
  );
  // the warm-up round's figures are not kept by paired(); drop them here too
  warm.shift();
  cpu.shift();

  const port = await closedPort();
  const unreachable = [0, 1, 2].map(() =>
    timeNode([bundle], { env: actionEnv({ image: `127.0.0.1:${port}/acme/api` }), cwd: workspace, expectCode: 1 }),
  );
  rmSync(workspace, { recursive: true, force: true });

  printTable(`build-multistage, ${name}: BuildKit (${testbed.dockerCli}), pushed to the bed's registry`, [
    {
      figure: 'cold build + push / docker build + docker push',
      action: times.action,
      baseline: times.plain,
      ratio: ratios(times.action, times.plain),
      goal: atMost(1.1, '≤ 1.10×'),
    },
    {
      figure: 'warm rerun, no change (reuse) / cold',
      action: warm,
      baseline: times.action,
      ratio: ratios(warm, times.action),
      goal: atMost(0.1, '≤ 0.10×'),
    },
    { figure: "the action's own CPU per cold build", action: cpu, goal: atMost(60, '≤ 60 ms') },
    { figure: 'give up on an unreachable registry (3 rounds)', action: unreachable, goal: atMost(10_000, '< 10 s') },
  ]);
}

function startTestbed() {
  const result = spawnSync('bash', [path.join(ROOT, 'scripts/testbed.sh'), 'start'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('scripts/testbed.sh start failed');
}

/** A port nothing listens on: taken, then released. */
function closedPort() {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
