/**
 * Issue 12, item 3: a cancelled build-multistage leaves neither its build secrets on disk nor `docker build` running.
 * The bundle, built from this tree, is started as a runner starts it and cancelled as a runner cancels (SIGINT)
 * while the image's RUN step sleeps; then the post step, the backstop for a SIGKILL, is run on its own.
 */
import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { freshBundlesForThisFile, runFreshBundle, startBundle } from '../helpers/fresh-bundles.js';
import { tempTree } from '../helpers/temp-dir.js';
import { testbed } from '../helpers/testbed.js';
import { freshRepository } from '../core/build/build-testbed.js';

const bundles = freshBundlesForThisFile();
// Long enough that the build is surely still running when it is cancelled; the test ends long before.
const SLEEP_SECONDS = 120;
// Pulling nothing, building one sleeping step: this is waiting, not work, however loaded the machine.
const START_LIMIT_MS = 3 * 60_000;

/** Processes whose command line mentions `marker` (the run's unique image name), as `pid argv...`. */
function processesMentioning(marker: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let argv: string;
    try {
      argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
    } catch {
      continue;
    }
    if (argv.includes(marker)) found.push(`${pid} ${argv}`);
  }
  return found;
}

async function until(what: string, check: () => boolean, limitMs: number): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function scratchFolders(runnerTemp: string): string[] {
  return readdirSync(runnerTemp).filter((name) => name.startsWith('build-multistage-'));
}

describe('build-multistage cancelled by the runner', () => {
  it(
    'on SIGINT stops docker build, deletes the secrets folder and exits 130',
    async () => {
      const workspace = await tempTree({
        Dockerfile: `FROM local/busybox:1\nRUN --mount=type=secret,id=tok test -s /run/secrets/tok && sleep ${SLEEP_SECONDS}\n`,
      });
      const runnerTemp = await tempTree();
      const image = freshRepository('cancelled');
      const secret = `cancel-secret-${Date.now()}`;
      const started = startBundle(
        bundles(),
        'build-multistage',
        { image, push: 'false', secrets: `tok=${secret}`, network: 'host', policy: 'off', reuse: 'false' },
        {
          workspace,
          env: {
            // The Debian docker 20.10 CLI first: it has BuildKit, which build secrets need.
            PATH: `${path.dirname(testbed.dockerCli)}:${process.env.PATH}`,
            DOCKER_HOST: testbed.dockerHost,
            RUNNER_TEMP: runnerTemp,
            GITHUB_SHA: '2d3c1c1e0b7e7c4d5a38f4bb4c3ea0fd2f0e1a9b',
            GITHUB_REF: 'refs/heads/main',
            GITHUB_REPOSITORY: 'acme/cancelled',
            GITHUB_SERVER_URL: 'https://github.com',
          },
        },
      );
      const exited = started.finished.then((run) => run);

      // Cancelled once the secret is on disk and the RUN step that reads it is under way.
      await until(
        'the RUN step to start',
        () => started.printed().includes(`sleep ${SLEEP_SECONDS}`) && started.child.exitCode === null,
        START_LIMIT_MS,
      );
      const [folder] = scratchFolders(runnerTemp);
      expect(folder).toBeDefined();
      expect(readFileSync(path.join(runnerTemp, folder as string, 'secrets', '0'), 'utf8')).toBe(secret);
      expect(processesMentioning(image).some((line) => / build /.test(line))).toBe(true);

      started.child.kill('SIGINT');
      const run = await exited;

      expect(run.exitCode).toBe(130);
      expect(scratchFolders(runnerTemp)).toEqual([]);
      expect(processesMentioning(image)).toEqual([]);
      expect(run.stdout).toContain('Cancelled (SIGINT)');
      const printed = [run.stdout, run.stderr].join('\n').split('\n');
      expect(printed.filter((line) => !line.startsWith('::add-mask::')).join('\n')).not.toContain(secret);
      await fs.rm(runnerTemp, { recursive: true, force: true });
    },
    START_LIMIT_MS + 60_000,
  );

  it('the post step deletes the secrets folder a killed main step left, and nothing else', async () => {
    const runnerTemp = await tempTree({
      'build-multistage-left/secrets/0': 'left-behind',
      'other/keep': 'keep',
    });
    const state = (folder: string) => ({
      'STATE_is-post': 'true',
      'STATE_build-multistage-scratch-folder': folder,
      RUNNER_TEMP: runnerTemp,
    });

    const run = await runFreshBundle(
      bundles(),
      'build-multistage',
      {},
      { env: state(path.join(runnerTemp, 'build-multistage-left')) },
    );
    const refused = await runFreshBundle(
      bundles(),
      'build-multistage',
      {},
      { env: state(path.join(runnerTemp, 'other')) },
    );

    expect(run.exitCode).toBe(0);
    expect(refused.exitCode).toBe(0);
    expect(existsSync(path.join(runnerTemp, 'build-multistage-left'))).toBe(false);
    expect(readFileSync(path.join(runnerTemp, 'other', 'keep'), 'utf8')).toBe('keep');
    await fs.rm(runnerTemp, { recursive: true, force: true });
  });
});
