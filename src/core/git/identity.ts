import { UserError } from '../errors.js';

/** Who a commit is by: a name and an email. */
export interface GitIdentity {
  name: string;
  email: string;
}

/** The identity GitHub shows as github-actions[bot]. */
export const GITHUB_ACTIONS_BOT: GitIdentity = {
  name: 'github-actions[bot]',
  email: '41898282+github-actions[bot]@users.noreply.github.com',
};

const NAME_AND_EMAIL = /^([^<>]+?)\s*<([^<>\s]+@[^<>\s]+)>$/;

/** Parses `Name <email>`, as git writes it; `what` names the input in the error. */
export function parseIdentity(text: string, what: string): GitIdentity {
  const match = NAME_AND_EMAIL.exec(text.trim());
  if (!match) throw new UserError(`Input "${what}" must look like "Name <email@example.com>", got "${text}".`);
  return { name: match[1] as string, email: match[2] as string };
}
