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
      const projected = current ? project(current, object) : undefined;
      const [shownBefore, shownAfter] =
        object.kind === 'Secret' ? hideSecretValues(projected, object) : [projected, object];
      const before = shownBefore ? stringify(shownBefore, { lineWidth: 0 }) : '';
      const after = stringify(shownAfter, { lineWidth: 0 });
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

const SECRET_FIELDS = ['data', 'stringData'] as const;

/** A Secret's values never reach a log or a summary: each shows as hidden, and whether it changes. */
function hideSecretValues(live: unknown, desired: KubeObject): [unknown, unknown] {
  const before = isRecord(live) ? { ...live } : undefined;
  const after: Record<string, unknown> = { ...desired };
  for (const field of SECRET_FIELDS) {
    const old = isRecord(before?.[field]) ? (before[field] as Record<string, unknown>) : {};
    const next = isRecord(after[field]) ? (after[field] as Record<string, unknown>) : undefined;
    if (before && isRecord(before[field])) {
      before[field] = Object.fromEntries(Object.keys(old).map((key) => [key, '(hidden)']));
    }
    if (next) {
      after[field] = Object.fromEntries(
        Object.entries(next).map(([key, value]) => [
          key,
          key in old && old[key] === value ? '(hidden)' : '(hidden, changed)',
        ]),
      );
    }
  }
  return [before, after];
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
