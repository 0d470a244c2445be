import { UserError } from '../errors.js';
import { isTag } from '../image-ref.js';
import { branchOf, gitTagOf, pullRequestOf, type RunContext } from '../run-context.js';

/** Rules that derive tags from the run's context; any other entry is a tag written as is. */
export const TAG_RULES = ['semver', 'branch', 'pr', 'sha', 'latest'] as const;
export type TagRuleName = (typeof TAG_RULES)[number];

export type TagRule = { rule: TagRuleName } | { raw: string };

/** The rules used when `tags` is empty: the version on a version tag, the branch, the commit, latest on the default branch. */
export const DEFAULT_TAG_RULES: readonly TagRule[] = [
  { rule: 'semver' },
  { rule: 'branch' },
  { rule: 'sha' },
  { rule: 'latest' },
];

const RAW_PREFIX = 'raw:';
const SEMVER = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;
const MAX_TAG_LENGTH = 128;

/** Reads `tags` entries: rule names, `raw:<tag>` for a tag that is spelled like a rule, or plain tags. */
export function parseTagRules(entries: readonly string[], inputName: string): TagRule[] {
  if (entries.length === 0) return [...DEFAULT_TAG_RULES];
  return entries.map((entry) => {
    if ((TAG_RULES as readonly string[]).includes(entry)) return { rule: entry as TagRuleName };
    const raw = entry.startsWith(RAW_PREFIX) ? entry.slice(RAW_PREFIX.length) : entry;
    if (!isTag(raw)) {
      throw new UserError(
        `Input "${inputName}": "${entry}" is neither a rule (${TAG_RULES.join(', ')}) nor a valid tag ` +
          '(1-128 letters, digits, "_", "." or "-", not starting with "." or "-").',
      );
    }
    return { raw };
  });
}

/** The tags the rules give for this run's ref and commit, in rule order, without repeats; a UserError when none applies. */
export function resolveTags(
  rules: readonly TagRule[],
  context: Pick<RunContext, 'ref' | 'sha' | 'defaultBranch'>,
): string[] {
  const tags = new Set<string>();
  for (const rule of rules) {
    for (const tag of 'raw' in rule ? [rule.raw] : tagsOfRule(rule.rule, context)) tags.add(tag);
  }
  if (tags.size === 0) {
    const spelled = rules.map((rule) => ('raw' in rule ? rule.raw : rule.rule)).join(', ');
    throw new UserError(
      `No tag applies to ref "${context.ref ?? '(none)'}" with the rules ${spelled}: add sha or a plain tag to "tags".`,
    );
  }
  return [...tags];
}

function tagsOfRule(rule: TagRuleName, context: Pick<RunContext, 'ref' | 'sha' | 'defaultBranch'>): string[] {
  switch (rule) {
    case 'semver':
      return semverTags(gitTagOf(context.ref));
    case 'branch': {
      const branch = sanitizeTag(branchOf(context.ref) ?? '');
      return branch ? [branch] : [];
    }
    case 'pr': {
      const number = pullRequestOf(context.ref);
      return number === undefined ? [] : [`pr-${number}`];
    }
    case 'sha':
      if (!context.sha || !/^[0-9a-f]{7,64}$/i.test(context.sha)) {
        throw new UserError(
          'The tag rule "sha" needs the commit (GITHUB_SHA): run in GitHub Actions or set plain tags.',
        );
      }
      return [`sha-${context.sha.slice(0, 7).toLowerCase()}`];
    case 'latest': {
      const branch = branchOf(context.ref);
      return branch !== undefined && branch === context.defaultBranch ? ['latest'] : [];
    }
  }
}

/** X.Y.Z, X.Y and X for a vX.Y.Z git tag; only the full version for a pre-release; nothing for other tags. */
export function semverTags(gitTag: string | undefined): string[] {
  const match = SEMVER.exec(gitTag ?? '');
  if (!match) return [];
  const [, major, minor, patch, prerelease] = match;
  if (prerelease) return [`${major}.${minor}.${patch}-${prerelease}`];
  return [`${major}.${minor}.${patch}`, `${major}.${minor}`, `${major}`];
}

/** A branch name made into a valid tag: every other character becomes "-", no leading "." or "-", 128 at most. */
export function sanitizeTag(text: string): string {
  return text
    .replace(/[^A-Za-z0-9_.-]/g, '-')
    .replace(/^[.-]+/, '')
    .slice(0, MAX_TAG_LENGTH);
}

/** The tag that names this build's version: the first one that is not `latest`. */
export function versionOf(tags: readonly string[]): string {
  return tags.find((tag) => tag !== 'latest') ?? tags[0] ?? '';
}
