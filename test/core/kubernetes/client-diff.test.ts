import { describe, expect, it } from '@jest/globals';
import { clientDiff } from '../../../src/core/kubernetes/client-diff.js';
import type { KubeObject } from '../../../src/core/kubernetes/kube-object.js';

const secret = (data: Record<string, string>): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'db', namespace: 'app' }, data }) as KubeObject;

describe('clientDiff', () => {
  it('never shows a Secret value, only which keys change', () => {
    const diff = clientDiff(
      [secret({ user: 'YWRtaW4=', password: 'bmV3LXMzY3IzdA==', added: 'YWRkZWQ=' })],
      [secret({ user: 'YWRtaW4=', password: 'b2xkLXMzY3IzdA==' })],
    );
    for (const value of ['YWRtaW4=', 'bmV3LXMzY3IzdA==', 'b2xkLXMzY3IzdA==', 'YWRkZWQ='])
      expect(diff).not.toContain(value);
    expect(diff).toContain('+  password: (hidden, changed)');
    expect(diff).toContain('+  added: (hidden, changed)');
    expect(diff).toContain('   user: (hidden)');
  });

  it('shows other kinds as they are', () => {
    const configMap = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c' },
      data: { mode: 'live' },
    } as KubeObject;
    expect(clientDiff([configMap], [])).toContain('+  mode: live');
  });
});
