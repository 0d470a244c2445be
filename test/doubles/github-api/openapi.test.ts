import { describe, expect, it } from '@jest/globals';
import { checkResponse } from './openapi.js';

const REF = {
  ref: 'refs/heads/main',
  node_id: 'x',
  url: 'https://api.github.com/repos/a/b/git/refs/heads/main',
  object: { sha: 'f'.repeat(40), type: 'commit', url: 'https://api.github.com/repos/a/b/git/commits/f' },
};

describe("checkResponse against GitHub's OpenAPI description", () => {
  it('accepts a conforming body', () => {
    expect(checkResponse('GET', '/repos/{owner}/{repo}/git/ref/{ref}', 200, REF)).toEqual({
      described: true,
      problems: [],
    });
  });

  it('finds missing, mistyped and wrongly null fields', () => {
    const broken = { ...REF, node_id: undefined, url: 7, object: null };
    delete broken.node_id;
    expect(checkResponse('GET', '/repos/{owner}/{repo}/git/ref/{ref}', 200, broken).problems).toEqual([
      '$.node_id: required but missing',
      '$.url: 7 is not string',
      '$.object: null where object is required',
    ]);
  });

  it('checks an undocumented status against the generic error shape, and says it is undocumented', () => {
    expect(checkResponse('GET', '/repos/{owner}/{repo}', 502, { message: 'Server Error' })).toEqual({
      described: false,
      problems: [],
    });
    expect(checkResponse('GET', '/repos/{owner}/{repo}', 502, { message: 5 }).problems).toEqual([
      '$.message: 5 is not string',
    ]);
  });

  it('knows which operations exist', () => {
    expect(checkResponse('GET', '/repos/{owner}/{repo}/nothing', 200, {}).problems).toEqual([
      'GET /repos/{owner}/{repo}/nothing is not in the description',
    ]);
  });
});
