/**
 * A request's own server trust (`ca`, `rejectUnauthorized`) against a real HTTPS server on 127.0.0.1 whose
 * certificate a CA made here signs: direct and through the test bed's proxy (a CONNECT tunnel), and never a
 * kept-alive connection checked with one trust handed to a request that asked for another.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { HttpCertificateError, httpRequest } from '../../../src/core/http/request.js';
import { HttpTransport } from '../../../src/core/http/transport.js';
import { tempTree } from '../../helpers/temp-dir.js';
import { PROXIED_HOSTS, proxiedDuring, testbed } from '../../helpers/testbed.js';

let scratch: string;
let ca: string;
let otherCa: string;
let server: Server;
let port: number;

/** `openssl` in the folder; every key is P-256 and lives a day. */
function openssl(...args: string[]): void {
  execFileSync('openssl', args, { cwd: scratch, stdio: 'ignore' });
}

function makeCa(name: string): string {
  openssl(
    ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1'],
    ...['-subj', `/CN=${name}`, '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=keyCertSign'],
    ...['-keyout', `${name}.key`, '-out', `${name}.pem`],
  );
  return readFileSync(path.join(scratch, `${name}.pem`), 'utf8');
}

/** A server certificate for 127.0.0.1 and the proxied API name, signed by the CA `issuer`. */
function makeLeaf(issuer: string): { key: string; cert: string } {
  openssl(
    ...['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-subj', '/CN=server'],
    ...['-keyout', 'server.key', '-out', 'server.csr'],
  );
  openssl(
    ...['x509', '-req', '-in', 'server.csr', '-CA', `${issuer}.pem`, '-CAkey', `${issuer}.key`, '-CAcreateserial'],
    ...['-days', '1', '-out', 'server.pem', '-extfile', 'san.cnf'],
  );
  return {
    key: readFileSync(path.join(scratch, 'server.key'), 'utf8'),
    cert: readFileSync(path.join(scratch, 'server.pem'), 'utf8'),
  };
}

beforeAll(async () => {
  scratch = await tempTree({ 'san.cnf': `subjectAltName=IP:127.0.0.1,DNS:${PROXIED_HOSTS.api}\n` }, 'trust-');
  ca = makeCa('test-ca');
  otherCa = makeCa('other-ca');
  server = createServer(makeLeaf('test-ca'), (_, response) => response.end('{"ok":true}'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
}, 60_000);

afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const get = (url: string, transport: HttpTransport, trust: { ca?: string; rejectUnauthorized?: boolean } = {}) =>
  httpRequest(url, { method: 'GET', timeoutMs: 15_000, maxBytes: 1024, transport, ...trust });

describe('a server whose certificate a private CA signs', () => {
  const transport = new HttpTransport({ env: {} });
  afterAll(() => transport.close());
  const url = () => `https://127.0.0.1:${port}/`;

  it('is accepted with that CA', async () => {
    const answer = await get(url(), transport, { ca });
    expect(answer.status).toBe(200);
    expect(answer.body.toString()).toBe('{"ok":true}');
  });

  it('is refused without it, in one line naming the server and the certificate', async () => {
    const error = await get(url(), transport).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HttpCertificateError);
    const message = (error as Error).message;
    expect(message).toContain(`https://127.0.0.1:${port}`);
    expect(message).toContain('certificate');
    expect(message).not.toContain('\n');
  });

  it('is refused with another CA, even after a connection trusted with the right one was kept alive', async () => {
    await get(url(), transport, { ca });
    await expect(get(url(), transport, { ca: otherCa })).rejects.toBeInstanceOf(HttpCertificateError);
    await expect(get(url(), transport)).rejects.toBeInstanceOf(HttpCertificateError);
    expect((await get(url(), transport, { ca })).status).toBe(200);
  });

  it('is accepted with rejectUnauthorized false, and that choice is not reused by other requests', async () => {
    expect((await get(url(), transport, { rejectUnauthorized: false })).status).toBe(200);
    await expect(get(url(), transport)).rejects.toBeInstanceOf(HttpCertificateError);
  });
});

describe('through a CONNECT tunnel of the test bed proxy', () => {
  const transport = new HttpTransport({ env: { HTTPS_PROXY: testbed.proxy } });
  afterAll(() => transport.close());
  const url = () => `https://${PROXIED_HOSTS.api}:${port}/`;

  it('checks the server inside the tunnel with the request CA', async () => {
    let status: number | undefined;
    const { requests, error } = await proxiedDuring(`${PROXIED_HOSTS.api}:${port}`, async () => {
      status = (await get(url(), transport, { ca })).status;
    });
    expect(error).toBeUndefined();
    expect(status).toBe(200);
    expect(requests).toContain(`CONNECT ${PROXIED_HOSTS.api}:${port}`);
  });

  it('refuses the server without it, and accepts it with rejectUnauthorized false', async () => {
    const error = await get(url(), transport).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HttpCertificateError);
    expect((error as Error).message).toContain(`https://${PROXIED_HOSTS.api}:${port}`);
    expect((await get(url(), transport, { rejectUnauthorized: false })).status).toBe(200);
  });
});
