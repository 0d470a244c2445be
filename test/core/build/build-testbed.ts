/**
 * What the build tests need around the test bed: its docker CLIs, skopeo's view of the registry, a unique
 * repository per run (the registry outlives test runs), and this process's printed output.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import type { RunContext } from '../../../src/core/run-context.js';
import { Docker } from '../../../src/core/docker.js';
import { dockerEnv, testbed } from '../../helpers/testbed.js';

const execFileAsync = promisify(execFile);

/** The docker 28 CLI on PATH here has no buildx, so only the classic builder; the Debian 20.10 CLI has BuildKit. */
export const DOCKER_28_CLI = '/usr/local/bin/docker';

export function bedDocker(cli: string = testbed.dockerCli): Promise<Docker> {
  return Docker.create({ path: cli, env: { DOCKER_HOST: testbed.dockerHost } });
}

/** `127.0.0.1:PORT/testbed/<name>-<random>`: a repository no earlier run pushed to. */
export function freshRepository(name: string): string {
  return `${testbed.registry}/testbed/${name}-${randomBytes(4).toString('hex')}`;
}

/** Runs the bed's Debian docker CLI; stdout and stderr together. */
export async function docker(...args: string[]): Promise<string> {
  const { stdout, stderr } = await execFileAsync(testbed.dockerCli, args, {
    env: dockerEnv(),
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout + stderr;
}

export interface SkopeoImage {
  Digest: string;
  Labels: Record<string, string> | null;
}

/** What the registry serves for a reference, as skopeo (not this library) reads it. */
export async function skopeoInspect(reference: string): Promise<SkopeoImage> {
  const { stdout } = await execFileAsync('skopeo', ['inspect', '--tls-verify=false', `docker://${reference}`]);
  return JSON.parse(stdout) as SkopeoImage;
}

/** The run the builds pretend to be part of, and the image's creation time. */
export const SOURCE: Partial<RunContext> & { created: Date } = {
  sha: '3f786850e387550fdab836ed7e6dc881de23001b',
  ref: 'refs/heads/main',
  defaultBranch: 'main',
  repository: 'acme/sample-app',
  serverUrl: 'https://github.com',
  created: new Date('2024-05-01T12:00:00Z'),
};

/** Collects what this process prints to stdout and stderr while `run` runs (execTool and @actions/core print there). */
export async function capturePrinted<T>(
  run: () => Promise<T>,
): Promise<{ printed: string; result?: T; error?: unknown }> {
  const chunks: string[] = [];
  const streams = [process.stdout, process.stderr];
  const originals = streams.map((stream) => stream.write.bind(stream));
  for (const stream of streams) {
    stream.write = ((chunk: string | Uint8Array) => {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString());
      return true;
    }) as typeof stream.write;
  }
  let outcome: { result?: T; error?: unknown };
  try {
    outcome = { result: await run() };
  } catch (error) {
    outcome = { error };
  } finally {
    streams.forEach((stream, index) => (stream.write = originals[index] as typeof stream.write));
  }
  return { ...outcome, printed: chunks.join('') };
}
