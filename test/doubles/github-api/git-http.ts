/**
 * Git's smart HTTP protocol for the GitHub API double, served by `git http-backend` (CGI) over the same bare
 * repositories, so that tests see git send the token as an Authorization header, and be refused without rights.
 */
import { spawn } from 'node:child_process';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface GitHttpRequest {
  /** Folder holding `<owner>/<repo>.git`. */
  projectRoot: string;
  /** e.g. `/acme/gitops.git/info/refs` */
  pathInfo: string;
  query: string;
  remoteUser: string;
}

export function serveGitHttp(
  request: IncomingMessage,
  response: ServerResponse,
  options: GitHttpRequest,
): Promise<void> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    GIT_PROJECT_ROOT: options.projectRoot,
    GIT_HTTP_EXPORT_ALL: '1',
    PATH_INFO: options.pathInfo,
    QUERY_STRING: options.query,
    REQUEST_METHOD: request.method ?? 'GET',
    CONTENT_TYPE: request.headers['content-type'] ?? '',
    REMOTE_USER: options.remoteUser,
    REMOTE_ADDR: request.socket.remoteAddress ?? '127.0.0.1',
  };
  if (request.headers['content-length']) env.CONTENT_LENGTH = request.headers['content-length'];
  if (request.headers['content-encoding']) env.HTTP_CONTENT_ENCODING = request.headers['content-encoding'];
  if (request.headers['git-protocol']) env.GIT_PROTOCOL = String(request.headers['git-protocol']);

  const backend = spawn('git', ['http-backend'], { env, stdio: ['pipe', 'pipe', 'inherit'] });
  request.pipe(backend.stdin);
  let head = Buffer.alloc(0);
  let headersSent = false;
  backend.stdout.on('data', (chunk: Buffer) => {
    if (headersSent) {
      response.write(chunk);
      return;
    }
    head = Buffer.concat([head, chunk]);
    const end = head.indexOf('\r\n\r\n');
    if (end < 0) return;
    const headers: Record<string, string> = {};
    let status = 200;
    for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).trim();
      const value = line.slice(colon + 1).trim();
      if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10);
      else headers[name] = value;
    }
    response.writeHead(status, headers);
    headersSent = true;
    response.write(head.subarray(end + 4));
  });
  return new Promise((resolve) => {
    backend.on('close', () => {
      if (!headersSent) response.writeHead(500);
      response.end();
      resolve();
    });
  });
}
