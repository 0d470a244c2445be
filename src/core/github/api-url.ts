import { UserError } from '../errors.js';
import type { InputReader } from '../inputs.js';
import { GITHUB_COM_API_URL } from './names.js';

/** The REST base URL from `input`, else the runner's GITHUB_API_URL, else github.com's; without a trailing slash. */
export function readGitHubApiUrl(inputs: InputReader, input: string, env: NodeJS.ProcessEnv): string {
  const text = inputs.string(input, env.GITHUB_API_URL || GITHUB_COM_API_URL);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UserError(`Input "${input}" must be a URL such as https://ghes.example.com/api/v3, got "${text}".`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new UserError(`Input "${input}" must be an http(s) URL, got "${text}".`);
  }
  return text.replace(/\/+$/, '');
}
