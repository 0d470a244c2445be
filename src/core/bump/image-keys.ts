import { UserError } from '../errors.js';
import { globToRegExp } from '../file-scope.js';

/** The parts of an image a values layout can keep under keys of its own. */
export type ImagePart = 'repository' | 'tag' | 'digest';
const PARTS: readonly ImagePart[] = ['repository', 'tag', 'digest'];

/**
 * One line of `image-keys`: which keys hold the repository, tag and digest of the image, in the files a glob
 * matches (every file when there is none). A key path is dot-separated from the document's root
 * (`api.image.tag`, `spec.values.api.image.tag`); in Argo CD `helm.parameters` it is the parameter's name.
 */
export interface ImageKeyRule {
  /** The glob as written, relative to the working directory. */
  glob?: string;
  matcher?: RegExp;
  keys: Partial<Record<ImagePart, string[]>>;
  /** The rule as written, for messages. */
  text: string;
}

/**
 * Parses one rule per line: `[<glob>:] repository=<path> tag=<path> digest=<path>`, e.g.
 * `values/*.yaml: repository=api.image.name tag=api.image.version`. A tag or digest key is required.
 */
export function parseImageKeys(text: string, inputName: string): ImageKeyRule[] {
  const rules: ImageKeyRule[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const fail = (problem: string) => new UserError(`Input "${inputName}" line ${index + 1}: ${problem}`);
    const tokens = line.split(/\s+/);
    const glob = tokens[0]?.endsWith(':') ? (tokens.shift() as string).slice(0, -1) : undefined;
    const rule: ImageKeyRule = { keys: {}, text: line, ...(glob === undefined ? {} : globRule(glob, fail)) };
    for (const token of tokens) {
      const equals = token.indexOf('=');
      const part = token.slice(0, equals) as ImagePart;
      if (equals < 0 || !PARTS.includes(part)) {
        throw fail(`"${token}" must be repository=, tag= or digest= followed by a key path such as image.tag.`);
      }
      if (rule.keys[part]) throw fail(`"${part}" is named twice.`);
      const path = token.slice(equals + 1).split('.');
      if (path.some((segment) => segment === '')) throw fail(`"${token}" has an empty key in its path.`);
      rule.keys[part] = path;
    }
    if (!rule.keys.tag && !rule.keys.digest) {
      throw fail(`"${line}" names no tag= or digest= key, so there is nothing to write.`);
    }
    rules.push(rule);
  });
  return rules;
}

function globRule(glob: string, fail: (problem: string) => UserError): Pick<ImageKeyRule, 'glob' | 'matcher'> {
  if (glob === '') throw fail('the file glob before ":" is empty.');
  if (glob.startsWith('/') || glob.split('/').includes('..')) {
    throw fail(`the glob "${glob}" must be relative to the working directory.`);
  }
  try {
    return { glob, matcher: globToRegExp(glob.replace(/^\.\//, '')) };
  } catch (error) {
    throw fail((error as Error).message);
  }
}

/** The rules that apply to a file (its `/`-separated path relative to the working directory). */
export function rulesFor(rules: readonly ImageKeyRule[] | undefined, path: string): ImageKeyRule[] {
  return (rules ?? []).filter((rule) => !rule.matcher || rule.matcher.test(path));
}
