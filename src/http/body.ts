// A request's body: read up to a byte limit (MAX_BODY_BYTES), then parsed as JSON.
import type { IncomingMessage } from 'node:http';
import { HttpError } from './responses.js';

/** The body as UTF-8; rejects with 413 PAYLOAD_TOO_LARGE past `limit` bytes, after letting the rest drain. */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Stop keeping the body but let it drain, so the client reads the 413.
        if (chunks.length > 0) chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () =>
      size > limit
        ? reject(new HttpError(413, 'PAYLOAD_TOO_LARGE', `Request body larger than ${limit} bytes`))
        : resolve(Buffer.concat(chunks).toString('utf8')),
    );
    req.on('error', reject);
  });
}

/** The parsed body (undefined when empty); rejects with 400 BAD_REQUEST when it is not JSON. */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const raw = await readBody(req, limit);
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new HttpError(400, 'BAD_REQUEST', 'The request body is not valid JSON');
  }
}
