/** Small HTTP pieces the server's routes share: Flinks-shaped errors, bounded body reading, the JSON content type. */

export const MAX_BODY_BYTES = 1024 * 1024;

/** An error in Flinks' shape, never cached. */
export function flinksError(
  status: number,
  flinksCode: string,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return Response.json(
    { HttpStatusCode: status, FlinksCode: flinksCode, Message: message },
    { status, headers: { 'cache-control': 'no-store', ...headers } },
  );
}

export type BodyRead = { kind: 'text'; text: string } | { kind: 'too-large' } | { kind: 'broken' };

/**
 * Reads a request body, stopping as soon as it passes `maxBytes`, whether or not a length was declared and whatever
 * the transfer encoding: a 300 MB chunked upload costs at most `maxBytes` of memory before it is refused.
 */
export async function readBounded(request: Request, maxBytes = MAX_BODY_BYTES): Promise<BodyRead> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await request.body?.cancel().catch(() => undefined);
    return { kind: 'too-large' };
  }
  return readStream(request.body, maxBytes);
}

/** {@link readBounded} for any body stream (an upstream answer, say). */
export async function readStream(
  stream: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<BodyRead> {
  if (!stream) return { kind: 'text', text: '' };
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      size += chunk.value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { kind: 'too-large' };
      }
      chunks.push(chunk.value);
    }
  } catch {
    return { kind: 'broken' };
  }
  return { kind: 'text', text: Buffer.concat(chunks, size).toString('utf8') };
}

/** `application/json`, with or without parameters such as `charset`. */
export function isJsonContentType(value: string | null | undefined): boolean {
  return (value ?? '').split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/** The answer to a body over the limit: the rest is never read, so the connection cannot carry another request. */
export function tooLarge(): Response {
  return flinksError(413, 'INVALID_REQUEST', 'The request body is larger than 1 MB.', {
    connection: 'close',
  });
}

export function notJson(): Response {
  return flinksError(415, 'INVALID_REQUEST', 'The request body must be sent as application/json.');
}
