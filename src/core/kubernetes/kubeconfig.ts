import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { isMap, parseDocument } from 'yaml';
import { UserError } from '../errors.js';
import { randomHex } from '../random.js';
import { registerSecret } from '../secrets.js';

// Credentials a kubeconfig user can carry: each is masked, and the *-data ones also decoded.
const SECRET_FIELDS = ['token', 'password', 'client-key-data', 'client-certificate-data'];
const ENCODED_FIELDS = new Set(['client-key-data', 'client-certificate-data', 'certificate-authority-data']);

interface NamedEntry {
  name?: unknown;
  user?: Record<string, unknown>;
  cluster?: Record<string, unknown>;
  context?: Record<string, unknown>;
}

/** What one context of a kubeconfig names: its cluster and user entries as written, and its namespace. */
export interface KubeconfigContext {
  name: string;
  cluster: Record<string, unknown>;
  user: Record<string, unknown>;
  namespace?: string;
}

/**
 * A kubeconfig given as text: checked to be one (without ever quoting it), its credentials masked,
 * then written 0600 into a fresh 0700 folder that `remove` deletes.
 */
export class Kubeconfig {
  private constructor(
    private readonly text: string,
    readonly contexts: readonly string[],
    private readonly config: Record<string, unknown>,
    /** The context in use: the one asked for, else the file's current-context. */
    readonly currentContext: string,
  ) {}

  /** Parses and checks the text; `input` names it in errors, `context` must be one of its contexts. */
  static parse(text: string, input: string, context?: string): Kubeconfig {
    const document = parseDocument(text, { uniqueKeys: false });
    const invalid = (reason: string) => new UserError(`Input "${input}" is not a kubeconfig: ${reason}.`);
    if (document.errors.length > 0) {
      const line = document.errors[0]?.linePos?.[0].line;
      throw invalid(`it is not valid YAML${line ? ` (line ${line})` : ''}`);
    }
    if (!isMap(document.contents)) throw invalid('it is not a YAML mapping');
    const config = document.toJS() as Record<string, unknown>;
    if (config.kind !== undefined && config.kind !== 'Config')
      throw invalid(`its kind is "${String(config.kind)}", not Config`);
    const clusters = entries(config.clusters);
    const users = entries(config.users);
    const contexts = entries(config.contexts);
    if (clusters.length === 0 || !clusters.every((entry) => typeof entry.cluster?.server === 'string')) {
      throw invalid('it needs "clusters", each with a cluster.server URL');
    }
    if (contexts.length === 0) throw invalid('it has no "contexts"');
    for (const user of users) registerUserSecrets(user.user ?? {});
    for (const cluster of clusters) registerEncoded(cluster.cluster?.['certificate-authority-data']);
    const names = contexts.map((entry) => String(entry.name));
    const current = context ?? (typeof config['current-context'] === 'string' ? config['current-context'] : undefined);
    if (!current) throw invalid('it has no current-context; set the "kube-context" input');
    if (!names.includes(current)) {
      throw new UserError(`Context "${current}" is not in the kubeconfig; it has: ${names.join(', ')}.`);
    }
    return new Kubeconfig(text, names, config, current);
  }

  /** The cluster, user and namespace the context in use names (an entry it names but the file lacks is empty). */
  context(): KubeconfigContext {
    const context = entries(this.config.contexts).find((entry) => entry.name === this.currentContext)?.context ?? {};
    const named = (list: unknown, key: 'cluster' | 'user') =>
      entries(list).find((entry) => entry.name === context[key])?.[key] ?? {};
    return {
      name: this.currentContext,
      cluster: named(this.config.clusters, 'cluster'),
      user: named(this.config.users, 'user'),
      namespace: typeof context.namespace === 'string' && context.namespace ? context.namespace : undefined,
    };
  }

  /** A fresh path under `parent` for `write`, known before anything is written so a post step can remove it. */
  static fileUnder(parent: string): string {
    return path.join(parent, `kubeconfig-${randomHex(16)}`, 'config');
  }

  /** Writes the file 0600 inside a new 0700 folder. */
  async write(file: string): Promise<void> {
    await fs.mkdir(path.dirname(file), { mode: 0o700 });
    await fs.writeFile(file, this.text, { mode: 0o600 });
  }

  /** Deletes a file `write` made, with its folder; nothing happens when it is already gone. */
  static async remove(file: string): Promise<void> {
    await fs.rm(path.dirname(file), { recursive: true, force: true });
  }
}

function entries(value: unknown): NamedEntry[] {
  return Array.isArray(value)
    ? value.filter((entry): entry is NamedEntry => typeof entry === 'object' && entry !== null)
    : [];
}

function registerUserSecrets(user: Record<string, unknown>): void {
  for (const field of SECRET_FIELDS) {
    const value = user[field];
    if (typeof value !== 'string') continue;
    if (ENCODED_FIELDS.has(field)) registerEncoded(value);
    else registerSecret(value);
  }
  // Exec plugins and auth providers can carry credentials in their env and config.
  const exec = user.exec as { env?: { value?: unknown }[] } | undefined;
  for (const variable of exec?.env ?? []) if (typeof variable.value === 'string') registerSecret(variable.value);
  const provider = user['auth-provider'] as { config?: Record<string, unknown> } | undefined;
  for (const value of Object.values(provider?.config ?? {})) if (typeof value === 'string') registerSecret(value);
}

/** Masks base64 data and each line of what it decodes to, except PEM armour lines. */
function registerEncoded(value: unknown): void {
  if (typeof value !== 'string' || value.length === 0) return;
  registerSecret(value);
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  for (const line of decoded.split(/\r?\n/)) {
    if (line.trim() && !line.startsWith('-----')) registerSecret(line);
  }
}
