import { describe, expect, it } from '@jest/globals';
import { bypassesProxy, maskCredentials, proxyFor } from '../../../src/core/http/proxy.js';
import { redact } from '../../../src/core/secrets.js';

const PROXY = { HTTPS_PROXY: 'http://proxy.corp:3128', HTTP_PROXY: 'http://plain.corp:8080' };

describe('which proxy a request goes through', () => {
  it.each([
    ['https://api.github.com/repos', PROXY, 'http://proxy.corp:3128/'],
    ['http://registry.corp/v2/', PROXY, 'http://plain.corp:8080/'],
    [
      'https://api.github.com/',
      { https_proxy: 'lower.corp:1', HTTPS_PROXY: 'http://upper.corp:2' },
      'http://lower.corp:1/',
    ],
    ['https://api.github.com/', { HTTP_PROXY: 'http://plain.corp:8080' }, undefined],
    ['https://api.github.com/', {}, undefined],
    ['http://localhost:5000/v2/', PROXY, undefined],
    ['http://127.0.0.1:5000/v2/', PROXY, undefined],
    ['http://[::1]:5000/v2/', PROXY, undefined],
    ['http://registry.localhost/v2/', PROXY, undefined],
  ])('%s with %j: %s', (url, env, expected) => {
    expect(proxyFor(new URL(url), env)?.url.href).toBe(expected);
  });

  it('takes credentials out of the proxy URL, sends them as Proxy-Authorization and masks them', () => {
    const route = proxyFor(new URL('https://api.github.com/'), {
      HTTPS_PROXY: 'http://bot:s3cr%40t-pw@proxy.corp:3128',
    });
    expect(route?.url.href).toBe('http://proxy.corp:3128/');
    expect(route?.authorization).toBe(`Basic ${Buffer.from('bot:s3cr@t-pw').toString('base64')}`);
    expect(redact('password s3cr@t-pw, header ' + route?.authorization)).toBe('password ***, header Basic ***');
    expect(maskCredentials('http://bot:s3cr%40t-pw@proxy.corp:3128')).toBe('http://bot:***@proxy.corp:3128');
  });

  it('refuses a proxy it cannot speak to, naming the variable', () => {
    expect(() => proxyFor(new URL('https://a.example/'), { HTTPS_PROXY: 'socks5://proxy.corp:1080' })).toThrow(
      'HTTPS_PROXY names a socks5: proxy; only http:// and https:// proxies are supported.',
    );
  });
});

describe('NO_PROXY', () => {
  it.each([
    ['https://api.github.com/', '*', true],
    ['https://api.github.com/', 'github.com', true],
    ['https://github.com/', 'github.com', true],
    ['https://notgithub.com/', 'github.com', false],
    ['https://api.github.com/', '.github.com', true],
    ['https://github.com/', '.github.com', false],
    ['https://api.github.com/', '*.github.com', true],
    ['https://API.GitHub.com/', 'api.github.COM', true],
    ['https://ghcr.io/', 'example.com, ghcr.io', true],
    ['https://ghcr.io/', 'example.com ghcr.io', true],
    ['https://registry.corp:5000/', 'registry.corp:5000', true],
    ['https://registry.corp:5001/', 'registry.corp:5000', false],
    ['https://registry.corp/', 'registry.corp:443', true],
    ['http://registry.corp/', 'registry.corp:443', false],
    ['https://10.1.2.3/', '10.1.2.3', true],
    ['https://10.1.2.4/', '10.1.2.3', false],
    ['https://10.1.2.3/', '10.0.0.0/8', true],
    ['https://11.1.2.3/', '10.0.0.0/8', false],
    ['https://172.16.5.4:8443/', '172.16.0.0/12', true],
    ['https://[fd00::12]/', 'fd00::/8', true],
    ['https://[fe80::1]/', 'fd00::/8', false],
    ['https://[fd00::12]:8443/', '[fd00::12]:8443', true],
    ['https://ten.corp/', '10.0.0.0/8', false],
    ['https://api.github.com/', '', false],
  ])('%s against %j: %s', (url, noProxy, expected) => {
    expect(bypassesProxy(new URL(url), noProxy)).toBe(expected);
  });

  it('is read in either case, the lower-case spelling first', () => {
    const env = { ...PROXY, no_proxy: 'github.com', NO_PROXY: 'example.com' };
    expect(proxyFor(new URL('https://api.github.com/'), env)).toBeUndefined();
    expect(proxyFor(new URL('https://example.com/'), env)).toBeDefined();
  });
});
