import { describe, expect, it, jest } from '@jest/globals';
import { isDefinition, untilServed } from '../../../src/core/kubernetes/definitions.js';

describe('untilServed', () => {
  it('reads the discovery again until it serves every new kind', async () => {
    let reads = 0;
    const served = [['example.com/Gadget'], ['example.com/Gadget'], ['example.com/Gadget', 'example.com/Widget']];
    await untilServed(
      new Set(['example.com/Gadget', 'example.com/Widget']),
      async () => ({ kinds: new Set(served[Math.min(reads++, served.length - 1)]) }),
      { pollMs: 1 },
    );
    expect(reads).toBe(3);
  });

  it('asks nothing when no kind is new', async () => {
    const read = jest.fn(async () => ({ kinds: new Set<string>() }));
    await untilServed(new Set(), read);
    expect(read).not.toHaveBeenCalled();
  });

  it('goes on past the deadline with a warning naming the kinds still not served', async () => {
    const printed: string[] = [];
    const write = jest
      .spyOn(process.stdout, 'write')
      .mockImplementation((chunk: string | Uint8Array) => printed.push(String(chunk)) > 0);
    let reads = 0;
    try {
      await untilServed(
        new Set(['example.com/Gadget']),
        async () => {
          reads++;
          return { kinds: new Set(['apps/Deployment']) };
        },
        { timeoutMs: 30, pollMs: 5 },
      );
    } finally {
      write.mockRestore();
    }
    expect(reads).toBeGreaterThan(1);
    expect(printed.join('')).toContain(
      '::warning::The cluster still serves no example.com/Gadget 0.03 s after their CRDs were applied.',
    );
  });
});

describe('isDefinition', () => {
  it('is a Namespace or a CRD, of any apiextensions version; nothing else', () => {
    const object = (apiVersion: string, kind: string) => ({ apiVersion, kind, metadata: { name: 'x' } });
    expect(isDefinition(object('v1', 'Namespace'))).toBe(true);
    expect(isDefinition(object('apiextensions.k8s.io/v1', 'CustomResourceDefinition'))).toBe(true);
    expect(isDefinition(object('apiextensions.k8s.io/v1beta1', 'CustomResourceDefinition'))).toBe(true);
    expect(isDefinition(object('example.com/v1', 'Namespace'))).toBe(false);
    expect(isDefinition(object('v1', 'ConfigMap'))).toBe(false);
  });
});
