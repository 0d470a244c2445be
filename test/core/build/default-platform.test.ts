import { describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { chmod, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { defaultPlatform } from '../../../src/core/build/default-platform.js';
import { Docker } from '../../../src/core/docker.js';
import { tempTree } from '../../helpers/temp-dir.js';

/** A docker CLI stand-in whose `docker version` reports an arm64 Linux engine, and which records that it ran. */
async function armEngineDocker(): Promise<{ docker: Docker; asked: () => boolean }> {
  const dir = await tempTree({}, 'default-platform-');
  const script = path.join(dir, 'docker');
  const server = { Version: '28.2.2', Os: 'linux', Arch: 'arm64' };
  const version = JSON.stringify({ Client: { Version: '28.2.2' }, Server: server });
  await writeFile(script, `#!/bin/sh\ntouch '${dir}/asked'\necho '${version}'\n`);
  await chmod(script, 0o755);
  return { docker: await Docker.create({ path: script }), asked: () => existsSync(path.join(dir, 'asked')) };
}

const LINUX_X64 = { platform: 'linux' as const, arch: 'x64' as const };

describe('defaultPlatform', () => {
  it("is this machine's for its local engine, without asking", async () => {
    const { docker, asked } = await armEngineDocker();
    const home = await tempTree();
    expect(await defaultPlatform(docker, { HOME: home }, LINUX_X64)).toBe('linux/amd64');
    expect(await defaultPlatform(docker, { HOME: home, DOCKER_HOST: 'unix:///run/docker.sock' }, LINUX_X64)).toBe(
      'linux/amd64',
    );
    expect(asked()).toBe(false);
  });

  it('asks a remote engine, another docker context, or the engine of a machine that is not Linux', async () => {
    const home = await tempTree({ '.docker/config.json': JSON.stringify({ currentContext: 'arm-box' }) });
    const cases: Array<[NodeJS.ProcessEnv, typeof LINUX_X64 | { platform: 'darwin'; arch: 'arm64' }]> = [
      [{ HOME: home, DOCKER_HOST: 'tcp://10.0.0.5:2376' }, LINUX_X64],
      [{ HOME: home, DOCKER_HOST: 'ssh://builder@arm-box' }, LINUX_X64],
      [{ HOME: home }, LINUX_X64],
      [{ HOME: await tempTree(), DOCKER_CONTEXT: 'arm-box' }, LINUX_X64],
      [{ HOME: await tempTree() }, { platform: 'darwin', arch: 'arm64' }],
    ];
    for (const [env, machine] of cases) {
      const { docker, asked } = await armEngineDocker();
      expect(await defaultPlatform(docker, env, machine)).toBe('linux/arm64');
      expect(asked()).toBe(true);
    }
  });
});
