import { beforeAll, describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { commitAll, git } from '../helpers/git.js';
import { errorLines, runBundledAction } from '../helpers/run-action.js';
import { tempTree } from '../helpers/temp-dir.js';

const IMAGE = 'ghcr.io/acme/api:2.0.0';
const DIGEST = `sha256:${'e'.repeat(64)}`;
const DEPLOYMENT =
  'kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - image: ghcr.io/acme/api:1.0.0\n';
const BOMB = [
  'a: &a ["api","api","api","api","api","api","api","api","api"]',
  ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
].join('\n');

interface BadCase {
  inputs?: Record<string, string>;
  files?: Record<string, string | Buffer>;
  /** Made before the run: symlinks and other things plain files cannot express. */
  setup?: (workspace: string, outside: string) => Promise<void>;
  error: string | RegExp;
}

const image = (value: string): BadCase => ({
  inputs: { 'image-ref': value },
  error: /Invalid image-ref|Input "image-ref" must carry/,
});
const cases: Record<string, BadCase> = {
  'uppercase repository': image('UPPER/case:1'),
  'uppercase path component': image('ghcr.io/acme/API:1'),
  'empty tag': image('api:'),
  'short digest': image('api@sha256:abc'),
  'digest of another algorithm': image(`api@md5:${'a'.repeat(32)}`),
  'uppercase digest hex': image(`api@sha256:${'A'.repeat(64)}`),
  'space inside': image('ghcr.io/acme/my api:1'),
  'tab inside': image('ghcr.io/acme/api:\t1'),
  'neither tag nor digest': image('ghcr.io/acme/api'),
  'empty path component': image('ghcr.io//api:1'),
  'tag starting with a dash': image('ghcr.io/acme/api:-1'),
  'tag too long': image(`ghcr.io/acme/api:${'x'.repeat(129)}`),
  'URL scheme': image('https://ghcr.io/acme/api:1'),
  'two tags': image('api:1:2'),
  'bad registry host': image('-ghcr.io/acme/api:1'),
  'digest without hex': image('ghcr.io/acme/api:1@sha256:'),
  'missing image-ref': { inputs: { 'image-ref': '' }, error: 'Input "image-ref" is required.' },
  'unknown pin': { inputs: { pin: 'sha' }, error: 'Input "pin" must be one of tag, digest, tag+digest; got "sha".' },
  'pin digest without digest': { inputs: { pin: 'digest' }, error: 'Input "pin": digest needs a digest' },
  'pin tag without tag': {
    inputs: { 'image-ref': `ghcr.io/acme/api@${DIGEST}`, pin: 'tag' },
    error: 'Input "pin": tag needs a tag',
  },
  'pin tag+digest without digest': { inputs: { pin: 'tag+digest' }, error: 'Input "pin": tag+digest needs a digest' },
  'dry-run not a boolean': { inputs: { 'dry-run': 'yes please' }, error: 'Input "dry-run" must be true or false' },
  'manifests missing': { inputs: { manifests: '' }, error: 'Input "manifests" is required' },
  'manifests only separators': { inputs: { manifests: ' ,\n, ' }, error: 'Input "manifests" is required' },
  'missing file': { inputs: { manifests: 'missing.yaml' }, error: 'Path "missing.yaml" matches no YAML file' },
  'missing directory': { inputs: { manifests: 'apps/missing/' }, error: 'matches no YAML file' },
  'directory without YAML': {
    files: { 'docs/readme.txt': 'hi' },
    inputs: { manifests: 'docs' },
    error: 'Path "docs" matches no YAML file',
  },
  'glob matching nothing': { inputs: { manifests: 'apps/*/values.yaml' }, error: 'matches no YAML file' },
  'one of several manifests missing': {
    inputs: { manifests: 'deploy.yaml,gone.yaml' },
    error: 'Path "gone.yaml" matches no YAML file',
  },
  'parent directory': { inputs: { manifests: '../' }, error: 'resolves outside the working directory' },
  'parent file': { inputs: { manifests: '../outside.yaml' }, error: 'resolves outside the working directory' },
  'absolute path outside': { inputs: { manifests: '/etc/passwd' }, error: 'resolves outside the working directory' },
  'absolute directory outside': { inputs: { manifests: '/etc' }, error: 'resolves outside the working directory' },
  'glob climbing out': { inputs: { manifests: '../*.yaml' }, error: 'must stay inside' },
  'absolute glob': { inputs: { manifests: '/tmp/*.yaml' }, error: 'must stay inside' },
  'unclosed glob brace': { inputs: { manifests: 'apps/{a,b.yaml' }, error: 'has an unclosed "{"' },
  'symlinked file pointing outside': {
    inputs: { manifests: 'escape.yaml' },
    setup: async (ws, outside) => fs.symlink(path.join(outside, 'outside.yaml'), path.join(ws, 'escape.yaml')),
    error: 'resolves outside the working directory',
  },
  'symlinked directory pointing outside': {
    inputs: { manifests: 'linked' },
    setup: async (ws, outside) => fs.symlink(outside, path.join(ws, 'linked')),
    error: 'resolves outside the working directory',
  },
  'symlink inside a scanned directory pointing outside': {
    inputs: { manifests: '.' },
    setup: async (ws, outside) => fs.symlink(path.join(outside, 'outside.yaml'), path.join(ws, 'apps-link.yaml')),
    error: 'resolves outside the working directory',
  },
  'working directory missing': {
    inputs: { 'working-directory': 'nope' },
    error: /Working directory ".*nope" does not exist/,
  },
  'working directory is a file': { inputs: { 'working-directory': 'deploy.yaml' }, error: 'is not a directory' },
  'YAML alias bomb': { files: { 'bomb.yaml': BOMB }, error: 'bomb.yaml: refused: its aliases expand past 100 nodes' },
  '50 MB file': {
    files: { 'huge.yaml': `# api\n${'x'.repeat(50 * 1024 * 1024)}\n` },
    error: 'huge.yaml: 52428807 bytes is larger than the 8 MiB',
  },
  'binary file named .yaml': {
    files: { 'logo.yaml': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x61, 0x70, 0x69]) },
    error: 'logo.yaml: is a binary file, not YAML.',
  },
  'invalid UTF-8': {
    files: { 'latin1.yaml': Buffer.from('image: api\ncomment: caf\xe9\n', 'latin1') },
    error: 'latin1.yaml: is not valid UTF-8.',
  },
  // Neither holds the image's name in UTF-8 bytes: refused all the same, not skipped as a file about other images.
  'UTF-16 manifest (as PowerShell 5 writes)': {
    files: { 'utf16.yaml': Buffer.from('\ufeffimage: ghcr.io/acme/api:1\n', 'utf16le') },
    error: 'utf16.yaml: is a binary file, not YAML.',
  },
  'invalid UTF-8 in a file about another image': {
    files: { 'other.yaml': Buffer.from('image: web\ncomment: caf\xe9\n', 'latin1') },
    error: 'other.yaml: is not valid UTF-8.',
  },
  'unclosed quote': {
    files: { 'broken.yaml': 'kind: Pod\nspec:\n  containers:\n    - image: "ghcr.io/acme/api:1\n' },
    error: /broken\.yaml:\d+: invalid YAML/,
  },
  'tab indentation': {
    files: { 'tabs.yaml': 'kind: Pod\nspec:\n\tcontainers:\n\t\t- image: api:1\n' },
    error: /tabs\.yaml:\d+: invalid YAML/,
  },
  'duplicate key': {
    files: { 'dup.yaml': 'kind: Pod\nkind: Pod\nspec: {containers: [{image: ghcr.io/acme/api:1}]}\n' },
    error: /dup\.yaml:2: invalid YAML: Map keys must be unique/,
  },
  'unclosed flow sequence': {
    files: { 'flow.yaml': 'images: [ghcr.io/acme/api:1\n' },
    error: /flow\.yaml:\d+: invalid YAML/,
  },
  'image as a block scalar': {
    files: { 'block.yaml': 'kind: Pod\nspec:\n  containers:\n    - image: >-\n        ghcr.io/acme/api:1\n' },
    error: 'block.yaml:4: the image is written as a block scalar',
  },
  'kustomize newTag that is not a string': {
    files: { 'kustomization.yaml': 'images:\n  - name: ghcr.io/acme/api\n    newTag: [1, 2]\n' },
    error: 'kustomization.yaml:3: expected a string value here.',
  },
  'Helm values without a tag key': {
    files: { 'values.yaml': 'image:\n  repository: ghcr.io/acme/api\n  version: 1\n' },
    error: 'values.yaml:2: the values for ghcr.io/acme/api have no "tag" key to update.',
  },
  'Helm values without a digest key, digest pin': {
    inputs: { 'image-ref': `ghcr.io/acme/api@${DIGEST}` },
    files: { 'values.yaml': 'image:\n  repository: ghcr.io/acme/api\n  tag: "1"\n' },
    error: 'values.yaml:2: the values for ghcr.io/acme/api have no "digest" key',
  },
};

let outside: string;
beforeAll(async () => {
  outside = await tempTree({ 'outside.yaml': DEPLOYMENT });
});

describe('bump-manifest refuses bad input with one line, exit 1 and nothing written', () => {
  it('has at least 50 cases', () => expect(Object.keys(cases).length).toBeGreaterThanOrEqual(50));

  it.each(Object.entries(cases))('%s', async (_, badCase) => {
    const workspace = await tempTree({ 'deploy.yaml': DEPLOYMENT, ...badCase.files });
    await badCase.setup?.(workspace, outside);
    commitAll(workspace);
    const inputs: Record<string, string> = { 'image-ref': IMAGE, manifests: '.', ...badCase.inputs };
    if (inputs['working-directory']) inputs['working-directory'] = path.join(workspace, inputs['working-directory']);
    const run = await runBundledAction('bump-manifest', inputs, { workspace });

    expect(run.exitCode).toBe(1);
    const errors = errorLines(run);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(typeof badCase.error === 'string' ? escape(badCase.error) : badCase.error);
    expect(run.stdout).not.toMatch(/^\s+at /m);
    expect(run.outputs).toEqual({});
    expect(git(workspace, 'status', '--porcelain', '--untracked-files=all')).toBe('');
    expect(await fs.readFile(path.join(outside, 'outside.yaml'), 'utf8')).toBe(DEPLOYMENT);
  });

  it('fails before writing anything when the runner cannot take its outputs', async () => {
    const workspace = await tempTree({ 'deploy.yaml': DEPLOYMENT });
    commitAll(workspace);
    // a folder where the output file should be: appending fails, even for root
    const run = await runBundledAction(
      'bump-manifest',
      { 'image-ref': IMAGE, manifests: '.' },
      { workspace, env: { GITHUB_OUTPUT: workspace } },
    );
    expect(run.exitCode).toBe(1);
    expect(errorLines(run)).toEqual([
      `::error::GITHUB_OUTPUT (${workspace}) cannot be written (EISDIR): nothing was changed.`,
    ]);
    expect(git(workspace, 'status', '--porcelain', '--untracked-files=all')).toBe('');
  });

  it('annotates file errors with file and line', async () => {
    const workspace = await tempTree({ 'deploy.yaml': DEPLOYMENT, 'broken.yaml': 'kind: Pod\n  image: "api\n' });
    const run = await runBundledAction('bump-manifest', { 'image-ref': IMAGE, manifests: '.' }, { workspace });
    expect(errorLines(run)[0]).toMatch(/^::error file=broken\.yaml,line=\d+::broken\.yaml:\d+: invalid YAML/);
  });
});

function escape(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}
