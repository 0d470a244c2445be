import { describe, expect, it } from '@jest/globals';
import { FetchAnswer } from '../../../src/core/http/fetch.js';
import type { HttpResponse } from '../../../src/core/http/request.js';

function answer(status: number, body: string, headers: Record<string, string> = {}): HttpResponse {
  return {
    status,
    ok: status >= 200 && status < 300,
    header: (name) => headers[name.toLowerCase()],
    headers,
    body: Buffer.from(body),
    url: 'https://api.example.com/repos/acme/app',
    redirected: false,
  };
}

describe('FetchAnswer (what Octokit reads of a fetch Response)', () => {
  it('answers as a Response would: status, url, headers by any case, body as text, JSON and bytes', async () => {
    const json = new FetchAnswer(answer(200, '{"name":"app"}', { 'content-type': 'application/json', link: '<x>' }));
    const like = new Response('{"name":"app"}', {
      status: 200,
      headers: { 'Content-Type': 'application/json', link: '<x>' },
    });

    expect([json.status, json.ok, json.statusText, json.url]).toEqual([
      200,
      true,
      'OK',
      'https://api.example.com/repos/acme/app',
    ]);
    expect(json.headers.get('Content-Type')).toBe(like.headers.get('Content-Type'));
    expect(json.headers.get('x-missing')).toBe(like.headers.get('x-missing'));
    expect(json.headers.has('LINK')).toBe(true);
    expect([...json.headers]).toEqual([...like.headers]);
    expect(await json.json()).toEqual(await like.clone().json());
    expect(await json.text()).toBe(await like.clone().text());
    expect(Buffer.from(await json.arrayBuffer())).toEqual(Buffer.from(await like.arrayBuffer()));
    expect(Buffer.from(await new Response(json.body).arrayBuffer()).toString()).toBe('{"name":"app"}');
  });

  it('drops a leading byte order mark from text, as Response.text() does', async () => {
    const withBom = answer(200, '\ufeff{"a":1}');
    expect(await new FetchAnswer(withBom).text()).toBe(await new Response(withBom.body).text());
    expect(await new FetchAnswer(withBom).json()).toEqual({ a: 1 });
  });

  it('has no body for the statuses that carry none', async () => {
    for (const status of [204, 304]) {
      const empty = new FetchAnswer(answer(status, ''));
      expect([empty.body, await empty.text(), (await empty.arrayBuffer()).byteLength]).toEqual([null, '', 0]);
    }
    expect(new FetchAnswer(answer(404, '{"message":"Not Found"}')).ok).toBe(false);
  });
});
