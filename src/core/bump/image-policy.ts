import { UserError } from '../errors.js';

// Kubernetes names: a namespace is a DNS label, an object name a DNS subdomain.
const NAMESPACE = /^[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?$/;
const NAME = /^[a-z0-9](?:[-a-z0-9.]{0,251}[a-z0-9])?$/;

/** A Flux ImagePolicy, named the way setter markers name it: `<namespace>:<name>`. */
export interface ImagePolicyName {
  namespace: string;
  name: string;
}

/** The part of the image a setter marker asks for: the whole reference, or its name, tag or digest. */
export type SetterPart = 'image' | 'name' | 'tag' | 'digest';

const PART_SUFFIXES: Record<string, SetterPart> = { name: 'name', tag: 'tag', digest: 'digest' };

/** Reads `<namespace>:<name>`; a one-line UserError naming the input otherwise. */
export function parseImagePolicy(text: string, inputName: string): ImagePolicyName {
  const value = text.trim();
  const [namespace, name, ...rest] = value.split(':');
  if (namespace === undefined || name === undefined || rest.length > 0) {
    throw new UserError(`Input "${inputName}" must be <namespace>:<name> of a Flux ImagePolicy, got "${value}".`);
  }
  if (!NAMESPACE.test(namespace)) {
    throw new UserError(`Input "${inputName}": "${namespace}" is not a valid Kubernetes namespace.`);
  }
  if (!NAME.test(name)) throw new UserError(`Input "${inputName}": "${name}" is not a valid ImagePolicy name.`);
  return { namespace, name };
}

export function formatImagePolicy(policy: ImagePolicyName): string {
  return `${policy.namespace}:${policy.name}`;
}

/** The part a marker's setter name asks of `policy`, or undefined when the marker is for another policy. */
export function setterPart(setter: string, policy: ImagePolicyName): SetterPart | undefined {
  const own = formatImagePolicy(policy);
  if (setter === own) return 'image';
  if (!setter.startsWith(`${own}:`)) return undefined;
  return PART_SUFFIXES[setter.slice(own.length + 1)];
}
