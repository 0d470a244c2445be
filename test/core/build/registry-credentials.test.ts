import { describe, expect, it } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { dockerConfigCredentials } from '../../../src/core/build/registry-credentials.js';
import { tempTree } from '../../helpers/temp-dir.js';

const base64 = (text: string) => Buffer.from(text).toString('base64');

describe('dockerConfigCredentials', () => {
  it('reads the logins docker login stores, by host, https:// host, or the Docker Hub key', async () => {
    const dir = await tempTree();
    writeFileSync(
      path.join(dir, 'config.json'),
      JSON.stringify({
        auths: {
          'ghcr.io': { auth: base64('octocat:ghp_token:with:colons') },
          'https://registry.example.com': { username: 'robot', password: 'pw' },
          'https://index.docker.io/v1/': { auth: base64('hubuser:hubpass') },
          'broken.example.com': { auth: base64('no-colon') },
        },
        credsStore: 'desktop',
      }),
    );
    const lookup = dockerConfigCredentials({ DOCKER_CONFIG: dir });
    expect(lookup('ghcr.io')).toEqual({ username: 'octocat', password: 'ghp_token:with:colons' });
    expect(lookup('registry.example.com')).toEqual({ username: 'robot', password: 'pw' });
    expect(lookup('docker.io')).toEqual({ username: 'hubuser', password: 'hubpass' });
    expect(lookup('broken.example.com')).toBeUndefined();
    expect(lookup('quay.io')).toBeUndefined();
  });

  it('finds nothing without a config file, under HOME/.docker by default', async () => {
    const home = await tempTree();
    expect(dockerConfigCredentials({ HOME: home })('ghcr.io')).toBeUndefined();
    const withConfig = await tempTree({
      '.docker/config.json': JSON.stringify({ auths: { 'ghcr.io': { auth: base64('a:b') } } }),
    });
    expect(dockerConfigCredentials({ HOME: withConfig })('ghcr.io')).toEqual({ username: 'a', password: 'b' });
  });
});
