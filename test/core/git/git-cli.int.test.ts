import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as net from 'node:net';
import * as path from 'node:path';
import { UserError } from '../../../src/core/errors.js';
import { GitCli } from '../../../src/core/git/git-cli.js';
import { RefMovedError } from '../../../src/core/git/ref-moved-error.js';
import { git } from '../../helpers/git.js';
import { tempTree } from '../../helpers/temp-dir.js';
import { type ManifestsWorld, startManifestsWorld, TOKEN } from '../../doubles/github-api/harness.js';

const REPO = 'acme/git-cli';
const AUTHOR = { name: 'Bot', email: 'bot@example.com' };
const BASIC = Buffer.from(`x-access-token:${TOKEN}`).toString('base64');

let world: ManifestsWorld;
let httpUrl: string;
beforeAll(async () => {
  world = await startManifestsWorld(
    REPO,
    { 'apps/api/prod/k.yaml': 'tag: 1\n', 'apps/web/prod/k.yaml': 'tag: 1\n' },
    {
      gitTransport: 'http',
    },
  );
  httpUrl = `${world.double.webUrl}/${REPO}.git`;
});
afterAll(async () => {
  await world.double.stop();
});

async function cloneWith(token: string | undefined, sparse?: string[]): Promise<GitCli> {
  return GitCli.createRepository(await tempTree({}, 'git-cli-'), { url: httpUrl, token }, sparse);
}

async function everyFileUnder(dir: string): Promise<string> {
  const files = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(
    files
      .filter((entry) => entry.isFile())
      .map((entry) => fs.readFile(path.join(entry.parentPath, entry.name), 'latin1')),
  );
  return texts.join('\n');
}

/** Which git commands `work` starts, children included (GIT_TRACE reaches every git process). */
async function commandsOf(work: () => Promise<unknown>): Promise<string> {
  const trace = path.join(await tempTree({}, 'git-trace-'), 'trace');
  process.env.GIT_TRACE = trace;
  try {
    await work();
  } finally {
    delete process.env.GIT_TRACE;
  }
  return (await fs.readFile(trace, 'utf8'))
    .split('\n')
    .filter((line) => line.includes('built-in: git'))
    .join('\n');
}

describe('GitCli over smart HTTP', () => {
  it('sends the token as a header to the remote only: never in the URL, argv, config or any file', async () => {
    const cli = await cloneWith(TOKEN, ['apps/api']);
    const tips = await cli.fetchBranches(['main']);
    await cli.checkout(tips.get('main') as string);
    await fs.writeFile(path.join(cli.directory, 'apps/api/prod/k.yaml'), 'tag: 2\n');
    const commit = await cli.commitFiles({
      files: ['apps/api/prod/k.yaml'],
      parents: [tips.get('main') as string],
      message: 'bump',
      author: AUTHOR,
    });
    await cli.push(commit, 'feature');

    expect(git(world.gitPath, 'rev-parse', 'feature')).toBe(commit);
    expect(world.double.gitRequests.length).toBeGreaterThan(2);
    expect(world.double.gitRequests.every((request) => request.authorization === `basic ${BASIC}`)).toBe(true);
    expect(git(cli.directory, 'remote', 'get-url', 'origin')).toBe(httpUrl);
    const onDisk = await everyFileUnder(cli.directory);
    expect(onDisk).not.toContain(TOKEN);
    expect(onDisk).not.toContain(BASIC);
    expect(execFileSync('git', ['config', '--list'], { cwd: cli.directory, encoding: 'utf8' })).not.toMatch(
      /extraheader/i,
    );
  });

  it('checks out only the sparse folders, from a shallow history', async () => {
    const cli = await cloneWith(TOKEN, ['apps/web']);
    const tips = await cli.fetchBranches(['main']);
    await cli.checkout(tips.get('main') as string);

    expect(await fs.readdir(path.join(cli.directory, 'apps'))).toEqual(['web']);
    expect(git(cli.directory, 'rev-parse', '--is-shallow-repository')).toBe('true');
  });

  it('reads each fetched tip from its ref file, or through git when the refs are packed; runs no maintenance', async () => {
    const cli = await cloneWith(TOKEN);
    const main = git(world.gitPath, 'rev-parse', 'main');

    let tips = new Map<string, string>();
    const fromFile = await commandsOf(async () => (tips = await cli.fetchBranches(['main'])));
    expect(tips.get('main')).toBe(main);
    expect(await fs.readFile(path.join(cli.directory, '.git/refs/remotes/origin/main'), 'utf8')).toBe(`${main}\n`);
    expect(fromFile).toContain('git fetch');
    expect(fromFile).not.toMatch(/git (rev-parse|maintenance|gc)\b/);

    // Packed, an unchanged tip has no ref file, and a fetch that moves nothing leaves it so: git resolves it.
    git(cli.directory, 'pack-refs', '--all');
    const refFile = path.join(cli.directory, '.git/refs/remotes/origin/main');
    await expect(fs.stat(refFile)).rejects.toThrow(/ENOENT/);
    const throughGit = await commandsOf(async () => (tips = await cli.fetchBranches(['main'])));
    expect(tips.get('main')).toBe(main);
    await expect(fs.stat(refFile)).rejects.toThrow(/ENOENT/);
    expect(throughGit).toMatch(/git rev-parse refs\/remotes\/origin\/main/);
  });

  it('lists which branches exist', async () => {
    const cli = await cloneWith(TOKEN);
    expect(await cli.remoteBranches(['main', 'feature', 'nope'])).toEqual(
      new Map([
        ['main', git(world.gitPath, 'rev-parse', 'main')],
        ['feature', git(world.gitPath, 'rev-parse', 'feature')],
      ]),
    );
  });

  it('a push that lost a race is a RefMovedError; the branch keeps the other push', async () => {
    const cli = await cloneWith(TOKEN);
    const tips = await cli.fetchBranches(['main']);
    const mine = await cli.commitFiles({
      files: [],
      parents: [tips.get('main') as string],
      message: 'mine',
      author: AUTHOR,
    });
    const theirs = await world.double.commitAsPerson(REPO, 'main', { 'apps/web/prod/k.yaml': 'tag: 3\n' });

    await expect(cli.push(mine, 'main')).rejects.toBeInstanceOf(RefMovedError);
    expect(git(world.gitPath, 'rev-parse', 'main')).toBe(theirs);
  });

  it('a push naming its parent as the tip to expect is refused at once when the branch moved, and lands when not', async () => {
    const cli = await cloneWith(TOKEN, ['apps/api']);
    const commitOn = async (parent: string, tag: string) => {
      await cli.checkout(parent);
      await fs.writeFile(path.join(cli.directory, 'apps/api/prod/k.yaml'), `tag: ${tag}\n`);
      return cli.commitFiles({ files: ['apps/api/prod/k.yaml'], parents: [parent], message: tag, author: AUTHOR });
    };
    const before = (await cli.fetchBranches(['main'])).get('main') as string;
    const mine = await commitOn(before, 'lost');
    const theirs = await world.double.commitAsPerson(REPO, 'main', { 'apps/web/prod/k.yaml': 'tag: 4\n' });

    let refusal: unknown;
    const lost = await commandsOf(async () => (refusal = await cli.push(mine, 'main', before).catch((e) => e)));
    expect(refusal).toBeInstanceOf(RefMovedError);
    expect(git(world.gitPath, 'rev-parse', 'main')).toBe(theirs);
    // Without the lease, git fetches the unknown tip from the partial clone's remote to tell why it was refused.
    expect(lost).not.toMatch(/git fetch/);

    const now = (await cli.fetchBranches(['main'])).get('main') as string;
    const next = await commitOn(now, 'won');
    await cli.push(next, 'main', now);
    expect(git(world.gitPath, 'rev-parse', 'main')).toBe(next);
    expect(git(world.gitPath, 'rev-parse', 'main^')).toBe(theirs);

    // A branch to create that someone created first is refused at once too.
    let created: unknown;
    const taken = await commandsOf(async () => (created = await cli.push(next, 'feature', null).catch((e) => e)));
    expect(created).toBeInstanceOf(RefMovedError);
    expect(taken).not.toMatch(/git fetch/);
  });

  it('never names a tip that is not a parent of the commit: the push is then a plain one, and git refuses to rewrite', async () => {
    const cli = await cloneWith(TOKEN);
    const before = (await cli.fetchBranches(['main'])).get('main') as string;
    const mine = await cli.commitFiles({ files: [], parents: [before], message: 'mine', author: AUTHOR });
    const theirs = await world.double.commitAsPerson(REPO, 'main', { 'apps/web/prod/k.yaml': 'tag: 5\n' });

    // `theirs` is where the branch is, but not what `mine` was made on: a lease on it would overwrite their commit.
    await expect(cli.push(mine, 'main', theirs)).rejects.toBeInstanceOf(RefMovedError);
    expect(git(world.gitPath, 'rev-parse', 'main')).toBe(theirs);
  });

  it('finds a commit deep in a branch by deepening the shallow history, and stops at the limit', async () => {
    const first = git(world.gitPath, 'rev-parse', 'main');
    for (let i = 0; i < 12; i++) await world.double.commitAsPerson(REPO, 'main', { 'notes.txt': `${i}\n` });
    const cli = await cloneWith(TOKEN);
    await cli.fetchBranches(['main']);

    expect(await cli.branchContains('main', first, 4)).toBe(false);
    expect(await cli.branchContains('main', first, 64)).toBe(true);
    expect(await cli.branchContains('main', 'f'.repeat(40), 64)).toBe(false);
  });

  it('a missing token is a one-line UserError naming the problem, not a prompt', async () => {
    const cli = await cloneWith(undefined);
    const error = await cli.remoteBranches(['main']).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(/refused the token \(HTTP 401\)/);
  });
});

describe('GitCli against a remote that stalls', () => {
  it('stops git after the network timeout and says which remote stalled, whatever the protocol', async () => {
    // git:// has no low-speed limit: a daemon that accepts and never answers would hang git for ever.
    const sockets: net.Socket[] = [];
    const closed: Promise<unknown>[] = [];
    const server = net.createServer((socket) => {
      sockets.push(socket);
      closed.push(new Promise((resolve) => socket.once('close', resolve)));
      socket.resume();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    const url = `git://127.0.0.1:${port}/stalled.git`;
    try {
      const cli = await GitCli.createRepository(await tempTree({}, 'git-cli-'), { url, networkTimeoutMs: 1500 });
      const error = await cli.remoteBranches(['main']).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(UserError);
      expect((error as Error).message).toMatch(new RegExp(`^${url} stalled during git fetch: git timed out after 2 s`));
      // the process group is gone: the connection git held is closed from its side
      await expect(Promise.all(closed)).resolves.toHaveLength(sockets.length);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
