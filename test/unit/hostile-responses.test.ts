import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFlinksClient, LIMITS } from '../../src/api';
import type { FlinksClient } from '../../src/api';
import { sniffImage } from '../../src/steps/mfa/image';

// Whatever an API (or anything pretending to be one) sends, the client hands the screens one typed result:
// it never throws, never hangs, and never lets a body's size or depth cost more than a moment.

const PASSWORD = 'Hostile-Pa55word';

type Endpoint = 'authorize' | 'answer' | 'detail' | 'detailAsync' | 'summary' | 'delete';
const ENDPOINTS: readonly Endpoint[] = ['authorize', 'answer', 'detail', 'detailAsync', 'summary', 'delete'];

const KINDS: Record<Endpoint, readonly string[]> = {
  authorize: ['authorized', 'challenged', 'pending', 'error'],
  answer: ['authorized', 'challenged', 'pending', 'error'],
  detail: ['accounts', 'pending', 'error'],
  detailAsync: ['accounts', 'pending', 'error'],
  summary: ['accounts', 'pending', 'error'],
  delete: ['deleted', 'error'],
};

function clientAnswering(answer: () => Response): FlinksClient {
  return createFlinksClient({
    baseUrl: 'https://api.test/v3/c/BankingServices',
    fetch: async () => answer(),
  });
}

function call(client: FlinksClient, endpoint: Endpoint): Promise<unknown> {
  switch (endpoint) {
    case 'authorize':
      return client.authorize({ institution: 'FlinksCapital', username: 'Greatday', password: PASSWORD });
    case 'answer':
      return client.answerMfa({ requestId: 'req-1', securityResponses: { 'Who?': [PASSWORD] } });
    case 'detail':
      return client.getAccountsDetail({ requestId: 'req-1' });
    case 'detailAsync':
      return client.getAccountsDetailAsync('req-1');
    case 'summary':
      return client.getAccountsSummary('req-1');
    case 'delete':
      return client.deleteCard('login-1');
  }
}

const isText = (value: unknown, max: number) => typeof value === 'string' && value.length <= max;

/** The result types' promises, checked at run time: what a screen may rely on without looking twice. */
function expectTyped(endpoint: Endpoint, result: unknown): void {
  expect(result).toBeTypeOf('object');
  const value = result as Record<string, unknown>;
  expect(KINDS[endpoint]).toContain(value.kind);
  switch (value.kind) {
    case 'error':
      expect(isText(value.flinksCode, LIMITS.flinksCodeChars) && value.flinksCode !== '').toBe(true);
      expect(typeof value.message).toBe('string');
      expect(value.requestId === null || typeof value.requestId === 'string').toBe(true);
      expect(['network', 'timeout', 'malformed', 'aborted', 'http']).toContain(value.cause);
      // An error message never hands back the password or answer the call carried, whatever the server echoed.
      if (endpoint === 'authorize' || endpoint === 'answer')
        expect(String(value.message)).not.toContain(PASSWORD);
      break;
    case 'pending':
      expect(['OPERATION_PENDING', 'OPERATION_DISPATCHED']).toContain(value.flinksCode);
      expect(isText(value.requestId, LIMITS.textChars)).toBe(true);
      break;
    case 'challenged': {
      const challenges = value.challenges as Array<Record<string, unknown>>;
      expect(challenges.length).toBeGreaterThan(0);
      expect(challenges.length).toBeLessThanOrEqual(LIMITS.challenges);
      for (const challenge of challenges) {
        expect(isText(challenge.Prompt, LIMITS.promptChars) && challenge.Prompt !== '').toBe(true);
        expect(isText(challenge.Type, LIMITS.challengeTypeChars)).toBe(true);
        const iterables = challenge.Iterables;
        if (iterables !== undefined) {
          expect(Array.isArray(iterables) && iterables.every((item) => typeof item === 'string')).toBe(true);
        }
      }
      break;
    }
    case 'authorized':
      expect(isText(value.loginId, LIMITS.textChars) && value.loginId !== '').toBe(true);
      expect(isText(value.requestId, LIMITS.textChars)).toBe(true);
      break;
    case 'accounts':
      expect(Array.isArray(value.accounts)).toBe(true);
      expect((value.accounts as unknown[]).length).toBeLessThanOrEqual(LIMITS.accounts);
      break;
    case 'deleted':
      expect(typeof value.message).toBe('string');
      break;
  }
}

// Statuses a Response may carry a body with (204, 205 and 304 may not).
const status = fc.oneof(
  fc.constantFrom(200, 202, 203, 400, 401, 404, 405, 429, 500, 502, 503),
  fc.integer({ min: 200, max: 599 }).filter((code) => ![204, 205, 304].includes(code)),
);
const endpoint = fc.constantFrom(...ENDPOINTS);
const contentType = fc.constantFrom(
  'application/json',
  'text/html',
  'text/plain',
  'application/octet-stream',
);

/** Bodies in Flinks' shape whose every field may be right, wrong, missing or hostile. */
const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('', PASSWORD, `Message: ${PASSWORD}`, '<script>alert(1)</script>', 'x'.repeat(1200)),
);
const anyJson = fc.jsonValue({ maxDepth: 4 });
const challenge = fc.record(
  {
    Type: fc.oneof(
      fc.constantFrom('QuestionAndAnswer', 'MultipleChoice', 'ImageSelection', 'TextOrCall'),
      text,
      anyJson,
    ),
    Prompt: fc.oneof(text, anyJson),
    Iterables: fc.oneof(fc.array(text, { maxLength: 5 }), anyJson, fc.constant(null)),
  },
  { requiredKeys: [] },
);
const flinksShaped = fc.record(
  {
    HttpStatusCode: fc.oneof(fc.constantFrom(200, 202, 203, 401), fc.integer(), anyJson),
    FlinksCode: fc.oneof(
      fc.constantFrom('OPERATION_PENDING', 'OPERATION_DISPATCHED', 'INVALID_LOGIN', 'SESSION_EXPIRED', null),
      text,
      anyJson,
    ),
    Message: fc.oneof(text, anyJson),
    RequestId: fc.oneof(fc.constant('req-1'), text, anyJson),
    Institution: fc.oneof(text, anyJson),
    Login: fc.oneof(
      fc.record(
        {
          Id: fc.oneof(fc.constant('login-1'), text, anyJson),
          Username: text,
          IsScheduledRefresh: fc.oneof(fc.boolean(), anyJson),
          LastRefresh: text,
          Type: text,
        },
        { requiredKeys: [] },
      ),
      anyJson,
    ),
    SecurityChallenges: fc.oneof(fc.array(challenge, { maxLength: 60 }), anyJson),
    Accounts: fc.oneof(fc.array(anyJson, { maxLength: 5 }), anyJson),
  },
  { requiredKeys: [] },
);

describe('any answer becomes one typed result, never a throw', () => {
  it('for arbitrary JSON under any status', async () => {
    await fc.assert(
      fc.asyncProperty(endpoint, status, anyJson, async (where, code, body) => {
        const client = clientAnswering(() => Response.json(body, { status: code }));
        expectTyped(where, await call(client, where));
      }),
      { numRuns: 300 },
    );
  });

  it("for bodies in Flinks' shape with wrong, missing or hostile fields", async () => {
    await fc.assert(
      fc.asyncProperty(endpoint, status, flinksShaped, async (where, code, body) => {
        const client = clientAnswering(() => Response.json(body, { status: code }));
        expectTyped(where, await call(client, where));
      }),
      { numRuns: 400 },
    );
  });

  it('for arbitrary bytes under any content type', async () => {
    await fc.assert(
      fc.asyncProperty(
        endpoint,
        status,
        contentType,
        fc.uint8Array({ maxLength: 2048 }),
        async (where, code, type, bytes) => {
          const client = clientAnswering(
            () => new Response(bytes, { status: code, headers: { 'content-type': type } }),
          );
          expectTyped(where, await call(client, where));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('for arbitrary text, including JSON cut anywhere', async () => {
    const whole = JSON.stringify({
      HttpStatusCode: 203,
      RequestId: 'req-1',
      SecurityChallenges: [{ Type: 'QuestionAndAnswer', Prompt: 'What city were you born in?' }],
    });
    await fc.assert(
      fc.asyncProperty(
        endpoint,
        status,
        fc.oneof(
          fc.string({ maxLength: 200 }),
          fc.nat({ max: whole.length }).map((cut) => whole.slice(0, cut)),
        ),
        async (where, code, body) => {
          expectTyped(
            where,
            await call(
              clientAnswering(() => new Response(body, { status: code })),
              where,
            ),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('bodies built to exhaust the page are refused at once', () => {
  const nested = (depth: number, open: string, middle: string, close: string) =>
    `${open.repeat(depth)}${middle}${close.repeat(depth)}`;
  /** Just under the 2 MB cap of one item repeated: hundreds of thousands of items to validate. */
  const fill = (item: string) =>
    Array.from({ length: Math.floor(LIMITS.bodyBytes / (item.length + 1)) - 100 }, () => item).join(',');
  const login = '{"Id":"a","Username":"u","IsScheduledRefresh":false,"LastRefresh":"x","Type":"t"}';
  const account =
    '{"Id":"a","Title":"t","AccountNumber":"1","Category":"c","Type":"t","Currency":"CAD","Balance":{}';
  const floods: Array<[string, Endpoint, string]> = [
    [
      '2 MB of empty accounts',
      'summary',
      `{"HttpStatusCode":200,"RequestId":"r","Accounts":[${fill('{}')}]}`,
    ],
    [
      '2 MB of numbers as accounts',
      'detail',
      `{"HttpStatusCode":200,"RequestId":"r","Accounts":[${fill('1')}]}`,
    ],
    [
      '2 MB of empty challenges',
      'authorize',
      `{"HttpStatusCode":203,"RequestId":"r","SecurityChallenges":[${fill('{}')}]}`,
    ],
    [
      '2 MB of numbers as Iterables',
      'authorize',
      `{"HttpStatusCode":203,"RequestId":"r","SecurityChallenges":[{"Type":"MultipleChoice","Prompt":"p","Iterables":[${fill('1')}]}]}`,
    ],
    [
      '2 MB of empty Links',
      'answer',
      `{"HttpStatusCode":200,"RequestId":"r","Institution":"i","Login":${login},"Links":[${fill('{}')}]}`,
    ],
    [
      '2 MB of empty transactions',
      'detailAsync',
      `{"HttpStatusCode":200,"RequestId":"r","Accounts":[${account},"Transactions":[${fill('{}')}]}]}`,
    ],
  ];
  const challenges = (count: number) =>
    Array.from({ length: count }, (_, index) => ({
      Type: 'QuestionAndAnswer',
      Prompt: `Question ${index}?`,
    }));

  it.each<[string, () => Response, Endpoint, string]>([
    ['a 5 MB body', () => new Response(' '.repeat(5 * 1024 * 1024)), 'authorize', 'MALFORMED_RESPONSE'],
    [
      'a 5 MB body that says so',
      () => new Response('{}', { headers: { 'content-length': String(5 * 1024 * 1024) } }),
      'detail',
      'MALFORMED_RESPONSE',
    ],
    [
      'a 5 MB prompt in a valid 203',
      () =>
        Response.json(
          {
            HttpStatusCode: 203,
            RequestId: 'r',
            SecurityChallenges: [{ Type: 'QuestionAndAnswer', Prompt: 'p'.repeat(5 * 1024 * 1024) }],
          },
          { status: 203 },
        ),
      'authorize',
      'MALFORMED_RESPONSE',
    ],
    [
      'arrays nested 100,000 deep',
      () => new Response(nested(100_000, '[', '', ']')),
      'authorize',
      'MALFORMED_RESPONSE',
    ],
    [
      'objects nested 100,000 deep',
      () => new Response(nested(100_000, '{"a":', '1', '}'), { status: 200 }),
      'detail',
      'MALFORMED_RESPONSE',
    ],
    [
      'a 203 whose Iterables nest 100,000 deep',
      () =>
        new Response(
          `{"HttpStatusCode":203,"RequestId":"r","SecurityChallenges":[{"Type":"MultipleChoice","Prompt":"p","Iterables":${nested(100_000, '[', '', ']')}}]}`,
          { status: 203 },
        ),
      'answer',
      'MALFORMED_RESPONSE',
    ],
    [
      'an error body with 100,000 levels of extra data',
      () =>
        new Response(
          `{"FlinksCode":"RETRY_LATER","Message":"m","Extra":${nested(100_000, '{"a":', '1', '}')}}`,
          {
            status: 401,
          },
        ),
      'authorize',
      'RETRY_LATER',
    ],
    [
      '1,000 challenges',
      () =>
        Response.json(
          { HttpStatusCode: 203, RequestId: 'r', SecurityChallenges: challenges(1000) },
          { status: 203 },
        ),
      'authorize',
      'MALFORMED_RESPONSE',
    ],
    [
      '1,000 Iterables',
      () =>
        Response.json(
          {
            HttpStatusCode: 203,
            RequestId: 'r',
            SecurityChallenges: [
              { Type: 'MultipleChoice', Prompt: 'Pick', Iterables: challenges(1000).map((c) => c.Prompt) },
            ],
          },
          { status: 203 },
        ),
      'answer',
      'MALFORMED_RESPONSE',
    ],
    ...floods.map(([name, where, json]): [string, () => Response, Endpoint, string] => [
      name,
      () => new Response(json, { status: where === 'authorize' ? 203 : 200 }),
      where,
      'MALFORMED_RESPONSE',
    ]),
  ])('%s: a typed error, within a second', async (_name, answer, where, code) => {
    const started = performance.now();
    const result = await call(clientAnswering(answer), where);
    expect(performance.now() - started).toBeLessThan(1000);
    expectTyped(where, result);
    expect(result).toMatchObject({ kind: 'error', flinksCode: code });
  });
});

describe('challenge images: only raster formats, whatever they claim', () => {
  const raster = /^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/]+=*$/;
  const markup = fc
    .tuple(
      fc.constantFrom(
        '<svg xmlns="http://www.w3.org/2000/svg">',
        '<?xml version="1.0"?><svg>',
        '<!doctype html><html>',
        '<html><body>',
        '<script>',
        '  <svg onload="alert(1)">',
      ),
      fc.string({ maxLength: 60 }),
    )
    .map(([head, tail]) => `${head}${tail}`);
  const encodedMarkup = fc
    .tuple(markup, fc.constantFrom('raw', 'svg', 'png', 'html', 'text'))
    .map(([text, form]) => {
      const base64 = btoa(String.fromCharCode(...new TextEncoder().encode(text)));
      switch (form) {
        case 'raw':
          return base64;
        case 'svg':
          return `data:image/svg+xml;base64,${base64}`;
        case 'png':
          return `data:image/png;base64,${base64}`;
        case 'html':
          return `data:text/html;base64,${base64}`;
        default:
          return `data:image/svg+xml,${encodeURIComponent(text)}`;
      }
    });

  it('refuses SVG and HTML in every encoding, whatever type they declare', () => {
    fc.assert(
      fc.property(encodedMarkup, (encoded) => {
        expect(sniffImage(encoded)).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('turns anything it accepts into a raster data URI of base64 only', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.base64String(), encodedMarkup), (encoded) => {
        const image = sniffImage(encoded);
        if (image !== null) expect(image.src).toMatch(raster);
      }),
      { numRuns: 1000 },
    );
  });
});
