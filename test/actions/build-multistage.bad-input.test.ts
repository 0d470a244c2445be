/**
 * build-multistage run as a runner runs it (dist/build-multistage/index.js) on bad input: one ::error line,
 * exit 1, no output set, no secret printed, and no docker command run (every case fails before the build).
 */
import { describe, expect, it } from '@jest/globals';
import { errorLines, runBundledAction } from '../helpers/run-action.js';
import { tempTree } from '../helpers/temp-dir.js';

const SECRET = 'sup3r-s3cret-value';
const DOCKERFILE = [
  'FROM local/busybox:1 AS builder',
  'RUN echo built > /out',
  'FROM local/busybox:1 AS runtime',
  'COPY --from=builder /out /out',
  'USER 65534',
  '',
].join('\n');
const GITHUB = { GITHUB_SHA: '9fceb02d0ae598e95dc970b74767f19372d61af8', GITHUB_REF: 'refs/heads/main' };

interface BadCase {
  inputs?: Record<string, string>;
  files?: Record<string, string>;
  env?: Record<string, string>;
  error: string | RegExp;
}

const image = (value: string, error: string | RegExp): BadCase => ({ inputs: { image: value }, error });
const cases: Record<string, BadCase> = {
  'missing image': image('', 'Input "image" is required.'),
  'uppercase image': image(
    'ghcr.io/Acme/api',
    'Invalid image "ghcr.io/Acme/api": the repository name must be lowercase.',
  ),
  'image with a space': image('ghcr.io/acme/my api', /Invalid image .*white space/),
  'image with a URL scheme': image('https://ghcr.io/acme/api', /Invalid image/),
  'image with a tag': image(
    'ghcr.io/acme/api:1.0',
    'Input "image" is the repository only (e.g. ghcr.io/acme/api); put tags in "tags".',
  ),
  'image with a digest': image(`ghcr.io/acme/api@sha256:${'a'.repeat(64)}`, 'Input "image" is the repository only'),
  'missing context': { inputs: { context: 'nope' }, error: 'Build context "nope" does not exist.' },
  'context is a file': { inputs: { context: 'Dockerfile' }, error: 'Build context "Dockerfile" is not a directory.' },
  'missing Dockerfile in the context': {
    files: { 'web/index.html': '<p>hi</p>' },
    inputs: { context: 'web' },
    error: 'Dockerfile "web/Dockerfile" does not exist.',
  },
  'missing Dockerfile named by dockerfile': {
    inputs: { dockerfile: 'docker/Dockerfile.prod' },
    error: 'Dockerfile "docker/Dockerfile.prod" does not exist.',
  },
  'Dockerfile is a directory': {
    files: { 'Dockerfile.d/README': 'x' },
    inputs: { dockerfile: 'Dockerfile.d' },
    error: 'Dockerfile "Dockerfile.d" is not a file.',
  },
  'build arg without =': {
    inputs: { 'build-args': 'A=1\nVERSION' },
    error: 'Input "build-args" line 2 must be KEY=VALUE, got "VERSION".',
  },
  'build arg with a bad name': {
    inputs: { 'build-args': '1X=2' },
    error: 'Input "build-args" line 1 must be KEY=VALUE, got "1X=2".',
  },
  'build arg with a space in its name': {
    inputs: { 'build-args': 'APP VERSION=2' },
    error: 'line 1 must be KEY=VALUE',
  },
  'build arg set twice': { inputs: { 'build-args': 'A=1\nA=2' }, error: 'Input "build-args" sets "A" twice.' },
  'build arg line that is only =': { inputs: { 'build-args': '=value' }, error: 'line 1 must be KEY=VALUE' },
  'secret without =': { inputs: { secrets: SECRET }, error: 'Input "secrets" line 1 must be id=value' },
  'secret with an empty value': { inputs: { secrets: 'token=' }, error: 'Input "secrets" line 1 must be id=value' },
  'secret with a bad id': {
    inputs: { secrets: `npm token=${SECRET}` },
    error: 'Input "secrets" line 1 must be id=value',
  },
  'secret named twice': {
    inputs: { secrets: `t=${SECRET}\nt=${SECRET}2` },
    error: 'Input "secrets" names the secret "t" twice.',
  },
  'label without =': { inputs: { labels: 'team' }, error: 'Input "labels" line 1 must be key=value, got "team".' },
  'invalid raw tag': { inputs: { tags: 'v1/beta' }, error: /Input "tags": "v1\/beta" is neither a rule/ },
  'tag starting with a dot': { inputs: { tags: '.hidden' }, error: 'is neither a rule' },
  'push not a boolean': { inputs: { push: 'yes' }, error: 'Input "push" must be true or false, got "yes".' },
  'unknown builder': {
    inputs: { builder: 'kaniko' },
    error: 'Input "builder" must be one of auto, buildx, docker; got "kaniko".',
  },
  'unknown policy': {
    inputs: { policy: 'strict' },
    error: 'Input "policy" must be one of warn, error, off; got "strict".',
  },
  'bad platform': {
    inputs: { platforms: 'linux/amd64,arm64' },
    error: 'Input "platforms": "arm64" is not os/arch[/variant]',
  },
  'bad network': {
    inputs: { network: 'host; rm -rf /' },
    error: 'Input "network" must be host, none, default or a network name',
  },
  'target that is not a stage': {
    inputs: { target: 'release' },
    error: 'target "release" is not a stage of Dockerfile: its stages are builder, runtime.',
  },
  'Dockerfile without FROM': { files: { Dockerfile: 'RUN true\n' }, error: 'Dockerfile: has no FROM instruction' },
  'malformed FROM': {
    files: { Dockerfile: 'FROM a b c\n' },
    error: 'Dockerfile:1: FROM must be "FROM image [AS name]".',
  },
  'policy error with findings': {
    files: { Dockerfile: 'FROM local/busybox:1\nRUN true\n' },
    inputs: { policy: 'error' },
    error: '3 Dockerfile check(s) failed under policy "error" (annotated above): fix them or set policy: warn.',
  },
  'sha rule without a commit': {
    env: { GITHUB_SHA: '' },
    error: 'The tag rule "sha" needs the commit (GITHUB_SHA)',
  },
  'rules that give no tag': {
    inputs: { tags: 'semver' },
    error: 'No tag applies to ref "refs/heads/main" with the rules semver',
  },
};

describe('build-multistage refuses bad input with one line, exit 1 and no output', () => {
  it('has at least 30 cases', () => expect(Object.keys(cases).length).toBeGreaterThanOrEqual(30));

  it.each(Object.entries(cases))('%s', async (_, badCase) => {
    const workspace = await tempTree({ Dockerfile: DOCKERFILE, ...badCase.files });
    const inputs = { image: 'ghcr.io/acme/api', secrets: `token=${SECRET}`, ...badCase.inputs };
    const run = await runBundledAction('build-multistage', inputs, {
      workspace,
      env: { ...GITHUB, ...badCase.env },
    });

    expect(run.exitCode).toBe(1);
    const errors = errorLines(run);
    expect(errors).toHaveLength(badCase.inputs?.policy === 'error' ? 4 : 1);
    expect(errors[errors.length - 1]).toMatch(
      typeof badCase.error === 'string' ? escape(badCase.error) : badCase.error,
    );
    expect(run.stdout).not.toMatch(/^\s+at /m);
    expect(run.stdout).not.toContain('[command]');
    expect(run.outputs).toEqual({});
    expect(withoutMaskCommands(run.stdout + run.stderr)).not.toContain(SECRET);
  });

  it('annotates each Dockerfile finding at its file and line under policy error', async () => {
    const workspace = await tempTree({ 'app/Dockerfile': 'FROM local/busybox:1\nADD https://example.com/x.tgz /x\n' });
    const run = await runBundledAction(
      'build-multistage',
      { image: 'ghcr.io/acme/api', context: 'app', policy: 'error' },
      { workspace, env: GITHUB },
    );
    expect(errorLines(run).slice(0, -1)).toEqual([
      '::error file=app/Dockerfile,line=1::app/Dockerfile:1: single-stage build: the build tools ship in the image; build in a builder stage and copy the result (single-stage)',
      '::error file=app/Dockerfile,line=1::app/Dockerfile:1: the final stage (0) has no USER, so it runs as root (runs-as-root)',
      '::error file=app/Dockerfile,line=1::app/Dockerfile:1: base image local/busybox:1 is not pinned by digest: a tag can move; use name:tag@sha256:... (base-not-pinned)',
      '::error file=app/Dockerfile,line=2::app/Dockerfile:2: ADD of a URL fetches unverified bytes: download in a RUN step and check a checksum, or use ADD --checksum (add-from-url)',
    ]);
  });
});

/** `::add-mask::<value>` is how a secret is handed to the runner to hide; the runner never shows that line. */
function withoutMaskCommands(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
}

function escape(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}
