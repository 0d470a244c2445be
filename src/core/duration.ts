import { UserError } from './errors.js';

/** `90`, `90s`, `5m`, `1h30m` as seconds; `input` names the input in the error. */
export function parseDuration(text: string, input: string): number {
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$/.exec(text.trim());
  const seconds = match ? Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0) : 0;
  if (!match || seconds < 1)
    throw new UserError(`Input "${input}" must be a duration such as 90s, 5m or 1h30m, got "${text}".`);
  return seconds;
}
