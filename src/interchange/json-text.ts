// Reading an interchange file the way every standard JSON reader reads it, and refusing what they
// would read differently (README "Import and export"; RFC 8259). UTF-8 only (§8.1), a leading byte
// order mark ignored as §8.1 allows; a key repeated in one object is refused (§4: "names within an
// object SHOULD be unique"; readers then keep the first, the last or fail), with its JSON path.
// JSON.parse keeps the last silently and no well-kept library in the project reports duplicates, so a
// small scanner walks the text once after JSON.parse has accepted it.

export type JsonPathSegment = string | number;

export type JsonTextProblem = { path: JsonPathSegment[]; message: string; code: 'INVALID_ENCODING' | 'INVALID_JSON' | 'DUPLICATE_KEY' };

/** Not ok: the problems, and the value JSON.parse read when the text is JSON but ambiguous (duplicate keys). */
export type JsonTextResult = { ok: true; value: unknown } | { ok: false; problems: JsonTextProblem[]; value?: unknown };

const BOM = '\uFEFF';

/**
 * Decodes a file's bytes as UTF-8 (refusing invalid sequences instead of replacing them with U+FFFD)
 * and parses them with parseJsonText. A UTF-8 byte order mark is dropped; UTF-16 or UTF-32 text is refused.
 */
export function parseJsonBytes(bytes: Uint8Array): JsonTextResult {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0 && bytes[1] === 0)) {
    return encodingProblem('the file starts with a UTF-16 or UTF-32 byte order mark; save it as UTF-8 (RFC 8259 §8.1)');
  }
  let text: string;
  try {
    // ignoreBOM keeps a BOM in the text, so parseJsonText drops exactly one (a second is an error).
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return encodingProblem(`not UTF-8 text: invalid byte sequence at byte ${firstInvalidUtf8Byte(bytes)} (RFC 8259 §8.1)`);
  }
  return parseJsonText(text);
}

/**
 * Parses JSON text as every standard reader would: a leading byte order mark is ignored, and a key
 * that appears twice in one object is a DUPLICATE_KEY problem at its path (every such key is listed).
 * Syntax errors are one INVALID_JSON problem at `$`, invisible characters in the message escaped.
 */
export function parseJsonText(text: string): JsonTextResult {
  const body = text.startsWith(BOM) ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (err) {
    return { ok: false, problems: [{ path: [], message: `not valid JSON: ${visible((err as Error).message)}`, code: 'INVALID_JSON' }] };
  }
  const duplicates = findDuplicateKeys(body);
  if (duplicates.length > 0) return { ok: false, problems: duplicates, value };
  return { ok: true, value };
}

/** Characters a reader cannot see (controls, format characters such as U+FEFF or U+200B, unusual spaces) as \uXXXX. */
function visible(message: string): string {
  return message.replace(/(?! )[\p{C}\p{Z}]/gu, (c) =>
    [...c].map((u) => `\\u${u.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(''),
  );
}

function encodingProblem(message: string): JsonTextResult {
  return { ok: false, problems: [{ path: [], message, code: 'INVALID_ENCODING' }] };
}

/** The offset of the first byte that does not start or continue a well-formed UTF-8 sequence (WHATWG decoder rules). */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const [length, low, high] =
      b < 0x80
        ? [1, 0, 0]
        : b >= 0xc2 && b <= 0xdf
          ? [2, 0x80, 0xbf]
          : b === 0xe0
            ? [3, 0xa0, 0xbf]
            : b === 0xed
              ? [3, 0x80, 0x9f]
              : b >= 0xe1 && b <= 0xef
                ? [3, 0x80, 0xbf]
                : b === 0xf0
                  ? [4, 0x90, 0xbf]
                  : b === 0xf4
                    ? [4, 0x80, 0x8f]
                    : b >= 0xf1 && b <= 0xf3
                      ? [4, 0x80, 0xbf]
                      : [0, 0, 0];
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? low : 0x80) || c > (k === 1 ? high : 0xbf)) return i;
    }
    i += length;
  }
  return i;
}

type Frame = { object: true; keys: Set<string>; key?: string; expectKey: boolean } | { object: false; index: number };

/**
 * Every key repeated within one object of `text`, which must be valid JSON (JSON.parse accepted
 * it), with its path. One pass over the text with an explicit stack, so nesting depth costs no
 * recursion; keys are compared after their escapes are decoded ("a" and "\u0061" are the same key).
 */
export function findDuplicateKeys(text: string): JsonTextProblem[] {
  const problems: JsonTextProblem[] = [];
  const stack: Frame[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '{') {
      stack.push({ object: true, keys: new Set(), expectKey: true });
      i++;
    } else if (c === '[') {
      stack.push({ object: false, index: 0 });
      i++;
    } else if (c === '}' || c === ']') {
      stack.pop();
      i++;
    } else if (c === ',') {
      const top = stack.at(-1);
      if (top?.object) top.expectKey = true;
      else if (top) top.index++;
      i++;
    } else if (c === ':') {
      const top = stack.at(-1);
      if (top?.object) top.expectKey = false;
      i++;
    } else if (c === '"') {
      let j = i + 1;
      let escaped = false;
      while (text[j] !== '"') {
        if (text[j] === '\\') {
          escaped = true;
          j += 2;
        } else j++;
      }
      const top = stack.at(-1);
      if (top?.object && top.expectKey) {
        const key = escaped ? (JSON.parse(text.slice(i, j + 1)) as string) : text.slice(i + 1, j);
        if (top.keys.has(key)) {
          problems.push({
            path: [...pathOf(stack.slice(0, -1)), key],
            message: `the key ${shortKey(key)} appears more than once in this object; JSON readers disagree on which value counts`,
            code: 'DUPLICATE_KEY',
          });
        }
        top.keys.add(key);
        top.key = key;
      }
      i = j + 1;
    } else {
      i++; // whitespace and the characters of numbers, true, false and null
    }
  }
  return problems;
}

function shortKey(key: string): string {
  return visible(JSON.stringify(key.length > 60 ? `${key.slice(0, 50)}…` : key));
}

function pathOf(frames: readonly Frame[]): JsonPathSegment[] {
  return frames.map((f) => (f.object ? (f.key ?? '') : f.index));
}
