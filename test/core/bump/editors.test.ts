import { describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { ManifestBumper } from '../../../src/core/bump/bumper.js';
import { ImageRef } from '../../../src/core/image-ref.js';
import { tempTree } from '../../helpers/temp-dir.js';
import { bump, bumpOne, DIGEST, OLD_DIGEST } from './bump-helper.js';

const API = 'ghcr.io/acme/api';

describe('kustomize images', () => {
  const kustomization = [
    'apiVersion: kustomize.config.k8s.io/v1beta1',
    'kind: Kustomization',
    'resources:',
    '  - deployment.yaml',
    'images:',
    '  - name: ghcr.io/acme/api # the API',
    '    newTag: 1.0.0 # bumped by CI',
    '  - name: ghcr.io/acme/api-worker',
    '    newTag: 1.0.0',
    '  - name: placeholder',
    '    newName: ghcr.io/acme/api',
    `    digest: ${OLD_DIGEST}`,
    '',
  ].join('\n');

  it('sets newTag in place, keeping comments, and matches on the effective name only', async () => {
    const after = await bumpOne('kustomization.yaml', kustomization, `${API}:1.1.0`);
    expect(after).toBe(
      kustomization
        .replace('newTag: 1.0.0 # bumped by CI', 'newTag: 1.1.0 # bumped by CI')
        .replace(`    digest: ${OLD_DIGEST}\n`, '    newTag: 1.1.0\n'),
    );
  });

  it('pin digest drops newTag; tag+digest adds the missing key after the last one', async () => {
    const digestOnly = await bumpOne('kustomization.yaml', kustomization, `${API}:1.1.0@${DIGEST}`, 'digest');
    expect(digestOnly).toContain(
      `  - name: ghcr.io/acme/api # the API\n    digest: ${DIGEST}\n  - name: ghcr.io/acme/api-worker`,
    );
    expect(digestOnly).toContain(`    newName: ghcr.io/acme/api\n    digest: ${DIGEST}\n`);
    const both = await bumpOne('kustomization.yaml', kustomization, `${API}:1.1.0@${DIGEST}`);
    expect(both).toContain(
      `    newTag: 1.1.0 # bumped by CI\n    digest: ${DIGEST}\n  - name: ghcr.io/acme/api-worker`,
    );
    expect(both).toContain(`    digest: ${DIGEST}\n    newTag: 1.1.0\n`);
  });

  it('handles a digest written first in the entry and flow-style entries', async () => {
    const text = `images:\n- digest: ${OLD_DIGEST}\n  name: ghcr.io/acme/api\n- {name: nginx, newTag: "1.25"}\n`;
    expect(await bumpOne('kustomization.yml', text, `${API}:2.0.0`)).toBe(
      'images:\n- name: ghcr.io/acme/api\n  newTag: 2.0.0\n- {name: nginx, newTag: "1.25"}\n',
    );
    expect(await bumpOne('kustomization.yml', text, 'docker.io/library/nginx:1.10')).toBe(
      text.replace('"1.25"', '"1.10"'),
    );
    expect(await bumpOne('kustomization.yml', text, `nginx@${DIGEST}`)).toBe(
      text.replace('newTag: "1.25"', `digest: ${DIGEST}`),
    );
  });

  it('edits a Flux Kustomization spec.images', async () => {
    const flux =
      'apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nspec:\n  images:\n    - name: ghcr.io/acme/api\n      newTag: "1"\n';
    expect(await bumpOne('apps.yaml', flux, `${API}:2`)).toBe(flux.replace('"1"', '"2"'));
  });
});

describe('workload containers', () => {
  const deployment = [
    '# app',
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: api',
    '  annotations:',
    '    image: ghcr.io/acme/api:1.0.0',
    'spec:',
    '  template:',
    '    spec:',
    '      initContainers:',
    "        - image: 'ghcr.io/acme/api:1.0.0' # migrate",
    '          name: migrate',
    '      containers:',
    '        - name: api',
    '          image: "ghcr.io/acme/api:1.0.0"',
    '        - name: worker',
    '          image: ghcr.io/acme/api-worker:1.0.0',
    '        - name: sub',
    '          image: ghcr.io/acme/api/sub:1.0.0',
    '        - name: hub',
    '          image: acme/api:1.0.0',
    '',
  ].join('\n');

  it('changes only container images of the same repository, keeping each quoting style', async () => {
    const { after, changes } = await bump({ 'deploy.yaml': deployment }, `${API}:1.1.0`);
    expect(after['deploy.yaml']).toBe(
      deployment
        .replace("'ghcr.io/acme/api:1.0.0' # migrate", "'ghcr.io/acme/api:1.1.0' # migrate")
        .replace('"ghcr.io/acme/api:1.0.0"', '"ghcr.io/acme/api:1.1.0"'),
    );
    expect(changes.map((c) => [c.line, c.kind, c.to])).toEqual([
      [12, 'workload', 'ghcr.io/acme/api:1.1.0'],
      [16, 'workload', 'ghcr.io/acme/api:1.1.0'],
    ]);
  });

  it('writes the repository as the file spells it, at any depth (CronJob, Pod ephemeralContainers)', async () => {
    const cron = [
      'apiVersion: batch/v1',
      'kind: CronJob',
      'spec:',
      '  jobTemplate:',
      '    spec:',
      '      template:',
      '        spec:',
      '          containers:',
      '            - image: nginx',
      '---',
      'kind: Pod',
      'apiVersion: v1',
      'spec:',
      '  ephemeralContainers:',
      `    - image: docker.io/library/nginx:1@${OLD_DIGEST}`,
      '',
    ].join('\n');
    const after = await bumpOne('cron.yaml', cron, `nginx:1.27@${DIGEST}`, 'digest');
    expect(after).toBe(
      cron
        .replace('- image: nginx\n', `- image: nginx@${DIGEST}\n`)
        .replace(`nginx:1@${OLD_DIGEST}`, `nginx@${DIGEST}`),
    );
  });

  it('never touches a ConfigMap, whatever its data looks like', async () => {
    const configMap = 'apiVersion: v1\nkind: ConfigMap\ndata:\n  containers: |\n    - image: ghcr.io/acme/api:1\n';
    const { changes } = await bump({ 'cm.yaml': configMap }, `${API}:2`);
    expect(changes).toEqual([]);
  });

  it('edits an aliased image once, at its anchor', async () => {
    const text = 'kind: Pod\nspec:\n  containers:\n    - image: &img ghcr.io/acme/api:1 # shared\n    - image: *img\n';
    expect(await bumpOne('pod.yaml', text, `${API}:2`)).toBe(text.replace('api:1 #', 'api:2 #'));
  });
});

describe('Helm values', () => {
  it('updates tag (and digest where the chart has one) of registry + repository mappings', async () => {
    const values = [
      'image:',
      '  registry: ghcr.io',
      '  repository: acme/api',
      '  tag: "1.0" # keep quoted',
      '  digest: ""',
      'worker:',
      '  image:',
      '    repository: ghcr.io/acme/api',
      '    tag: 1.0.0',
      'other:',
      '  repository: ghcr.io/acme/apis',
      '  tag: 1.0.0',
      '',
    ].join('\n');
    const after = await bumpOne('values.yaml', values, `${API}:1.10@${DIGEST}`);
    expect(after).toBe(
      values
        .replace('tag: "1.0" # keep quoted', 'tag: "1.10" # keep quoted')
        .replace('digest: ""', `digest: "${DIGEST}"`)
        .replace('    tag: 1.0.0', `    tag: 1.10@${DIGEST}`),
    );
    const tagOnly = await bumpOne('values.yaml', values, `${API}:1.10`);
    expect(tagOnly).toContain('  tag: "1.10" # keep quoted\n  digest: ""\n');
    expect(tagOnly).toContain("    tag: '1.10'\n".replace(/'/g, '"'));
  });

  it('edits a Flux HelmRelease spec.values and invents no keys', async () => {
    const release =
      'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nspec:\n  values:\n    image:\n      repository: ghcr.io/acme/api\n      tag: 1.0.0\n';
    expect(await bumpOne('release.yaml', release, `${API}:1.2.0`)).toBe(release.replace('tag: 1.0.0', 'tag: 1.2.0'));
  });

  it('refuses a digest-only pin where the chart has no digest key', async () => {
    await expect(
      bump({ 'values.yaml': 'image:\n  repository: ghcr.io/acme/api\n  tag: "1"\n' }, `${API}@${DIGEST}`),
    ).rejects.toThrow('values.yaml:2: the values for ghcr.io/acme/api have no "digest" key');
  });
});

describe('Argo CD applications', () => {
  it('rewrites spec.source(s).kustomize.images strings, keeping the name= prefix', async () => {
    const app = [
      'apiVersion: argoproj.io/v1alpha1',
      'kind: Application',
      'spec:',
      '  sources:',
      '    - kustomize:',
      '        images:',
      '          - api=ghcr.io/acme/api:1.0.0',
      '          - ghcr.io/acme/api-worker:1.0.0',
      '  source:',
      '    kustomize:',
      "      images: ['ghcr.io/acme/api:1.0.0']",
      '',
    ].join('\n');
    const after = await bumpOne('app.yaml', app, `${API}:1.1.0`);
    expect(after).toBe(
      app
        .replace('api=ghcr.io/acme/api:1.0.0', 'api=ghcr.io/acme/api:1.1.0')
        .replace("['ghcr.io/acme/api:1.0.0']", "['ghcr.io/acme/api:1.1.0']"),
    );
  });
});

describe('byte preservation', () => {
  it('keeps CRLF, a missing final newline, a BOM, document markers and block scalars', async () => {
    const text =
      '\ufeff%YAML 1.2\r\n---\r\nkind: Pod\r\nspec:\r\n  containers:\r\n    - image: ghcr.io/acme/api:1\r\n      args:\r\n        - |\r\n          keep: me\r\n...\r\n---\r\nimages:\r\n  - name: x';
    const after = await bumpOne('pod.yaml', text, `${API}:2`);
    expect(after).toBe(text.replace('api:1', 'api:2'));
  });

  it('adds a kustomize key with the file line ending, and at the end of a file without final newline', async () => {
    const text = 'images:\r\n  - name: ghcr.io/acme/api\r\n    newTag: "1"';
    expect(await bumpOne('kustomization.yaml', text, `${API}:2@${DIGEST}`)).toBe(
      `${text.replace('"1"', '"2"')}\r\n    digest: ${DIGEST}`,
    );
  });

  it('quotes values plain YAML would not read back as strings', async () => {
    for (const tag of ['1.10', '1e3', 'on', 'null', 'yes', '0x1F', '1_000']) {
      const after = await bumpOne('pod.yaml', 'kind: Pod\nspec:\n  containers:\n    - image: api:1\n', `api:${tag}`);
      expect(after).toBe(`kind: Pod\nspec:\n  containers:\n    - image: api:${tag}\n`);
      const values = await bumpOne('values.yaml', 'image:\n  repository: api\n  tag: v1\n', `api:${tag}`);
      expect(values).toBe(`image:\n  repository: api\n  tag: "${tag}"\n`);
    }
  });

  it('does not rewrite a file with nothing to change', async () => {
    const text = 'kind: Pod\nspec:\n  containers:\n    - image: ghcr.io/acme/api:2\n';
    const root = await tempTree({ 'pod.yaml': text });
    const past = new Date('2020-01-01T00:00:00Z');
    await fs.utimes(path.join(root, 'pod.yaml'), past, past);
    const bumper = new ManifestBumper();
    const bumps = await bumper.plan([path.join(root, 'pod.yaml')], root, {
      image: ImageRef.parse(`${API}:2`),
      pin: 'tag',
    });
    await bumper.write(bumps, root);
    expect(bumps).toEqual([]);
    expect((await fs.stat(path.join(root, 'pod.yaml'))).mtime).toEqual(past);
  });
});
