/**
 * Inside a CONNECT tunnel the server's certificate must carry the target's own name or IP address, as it must
 * direct: an API server addressed by IP (https://10.0.0.1) through HTTPS_PROXY. Loopback never goes through a proxy,
 * so the target is a documentation address (192.0.2.1) and a CONNECT proxy made here carries every tunnel to a
 * local HTTPS server, whose certificate each test picks.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { HttpCertificateError, httpRequest } from '../../../src/core/http/request.js';
import { HttpTransport } from '../../../src/core/http/transport.js';
import { type KeyPair, selfSignedCertificate } from '../../doubles/kubernetes-api/tls.js';

const TARGET_IP = '192.0.2.1';

let proxy: HttpServer;
let proxyPort: number;
const tunnels: string[] = [];
const sockets = new Set<Socket>();
let server: HttpsServer | undefined;
let transport: HttpTransport | undefined;

beforeAll(async () => {
  proxy = createHttpServer();
  proxy.on('connect', (request, client: Socket) => {
    tunnels.push(request.url ?? '');
    const port = Number(new URL(`http://${request.url}`).port);
    const upstream = connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection established\r\n\r\n');
      upstream.pipe(client).pipe(upstream);
    });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => socket.destroy());
      socket.on('close', () => sockets.delete(socket));
    }
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyPort = (proxy.address() as AddressInfo).port;
});

afterEach(() => {
  transport?.close();
  server?.closeAllConnections();
  server?.close();
  transport = server = undefined;
  for (const socket of sockets) socket.destroy();
  tunnels.length = 0;
});

afterAll(() => {
  proxy.close();
});

/** Serves `pair` and requests it as https://192.0.2.1 through the proxy, trusting that very certificate. */
async function getThroughTunnel(pair: KeyPair, servername?: string): Promise<number> {
  server = createHttpsServer(pair, (_, response) => response.end('ok'));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  transport = new HttpTransport({ env: { HTTPS_PROXY: `http://127.0.0.1:${proxyPort}` }, ca: pair.cert });
  const answer = await httpRequest(`https://${TARGET_IP}:${port}/`, {
    method: 'GET',
    timeoutMs: 15_000,
    maxBytes: 1024,
    transport,
    servername,
  });
  expect(tunnels).toEqual([`${TARGET_IP}:${port}`]);
  return answer.status;
}

describe('HTTPS to an IP address through a CONNECT tunnel', () => {
  it('accepts a certificate for that IP address', async () => {
    expect(await getThroughTunnel(selfSignedCertificate('api', `IP:${TARGET_IP}`))).toBe(200);
  });

  it("refuses a certificate for another IP address, the proxy's own included", async () => {
    await expect(getThroughTunnel(selfSignedCertificate('proxy', 'IP:127.0.0.1'))).rejects.toBeInstanceOf(
      HttpCertificateError,
    );
  });

  it("checks the caller's servername instead, when one is given", async () => {
    expect(await getThroughTunnel(selfSignedCertificate('api', 'DNS:api.internal'), 'api.internal')).toBe(200);
  });

  it("refuses a certificate for the IP address when the caller's servername is another name", async () => {
    const pair = selfSignedCertificate('api', `IP:${TARGET_IP}`);
    await expect(getThroughTunnel(pair, 'api.internal')).rejects.toBeInstanceOf(HttpCertificateError);
  });
});
