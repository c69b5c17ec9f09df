import fc from 'fast-check';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConnectWidget } from '../../src/ConnectWidget';
import { CIRCLE_PNG, SQUARE_PNG, TRIANGLE_PNG } from '../../src/sandbox';

// Hostile answers through the whole widget: markup stays text, unsafe images stay out, and whatever the API
// sends, the person is left on a screen with a heading.

const apiBaseUrl = 'http://localhost/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices';
let answer: () => Response = () => HttpResponse.json({});
const server = setupServer(
  http.post('*/Authorize', () => answer()),
  // The account data calls that follow a 200 meet a server in trouble.
  http.all('*/BankingServices/*', () => new HttpResponse(null, { status: 503 })),
);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  delete (window as { hacked?: unknown }).hacked;
});
afterAll(() => server.close());

const SCRIPT = '<script>window.hacked = 1</script>';
const IMG = '<img src="x" onerror="window.hacked = 2">';

async function signIn() {
  const user = userEvent.setup();
  const onEvent = vi.fn();
  render(<ConnectWidget apiBaseUrl={apiBaseUrl} institution="FlinksCapital" onEvent={onEvent} />);
  await user.type(await screen.findByLabelText('Username or card number'), 'Greatday');
  await user.type(screen.getByLabelText('Password'), 'Everyday');
  await user.click(screen.getByRole('button', { name: 'Connect' }));
  return { user, onEvent };
}

/** Nothing the API sent became an element or ran. */
function expectInert() {
  expect(document.querySelector('script, iframe, object, embed')).toBeNull();
  expect(document.querySelector('img[src="x"], [onerror], [onload]')).toBeNull();
  expect((window as { hacked?: unknown }).hacked).toBeUndefined();
}

const challenged = (challenges: unknown[]) =>
  HttpResponse.json(
    { HttpStatusCode: 203, RequestId: 'req-1', SecurityChallenges: challenges },
    { status: 203 },
  );

describe('markup in answers is shown as text', () => {
  it('in a prompt: the label reads the markup literally and nothing runs', async () => {
    const prompt = `${SCRIPT}${IMG} What city were you born in?`;
    answer = () => challenged([{ Type: 'QuestionAndAnswer', Prompt: prompt }]);
    await signIn();
    expect(await screen.findByLabelText(prompt)).toBeInTheDocument();
    expect(screen.getByText(prompt, { exact: false })).toHaveTextContent(SCRIPT);
    expectInert();
  });

  it('in choices: each reads literally', async () => {
    answer = () =>
      challenged([
        { Type: 'MultipleChoice', Prompt: 'Which street?', Iterables: [SCRIPT, IMG, 'Rue Sherbrooke'] },
      ]);
    await signIn();
    expect(await screen.findByRole('radio', { name: SCRIPT })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: IMG })).toBeInTheDocument();
    expectInert();
  });

  it('in an unknown FlinksCode, its Message and RequestId: the reference shows the RequestId as text, never the code', async () => {
    const code = `<b>NEW</b>${IMG}`;
    answer = () =>
      HttpResponse.json(
        { HttpStatusCode: 400, FlinksCode: code, Message: `${SCRIPT}${IMG}`, RequestId: '<i>r</i>' },
        { status: 400 },
      );
    const { onEvent } = await signIn();
    // The code is the developer's; the person's small print is the RequestId's first 8 characters, as text.
    expect(await screen.findByText('<i>r</i>', { exact: false })).toBeInTheDocument();
    expect(screen.queryByText(code, { exact: false })).toBeNull();
    expect(document.querySelector('b, i')).toBeNull();
    expectInert();
    // The host gets the code as the API sent it: a string, never markup the widget made.
    expect(onEvent).toHaveBeenCalledWith('ERROR', expect.objectContaining({ flinksCode: code }));
  });
});

describe('challenge images', () => {
  const svg = btoa(`<svg xmlns="http://www.w3.org/2000/svg" onload="window.hacked = 3">${SCRIPT}</svg>`);
  const html = btoa(`<!doctype html><html><body>${SCRIPT}</body></html>`);

  it.each<[string, string]>([
    ['raw base64 SVG', svg],
    ['an SVG data URI', `data:image/svg+xml;base64,${svg}`],
    ['SVG text as a data URI', `data:image/svg+xml,${encodeURIComponent('<svg onload="window.hacked=4"/>')}`],
    ['raw base64 HTML', html],
    ['HTML declared as PNG', `data:image/png;base64,${html}`],
    ['an HTML data URI', `data:text/html;base64,${html}`],
    ['a javascript: URL', 'javascript:window.hacked=5'],
    ['a remote image', 'https://tracker.example/pixel.png'],
  ])('%s is refused; the real images are still offered', async (_name, unsafe) => {
    answer = () =>
      challenged([
        {
          Type: 'ImageSelection',
          Prompt: 'Select the triangle.',
          Iterables: [CIRCLE_PNG, unsafe, TRIANGLE_PNG, SQUARE_PNG],
        },
      ]);
    await signIn();
    expect(await screen.findByText(/images can’t be shown here/)).toBeVisible();
    expect(screen.getAllByRole('radio')).toHaveLength(3);
    const sources = Array.from(document.querySelectorAll('img'), (image) => image.getAttribute('src') ?? '');
    expect(sources).toHaveLength(3);
    for (const src of sources) expect(src).toMatch(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/);
    expectInert();
  });
});

describe('any answer through the widget', () => {
  const body = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }).map((json) => JSON.stringify(json)),
    fc.string({ maxLength: 80 }),
    fc
      .record(
        {
          HttpStatusCode: fc.constantFrom(200, 203, 401),
          RequestId: fc.oneof(fc.constant('req-1'), fc.string({ maxLength: 10 })),
          FlinksCode: fc.oneof(
            fc.constantFrom('INVALID_PASSWORD', 'OPERATION_PENDING'),
            fc.string({ maxLength: 20 }),
          ),
          SecurityChallenges: fc.array(
            fc.record({ Type: fc.string({ maxLength: 20 }), Prompt: fc.string({ maxLength: 40 }) }),
            { maxLength: 3 },
          ),
        },
        { requiredKeys: [] },
      )
      .map((json) => JSON.stringify(json)),
  );

  it('always leaves the person on a screen with a heading, and nothing runs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(200, 202, 203, 400, 401, 500), body, async (status, text) => {
        answer = () => new HttpResponse(text, { status, headers: { 'content-type': 'application/json' } });
        try {
          await signIn();
          // Whatever the answer leads to: the form with the bank's word on it, MFA, progress or guidance.
          await waitFor(() => {
            const [heading] = screen.getAllByRole('heading');
            const title = heading?.textContent ?? '';
            expect(title).not.toBe('Signing in to Flinks Capital');
            if (title === 'Sign in to Flinks Capital') expect(screen.getByRole('alert')).toBeVisible();
          });
          expectInert();
        } finally {
          cleanup();
        }
      }),
      { numRuns: 25 },
    );
  }, 60_000);
});
