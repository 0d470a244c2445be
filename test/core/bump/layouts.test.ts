import { describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { ManifestBumper } from '../../../src/core/bump/bumper.js';
import { parseImageKeys } from '../../../src/core/bump/image-keys.js';
import { parseImagePolicy } from '../../../src/core/bump/image-policy.js';
import type { BumpNotice } from '../../../src/core/bump/notices.js';
import type { BumpTarget, Pin, ReferenceChange } from '../../../src/core/bump/types.js';
import { resolveYamlFiles } from '../../../src/core/file-scope.js';
import { ImageRef } from '../../../src/core/image-ref.js';
import { REPO_ROOT } from '../../helpers/run-action.js';
import { tempTree } from '../../helpers/temp-dir.js';
import { DIGEST, OLD_DIGEST } from './bump-helper.js';

const API = 'ghcr.io/acme/api';
const FIXTURES = path.join(REPO_ROOT, 'test/fixtures');

interface Options {
  pin?: Pin;
  imageKeys?: string;
  imagePolicy?: string;
}

/** Plans a bump of the files (a tree of texts, or a copied fixture folder) and returns the planned texts. */
async function plan(files: Record<string, string> | string, image: string, options: Options = {}) {
  const root = await tempTree(typeof files === 'string' ? {} : files);
  if (typeof files === 'string') await fs.cp(files, root, { recursive: true });
  const ref = ImageRef.parse(image);
  const target: BumpTarget = {
    image: ref,
    pin: options.pin ?? (ref.digest ? (ref.tag ? 'tag+digest' : 'digest') : 'tag'),
    ...(options.imageKeys ? { imageKeys: parseImageKeys(options.imageKeys, 'image-keys') } : {}),
    ...(options.imagePolicy ? { imagePolicy: parseImagePolicy(options.imagePolicy, 'image-policy') } : {}),
  };
  const notices: BumpNotice[] = [];
  const bumps = await new ManifestBumper(undefined, (notice) => notices.push(notice)).plan(
    await resolveYamlFiles(['.'], root),
    root,
    target,
  );
  const after: Record<string, string> = {};
  for (const bump of bumps) after[bump.path] = bump.after;
  const changes: ReferenceChange[] = bumps.flatMap((bump) => bump.changes);
  return { after, changes, notices, root };
}

const warnings = (notices: BumpNotice[]) => notices.filter((n) => n.level === 'warning').map((n) => n.message);

describe('1. an image as one string in Helm values', () => {
  const values = [
    'api:',
    '  image: ghcr.io/acme/api:1.4.1 # pinned by CI',
    'worker:',
    '  image: ghcr.io/acme/api-worker:1.4.1',
    'sidecars:',
    `  - "ghcr.io/acme/api@${OLD_DIGEST}"`,
    'cache:',
    '  host: api:6379',
    '',
  ].join('\n');

  it('rewrites the whole reference in its spelling and quoting; lookalikes and host:port stay', async () => {
    const { after, changes } = await plan({ 'values.yaml': values }, `${API}:1.5.0@${DIGEST}`);
    expect(after['values.yaml']).toBe(
      values
        .replace('api:1.4.1 # pinned', `api:1.5.0@${DIGEST} # pinned`)
        .replace(`"ghcr.io/acme/api@${OLD_DIGEST}"`, `"ghcr.io/acme/api:1.5.0@${DIGEST}"`),
    );
    expect(changes.map((c) => [c.line, c.kind])).toEqual([
      [2, 'helm-values'],
      [6, 'helm-values'],
    ]);
    const bare = await plan({ 'values.yaml': values }, 'docker.io/library/api:7');
    expect(bare.after).toEqual({});
  });

  it('edits a Flux HelmRelease spec.values and an Argo CD valuesObject the same way', async () => {
    const release = `apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nspec:\n  values:\n    image: ${API}:1.4.1\n`;
    const app = `apiVersion: argoproj.io/v1alpha1\nkind: Application\nspec:\n  source:\n    helm:\n      valuesObject:\n        api: {image: '${API}:1.4.1'}\n`;
    const { after } = await plan({ 'release.yaml': release, 'app.yaml': app }, `${API}:1.5.0`);
    expect(after['release.yaml']).toBe(release.replace('1.4.1', '1.5.0'));
    expect(after['app.yaml']).toBe(app.replace('1.4.1', '1.5.0'));
  });

  it('warns where a values string names the image without a version', async () => {
    const { after, notices } = await plan({ 'values.yaml': `image: ${API}\nimageTag: "1"\n` }, `${API}:2`);
    expect(after).toEqual({});
    expect(warnings(notices)).toEqual([
      `values.yaml:1: "image" names ${API} without a tag or digest, so its version is kept under another key: name that key with image-keys.`,
    ]);
    expect(notices[0]).toMatchObject({ file: 'values.yaml', line: 1 });
  });
});

describe('2. Argo CD helm.parameters and helm.values', () => {
  const app = [
    'apiVersion: argoproj.io/v1alpha1',
    'kind: ApplicationSet',
    'spec:',
    '  template:',
    '    spec:',
    '      source:',
    '        helm:',
    '          parameters:',
    '            - name: image.repository',
    `              value: ${API}`,
    '            - name: image.tag',
    "              value: '1.0.0'",
    '            - name: image.digest',
    '              value: ""',
    '            - name: worker.image.repository',
    `              value: ${API}-worker`,
    '            - name: worker.image.tag',
    '              value: 1.0.0',
    '            - name: migrate.image',
    `              value: ${API}:1.0.0`,
    '          values: |',
    '            # block values',
    '            api:',
    '              image:',
    `                repository: ${API}`,
    '                tag: 1.0.0',
    '',
  ].join('\n');

  it('sets the tag and digest parameters of the image, whole-reference parameters, and inside the values block', async () => {
    const { after, changes } = await plan({ 'appset.yaml': app }, `${API}:1.1.0@${DIGEST}`);
    expect(after['appset.yaml']).toBe(
      app
        .replace("value: '1.0.0'", "value: '1.1.0'")
        .replace('value: ""', `value: "${DIGEST}"`)
        .replace(`${API}:1.0.0`, `${API}:1.1.0@${DIGEST}`)
        .replace('                tag: 1.0.0', `                tag: 1.1.0@${DIGEST}`),
    );
    expect(changes.map((c) => [c.line, c.kind])).toEqual([
      [9, 'argocd'],
      [20, 'argocd'],
      [25, 'helm-values'],
    ]);
  });

  it('keeps CRLF and the block indentation; a folded block is reported, not edited', async () => {
    const crlf = app.replace(/\n/g, '\r\n');
    const { after } = await plan({ 'appset.yaml': crlf }, `${API}:1.1.0`);
    expect(after['appset.yaml']).toBe(
      crlf
        .replace("value: '1.0.0'", "value: '1.1.0'")
        .replace(`${API}:1.0.0`, `${API}:1.1.0`)
        .replace('                tag: 1.0.0', '                tag: 1.1.0'),
    );
    const folded = app.split('values: |')[0] + `values: >\n            image: ${API}:1.0.0\n`;
    const result = await plan({ 'appset.yaml': folded }, `${API}:1.1.0`);
    expect(warnings(result.notices)).toEqual([
      `appset.yaml:21: helm.values may name ${API}, but it is not a literal block (|), so its lines cannot be edited in place: not edited.`,
    ]);
  });

  it('warns when the repository parameter has no tag parameter beside it', async () => {
    const text = `kind: Application\napiVersion: argoproj.io/v1alpha1\nspec:\n  source:\n    helm:\n      parameters:\n      - {name: image.repository, value: ${API}}\n`;
    const { after, notices } = await plan({ 'app.yaml': text }, `${API}:2`);
    expect(after).toEqual({});
    expect(warnings(notices)).toEqual([
      `app.yaml:7: helm parameter image.repository names ${API}, but no image.tag parameter sets its version: not edited.`,
    ]);
  });
});

describe('3. Argo CD parameter override files (Image Updater write-back)', () => {
  const E2E = 'quay.io/argoprojlabs/argocd-e2e-container';

  it('bumps kustomize.images in .argocd-source-<app>.yaml and .argocd-source.yaml, keeping a missing final newline', async () => {
    const [app, dir] = await Promise.all(
      ['writeback-multi_.argocd-source-testapp.yaml', 'writeback-multi_.argocd-source.yaml'].map((name) =>
        fs.readFile(path.join(FIXTURES, 'argocd', name), 'utf8'),
      ),
    );
    const files = { 'testapp/.argocd-source-testapp.yaml': app, 'testapp/.argocd-source.yaml': dir } as Record<
      string,
      string
    >;
    const { after, changes } = await plan(files, `${E2E}:0.4`);
    expect(after['testapp/.argocd-source-testapp.yaml']).toBe(app.replace(':0.3', ':0.4'));
    expect(after['testapp/.argocd-source.yaml']).toBe(dir.replace(':0.2', ':0.4'));
    expect(dir.endsWith('\n')).toBe(false);
    expect(changes.map((c) => [c.file, c.line, c.kind])).toEqual([
      ['testapp/.argocd-source-testapp.yaml', 3, 'argocd'],
      ['testapp/.argocd-source.yaml', 3, 'argocd'],
    ]);
  });

  it('a tag-only helm parameter is named in the no-reference warning, and bumped once image-keys names it', async () => {
    const helm = await fs.readFile(
      path.join(FIXTURES, 'argocd/writeback-single-global-helm_.argocd-source.yaml'),
      'utf8',
    );
    const files = { 'app/.argocd-source.yaml': helm };
    const unnamed = await plan(files, `${E2E}:0.3`);
    expect(unnamed.after).toEqual({});
    expect(warnings(unnamed.notices)).toEqual([
      `No file of the 1 in scope refers to ${E2E}: nothing to bump. Tag keys with no repository beside them may belong to it (app/.argocd-source.yaml:3 image.tag): name them with image-keys.`,
    ]);
    const named = await plan(files, `${E2E}:0.3`, { imageKeys: 'app/.argocd-source*.yaml: tag=image.tag' });
    expect(named.after['app/.argocd-source.yaml']).toBe(helm.replace("'0.2'", "'0.3'"));
    expect(named.notices).toEqual([]);
  });
});

describe('4. a chart directory in paths', () => {
  it('skips templates/ beside Chart.yaml (saying so) and bumps the values files', async () => {
    const { after, changes, notices } = await plan(
      path.join(FIXTURES, 'helm-charts/podinfo'),
      'ghcr.io/stefanprodan/podinfo:6.15.0',
    );
    expect(Object.keys(after)).toEqual(['values-prod.yaml', 'values.yaml']);
    expect(changes.map((c) => [c.file, c.line])).toEqual([
      ['values-prod.yaml', 10],
      ['values.yaml', 10],
    ]);
    expect(notices).toEqual([
      expect.objectContaining({
        level: 'info',
        message: expect.stringMatching(/^\.: skipped \d+ file\(s\) under templates\/ \(Helm templates, not YAML\)/),
      }),
    ]);
  });
});

describe('5. explicit key paths (image-keys)', () => {
  const values = [
    'api:',
    '  image:',
    `    name: ${API}`,
    '    version: "1.0" # app version',
    'images:',
    '  api:',
    '    tag: 1.0.0',
    '',
  ].join('\n');

  it('sets the named keys, per file glob, checking the repository key where one is named', async () => {
    const keys = 'values/*.yaml: repository=api.image.name tag=api.image.version\nvalues/api.yaml: tag=images.api.tag';
    const { after, changes } = await plan({ 'values/api.yaml': values, 'other/api.yaml': values }, `${API}:1.1`, {
      imageKeys: keys,
    });
    expect(after).toEqual({
      'values/api.yaml': values.replace('"1.0" #', '"1.1" #').replace('tag: 1.0.0', 'tag: "1.1"'),
    });
    expect(changes.map((c) => [c.line, c.kind, c.from, c.to])).toEqual([
      [3, 'image-keys', `${API}:1.0`, `${API}:1.1`],
      [7, 'image-keys', `${API}:1.0.0`, `${API}:1.1`],
    ]);
    // A rule without a repository key says its keys are this image's: only the first one checks.
    const other = await plan({ 'values/api.yaml': values }, 'ghcr.io/acme/web:2', {
      imageKeys: keys.split('\n')[0],
    });
    expect(other.after).toEqual({});
  });

  it('refuses a rule whose repository matches but whose tag key is missing; warns about a rule that found nothing', async () => {
    await expect(
      plan({ 'values.yaml': values }, `${API}:2`, { imageKeys: 'repository=api.image.name tag=api.image.tag' }),
    ).rejects.toThrow(
      'values.yaml:3: image-keys "repository=api.image.name tag=api.image.tag": the tag key api.image.tag is missing here.',
    );
    const { notices } = await plan({ 'values.yaml': values }, `${API}:2`, { imageKeys: 'nope/*.yaml: tag=a.b' });
    expect(warnings(notices)).toContain(
      'image-keys "nope/*.yaml: tag=a.b" found none of its keys in the 1 file(s) in scope.',
    );
  });

  it.each([
    [
      'repo=a.b',
      'Input "image-keys" line 1: "repo=a.b" must be repository=, tag= or digest= followed by a key path such as image.tag.',
    ],
    ['tag=a..b', 'Input "image-keys" line 1: "tag=a..b" has an empty key in its path.'],
    [
      '\nrepository=a',
      'Input "image-keys" line 2: "repository=a" names no tag= or digest= key, so there is nothing to write.',
    ],
    ['tag=a tag=b', 'Input "image-keys" line 1: "tag" is named twice.'],
    ['../x.yaml: tag=a', 'Input "image-keys" line 1: the glob "../x.yaml" must be relative to the working directory.'],
    ['v/[x.yaml: tag=a', 'Input "image-keys" line 1: Glob "v/[x.yaml" has an unclosed "[".'],
  ])('parseImageKeys(%j) is a one-line UserError', (text, message) => {
    expect(() => parseImageKeys(text, 'image-keys')).toThrow(message);
  });
});

describe('6. Flux image-automation setter markers', () => {
  const SETTERS = path.join(FIXTURES, 'flux/setters');
  const expected = (name: string) => fs.readFile(path.join(SETTERS, 'expected', name), 'utf8');

  it("matches Flux's own setter test: marked fields only, per policy, marker kept", async () => {
    const first = await plan(path.join(SETTERS, 'original'), 'index.repo.fake/updated:v1.0.1', {
      imagePolicy: 'automation-ns:policy',
    });
    expect(Object.keys(first.after)).toEqual(['kustomization.yml', 'marked.yaml']);
    expect(first.after['marked.yaml']).toBe(await expected('marked.yaml'));
    expect(first.changes.map((c) => [c.file, c.from, c.to])).toEqual([
      ['kustomization.yml', 'replaced', 'index.repo.fake/updated'],
      ['kustomization.yml', 'v1', 'v1.0.1'],
      ['marked.yaml', 'image:v1.0.0', 'index.repo.fake/updated:v1.0.1'],
    ]);
    // The second policy of Flux's test, applied on top of the first: the expected kustomization, byte for byte.
    await fs.writeFile(path.join(first.root, 'kustomization.yml'), first.after['kustomization.yml'] as string);
    const second = await plan(
      first.root,
      `image:v1.0.0@${'sha256:6745aaad46d795c9836632e1fb62f24b7e7f4c843144da8e47a5465c411a14be'}`,
      {
        imagePolicy: 'automation-ns:policy-with-digest',
      },
    );
    expect(second.after['kustomization.yml']).toBe(await expected('kustomization.yml'));
    expect(Object.keys(second.after)).toEqual(['kustomization.yml']);
  });

  it('leaves unmarked fields naming the same image, and says when no marker is found', async () => {
    const { after, notices } = await plan(path.join(SETTERS, 'original'), 'image:v9', { imagePolicy: 'bar:nothing' });
    expect(after).toEqual({});
    expect(warnings(notices)).toEqual([
      'No field in the 4 file(s) in scope carries the marker {"$imagepolicy": "bar:nothing"} (or its :name, :tag, :digest forms): nothing to bump.',
    ]);
  });

  it('refuses a :digest marker when the image reference has no digest', async () => {
    await expect(
      plan(path.join(SETTERS, 'original'), 'image:v1', { imagePolicy: 'automation-ns:policy-with-digest' }),
    ).rejects.toThrow(
      "kustomization.yml:10: this field's marker asks for the image's digest, but the image reference has none.",
    );
  });

  it.each([
    ['flux-system', 'Input "image-policy" must be <namespace>:<name> of a Flux ImagePolicy, got "flux-system".'],
    ['a:b:c', 'Input "image-policy" must be <namespace>:<name> of a Flux ImagePolicy, got "a:b:c".'],
    ['Flux:api', 'Input "image-policy": "Flux" is not a valid Kubernetes namespace.'],
    ['flux:api_1', 'Input "image-policy": "api_1" is not a valid ImagePolicy name.'],
  ])('parseImagePolicy(%j) is a one-line UserError', (text, message) => {
    expect(() => parseImagePolicy(text, 'image-policy')).toThrow(message);
  });
});

describe('7. a tag shared by several images', () => {
  const OTEL = path.join(FIXTURES, 'helm-charts/opentelemetry-demo');

  it('refuses to write one component tag into the OpenTelemetry demo default.image.tag', async () => {
    await expect(plan(OTEL, 'ghcr.io/open-telemetry/demo:2.1.0-frontend')).rejects.toThrow(
      /^values\.yaml:24: default\.image\.tag is the tag shared by \d+ components of components \(accounting, ad, agent, \.\.\.\); the chart appends "-frontend" to it, so "2\.1\.0-frontend" does not belong there\. Set components\.frontend\.imageOverride\.tag instead\.$/,
    );
    await expect(plan(OTEL, 'ghcr.io/open-telemetry/demo:2.1.0')).rejects.toThrow('would change all of them');
  });

  it('bumps a component that has its own imageOverride tag', async () => {
    const { after, changes } = await plan(OTEL, 'ghcr.io/open-feature/flagd:v0.17.0');
    const values = await fs.readFile(path.join(OTEL, 'values.yaml'), 'utf8');
    expect(after['values.yaml']).toBe(values.replace('tag: "v0.16.0"', 'tag: "v0.17.0"'));
    expect(changes).toHaveLength(1);
  });
});

describe('no reference at all', () => {
  it('says so, naming the image', async () => {
    const { notices } = await plan(
      { 'pod.yaml': 'kind: Pod\nspec:\n  containers:\n    - image: nginx:1\n' },
      `${API}:2`,
    );
    expect(warnings(notices)).toEqual([`No file of the 1 in scope refers to ${API}: nothing to bump.`]);
    const present = await plan({ 'pod.yaml': `kind: Pod\nspec:\n  containers:\n    - image: ${API}:2\n` }, `${API}:2`);
    expect(present.notices).toEqual([]);
  });
});
