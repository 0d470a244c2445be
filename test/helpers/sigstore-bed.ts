import { createHash, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  fulcioHandler,
  type HandlerFn,
  initializeCA,
  initializeCTLog,
  initializeTLog,
  initializeTSA,
  rekorHandler,
  tsaHandler,
} from '@sigstore/mock';

/**
 * Sigstore's own mock services (@sigstore/mock: a Fulcio with an ephemeral CA and CT log, a Rekor with signed entry
 * timestamps, a timestamp authority) served over HTTP on 127.0.0.1, with a test OIDC issuer in front of Fulcio:
 * Fulcio checks the token's signature against the issuer's key and its audience, as the real one does, and maps a
 * GitHub Actions token to the certificate's SAN the way Fulcio does (https://github.com/ + job_workflow_ref). The
 * trust root names exactly these services' keys.
 */
export interface SigstoreBed {
  fulcioUrl: string;
  rekorUrl: string;
  tsaUrl: string;
  issuer: string;
  /** Sigstore's TrustedRoot (JSON) for these services. */
  trustedRoot: unknown;
  /** An OIDC token of this issuer with GitHub Actions' claims (overrides win); `signWith` forges one. */
  token(claims?: Record<string, unknown>, signWith?: KeyObject): string;
  /** How many certificates Fulcio refused (a bad token). */
  refusedTokens: number;
  stop(): Promise<void>;
}

export const TEST_ISSUER = 'https://token.actions.githubusercontent.com';

export interface SigstoreBedOptions {
  /** The CA's clock: a past time issues certificates that have expired by the time Rekor logs the signature. */
  caClock?: Date;
}

export async function startSigstoreBed(options: SigstoreBedOptions = {}): Promise<SigstoreBed> {
  const caKeys = p256();
  const tlogKeys = p256();
  const tsaKeys = p256();
  const issuerKeys = p256();
  const ctlog = await initializeCTLog(caKeys, options.caClock);
  const ca = await initializeCA(caKeys, ctlog, options.caClock);
  const tsa = await initializeTSA(tsaKeys);
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const tlog = await initializeTLog(`${base}/rekor`, tlogKeys);

  const fulcio = fulcioHandler(ca, { strict: true });
  const routes = new Map<string, HandlerFn>([
    [`/fulcio${fulcio.path}`, fulcioFront(fulcio.fn, issuerKeys.publicKey, () => bed.refusedTokens++)],
    [`/rekor${rekorHandler(tlog).path}`, rekorHandler(tlog).fn],
    [`/tsa${tsaHandler(tsa).path}`, tsaHandler(tsa).fn],
  ]);
  serve(server, routes);

  const validFor = { start: '2000-01-01T00:00:00Z' };
  const der = (bytes: ArrayBufferView): string =>
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
  const trustedRoot = {
    mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
    tlogs: [
      {
        baseUrl: `${base}/rekor`,
        hashAlgorithm: 'SHA2_256',
        publicKey: { rawBytes: der(tlog.publicKey), keyDetails: 'PKIX_ECDSA_P256_SHA_256', validFor },
        logId: { keyId: createHash('sha256').update(tlog.publicKey).digest('base64') },
      },
    ],
    certificateAuthorities: [
      {
        subject: { organization: 'sigstore-bed', commonName: 'sigstore-bed' },
        uri: `${base}/fulcio`,
        certChain: { certificates: [{ rawBytes: der(ca.rootCertificate) }] },
        validFor,
      },
    ],
    ctlogs: [
      {
        baseUrl: `${base}/ctlog`,
        hashAlgorithm: 'SHA2_256',
        publicKey: { rawBytes: der(ctlog.publicKey), keyDetails: 'PKIX_ECDSA_P256_SHA_256', validFor },
        logId: { keyId: der(ctlog.logID) },
      },
    ],
    timestampAuthorities: [
      {
        subject: { organization: 'sigstore-bed', commonName: 'sigstore-bed tsa' },
        uri: `${base}/tsa`,
        certChain: { certificates: [{ rawBytes: der(tsa.intCertificate) }, { rawBytes: der(tsa.rootCertificate) }] },
        validFor,
      },
    ],
  };

  const bed: SigstoreBed = {
    fulcioUrl: `${base}/fulcio`,
    rekorUrl: `${base}/rekor`,
    // sigstore-js takes a TSA URL with a path as the full endpoint.
    tsaUrl: `${base}/tsa/api/v1/timestamp`,
    issuer: TEST_ISSUER,
    trustedRoot,
    refusedTokens: 0,
    token: (claims = {}, signWith = issuerKeys.privateKey) => jwt({ ...githubClaims(), ...claims }, signWith),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return bed;
}

/** The claims GitHub Actions puts in a token for a job of deliver-pull.yml called by acme/api on main. */
export function githubClaims(): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: TEST_ISSUER,
    aud: 'sigstore',
    iat: now,
    exp: now + 300,
    sub: 'repo:acme/api:ref:refs/heads/main',
    repository: 'acme/api',
    repository_owner: 'acme',
    ref: 'refs/heads/main',
    sha: '0123456789abcdef0123456789abcdef01234567',
    event_name: 'push',
    workflow_ref: 'acme/api/.github/workflows/deliver.yml@refs/heads/main',
    job_workflow_ref: 'lib-owner/gitops-delivery-actions/.github/workflows/deliver-pull.yml@refs/tags/v1',
    runner_environment: 'github-hosted',
  };
}

function p256(): { publicKey: KeyObject; privateKey: KeyObject } {
  return generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
}

function jwt(claims: Record<string, unknown>, key: KeyObject): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${encode({ alg: 'ES256', typ: 'JWT' })}.${encode(claims)}`;
  const signature = sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' });
  return `${input}.${signature.toString('base64url')}`;
}

/**
 * What Fulcio does before issuing: the token must be signed by the issuer, for audience sigstore, unexpired; a
 * GitHub Actions token's SAN is the job's workflow. The mock then issues (it does not check tokens itself).
 */
function fulcioFront(issue: HandlerFn, issuerKey: KeyObject, refused: () => void): HandlerFn {
  return async (body) => {
    const request = JSON.parse(body) as { credentials: { oidcIdentityToken: string } };
    const [header, payload, signature] = request.credentials.oidcIdentityToken.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, unknown>;
    const signed = verify(
      'sha256',
      Buffer.from(`${header}.${payload}`),
      { key: issuerKey, dsaEncoding: 'ieee-p1363' },
      Buffer.from(signature ?? '', 'base64url'),
    );
    const fresh = typeof claims.exp === 'number' && claims.exp > Date.now() / 1000;
    if (!signed || !fresh || claims.aud !== 'sigstore' || claims.iss !== TEST_ISSUER) {
      refused();
      return { statusCode: 401, response: JSON.stringify({ message: 'the identity token does not verify' }) };
    }
    const mapped = { ...claims, sub: `https://github.com/${String(claims.job_workflow_ref)}` };
    const unsigned = `${header}.${Buffer.from(JSON.stringify(mapped)).toString('base64url')}.`;
    return issue(JSON.stringify({ ...request, credentials: { oidcIdentityToken: unsigned } }));
  };
}

function serve(server: Server, routes: ReadonlyMap<string, HandlerFn>): void {
  server.on('request', (request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const handler = request.method === 'POST' ? routes.get(request.url ?? '') : undefined;
      if (!handler) {
        response.writeHead(404).end();
        return;
      }
      handler(Buffer.concat(chunks).toString('utf8')).then(
        (result) => {
          response.writeHead(result.statusCode, { 'Content-Type': result.contentType ?? 'application/json' });
          response.end(result.response);
        },
        (error: unknown) => response.writeHead(500).end(String(error)),
      );
    });
  });
}
