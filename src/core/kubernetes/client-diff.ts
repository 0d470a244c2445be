import { createTwoFilesPatch } from 'diff';
import { stringify } from 'yaml';
import { groupOf, type KubeObject } from './kube-object.js';

/**
 * A client-side preview: each rendered object against the live one, the live one cut down to the fields the
 * manifest sets (server defaults and other managers' fields are not shown). No request but reads.
 */
export function clientDiff(desired: readonly KubeObject[], live: readonly KubeObject[]): string {
  return desired
    .map((object) => {
      const current = live.find((candidate) => sameObject(candidate, object));
      const name = `${object.kind}/${object.metadata.namespace ? `${object.metadata.namespace}/` : ''}${object.metadata.name}`;
      const before = current ? stringify(project(current, object), { lineWidth: 0 }) : '';
      const after = stringify(object, { lineWidth: 0 });
      if (before === after) return '';
      return createTwoFilesPatch(`live/${name}`, `rendered/${name}`, before, after, undefined, undefined, {
        context: 3,
      })
        .split('\n')
        .slice(1)
        .join('\n');
    })
    .join('');
}

function sameObject(live: KubeObject, desired: KubeObject): boolean {
  return (
    groupOf(live.apiVersion) === groupOf(desired.apiVersion) &&
    live.kind === desired.kind &&
    live.metadata.name === desired.metadata.name &&
    (desired.metadata.namespace === undefined || live.metadata.namespace === desired.metadata.namespace)
  );
}

/** `live` restricted to the shape of `shape`: its keys, and its named list items. */
function project(live: unknown, shape: unknown): unknown {
  if (isRecord(live) && isRecord(shape)) {
    return Object.fromEntries(
      Object.keys(shape)
        .filter((key) => key in live)
        .map((key) => [key, project(live[key], shape[key])]),
    );
  }
  if (
    Array.isArray(live) &&
    Array.isArray(shape) &&
    shape.every((item) => isRecord(item) && typeof item.name === 'string')
  ) {
    return shape.flatMap((item) => {
      const match = live.find((candidate) => isRecord(candidate) && candidate.name === (item as { name: string }).name);
      return match === undefined ? [] : [project(match, item)];
    });
  }
  return live;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
