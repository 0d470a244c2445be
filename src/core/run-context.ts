/** Links to this workflow run and its commit, from the variables every GitHub runner sets. */
export interface RunLinks {
  commitUrl?: string;
  runUrl?: string;
}

export function runLinks(env: NodeJS.ProcessEnv): RunLinks {
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const repository = env.GITHUB_REPOSITORY;
  if (!repository) return {};
  const attempt = Number(env.GITHUB_RUN_ATTEMPT ?? 1);
  return {
    commitUrl: env.GITHUB_SHA ? `${server}/${repository}/commit/${env.GITHUB_SHA}` : undefined,
    runUrl: env.GITHUB_RUN_ID
      ? `${server}/${repository}/actions/runs/${env.GITHUB_RUN_ID}${attempt > 1 ? `/attempts/${attempt}` : ''}`
      : undefined,
  };
}
