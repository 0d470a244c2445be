import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { KubeObject } from '../../../src/core/kubernetes/kube-object.js';
import { readinessOf } from '../../../src/core/kubernetes/readiness.js';
import { KubernetesApiDouble } from '../../doubles/kubernetes-api/server.js';
import { tempTree } from '../../helpers/temp-dir.js';

const run = promisify(execFile);

function deployment(name: string, image: string): string {
  return `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}}\nspec:\n  replicas: 2\n  selector: {matchLabels: {app: ${name}}}\n  template:\n    metadata: {labels: {app: ${name}}}\n    spec: {containers: [{name: ${name}, image: "${image}"}]}\n`;
}

/** Real kubectl against the double: what `kubectl rollout status` says must agree with readinessOf. */
describe('KubernetesApiDouble with real kubectl', () => {
  let double: KubernetesApiDouble;
  let dir: string;
  const kubectl = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run('kubectl', ['--kubeconfig', path.join(dir, 'kubeconfig'), ...args], {
        env: { ...process.env, HOME: dir },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failure = error as { code: number; stdout: string; stderr: string };
      return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
    }
  };
  const applyDeployment = async (name: string, image: string) => {
    await writeFile(path.join(dir, `${name}.yaml`), deployment(name, image));
    return kubectl('apply', '--server-side', '--field-manager=ci', '-f', path.join(dir, `${name}.yaml`));
  };
  const judged = (name: string) => readinessOf(double.object('apps/v1', 'Deployment', 'default', name) as KubeObject);

  beforeAll(async () => {
    double = await KubernetesApiDouble.start();
    dir = await tempTree({ kubeconfig: double.kubeconfig() });
  });
  afterAll(async () => {
    await double.stop();
  });

  it('agrees with kubectl rollout status on a ready Deployment', async () => {
    expect((await applyDeployment('ready', 'nginx:1')).stdout).toBe('deployment.apps/ready serverside-applied\n');
    const status = await kubectl('rollout', 'status', 'deployment/ready', '--timeout=5s');
    expect(status).toMatchObject({ code: 0, stdout: 'deployment "ready" successfully rolled out\n' });
    expect(judged('ready')).toEqual({ state: 'ready', message: 'deployment "ready" successfully rolled out' });
  });

  it('agrees on a Deployment whose new pods stay unavailable, and kubectl rollout undo brings the old template back', async () => {
    await applyDeployment('stuck', 'nginx:1');
    double.failImage('nginx:broken');
    await applyDeployment('stuck', 'nginx:broken');
    const status = await kubectl('rollout', 'status', 'deployment/stuck', '--timeout=2s');
    // The recorded real output of a timeout (fixtures/kubernetes/kubectl-rollout-status/deployment-timeout.txt).
    expect(status.code).toBe(1);
    expect(status.stderr).toBe('error: timed out waiting for the condition\n');
    const waiting = status.stdout.trim().split('\n').at(-1);
    expect(judged('stuck')).toEqual({ state: 'waiting', message: waiting });

    expect((await kubectl('rollout', 'undo', 'deployment/stuck')).stdout).toBe('deployment.apps/stuck rolled back\n');
    expect((await kubectl('rollout', 'status', 'deployment/stuck', '--timeout=5s')).code).toBe(0);
    const live = double.object('apps/v1', 'Deployment', 'default', 'stuck') as {
      spec: { template: { spec: { containers: { image: string }[] } } };
    };
    expect(live.spec.template.spec.containers[0]?.image).toBe('nginx:1');
    // The undo is an update by "kubectl": the next apply of another image conflicts, as on a real server.
    const next = await applyDeployment('stuck', 'nginx:2');
    expect(next.stderr).toContain(
      'Apply failed with 1 conflict: conflict with "kubectl": .spec.template.spec.containers[name="web"].image'.replace(
        'web',
        'stuck',
      ),
    );
  });

  it('agrees on a Deployment past its progress deadline', async () => {
    await applyDeployment('late', 'nginx:1');
    double.failImage('nginx:late', 'deadline-exceeded');
    await applyDeployment('late', 'nginx:late');
    const status = await kubectl('rollout', 'status', 'deployment/late', '--timeout=5s');
    expect(status).toMatchObject({ code: 1, stderr: 'error: deployment "late" exceeded its progress deadline\n' });
    expect(judged('late')).toEqual({ state: 'failed', message: 'deployment "late" exceeded its progress deadline' });
  });

  it('rejects fields the schema does not declare (fieldValidation=Strict)', async () => {
    await writeFile(
      path.join(dir, 'typo.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: typo}\ndatta: {a: b}\n',
    );
    const result = await kubectl('apply', '--server-side', '-f', path.join(dir, 'typo.yaml'));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('.datta: field not declared in schema');
  });
});
