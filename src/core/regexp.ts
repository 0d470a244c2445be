import { UserError } from './errors.js';

/** `text` as a pattern that matches exactly it. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A regular expression as the user wrote it in `input`; a UserError naming the input when it is not one. */
export function userRegExp(text: string, input: string): RegExp {
  try {
    return new RegExp(text);
  } catch {
    throw new UserError(`Input "${input}" is not a regular expression: ${text}`);
  }
}
