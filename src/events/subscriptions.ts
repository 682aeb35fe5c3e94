// The two subscriptions' event streams (README, "Subscriptions"), driven by the outbox: each reads the
// subscriber's changes through readChanges with a fresh context scoped to its viewer, oldest first,
// and waits for the outbox watcher when it has read everything. A client that passes the cursor of the
// last change it received (`after`) gets every visible change after it, so it misses nothing across a
// lost connection or an API restart (within retention). Streams end when the client or the server
// closes them (the abort signal), and a PARTNER's ends with its partnership.
import { checkPermission } from '../auth/permissions.js';
import { createRequestContext, type RequestContext } from '../context.js';
import { InternalError } from '../errors.js';
import type { EcosystemGraphRow, EcosystemMapRequest } from '../intelligence/ecosystem-map.js';
import type { EventHub } from './event-hub.js';
import { decodeChangeCursor, encodeChangeCursor, type Change } from './change-feed.js';
import { sequenceOf } from './feed.js';
import { diffMaps, EMPTY_MAP, isEmptyDelta, type MapDelta } from './map-delta.js';

/** Changes read per round trip. */
const PAGE = 100;

export interface MapDeltaEvent extends MapDelta {
  /** The cursor of the last change this drawing includes (null: the outbox was empty). */
  cursor: string | null;
  /** True for the first event of a subscription: the whole drawing, as nodes and edges added to an empty map. */
  reset: boolean;
}

function hubOf(ctx: RequestContext): EventHub {
  if (!ctx.events) throw new InternalError('Subscriptions run over WebSocket only (graphql-ws on /graphql)');
  return ctx.events;
}

/** An error the stream met (an expired cursor, the partnership ended, the database away): the last event; the resolver throws it. */
export class StreamFailure {
  constructor(readonly error: unknown) {}
}

/** The subscription field's resolve: the event, or the stream's error as the field's error (then the stream completes). */
export function eventOrThrow<T>(event: T | StreamFailure): T {
  if (event instanceof StreamFailure) throw event.error;
  return event;
}

async function* untilFailure<T>(inner: AsyncGenerator<T>, signal: AbortSignal): AsyncGenerator<T | StreamFailure> {
  try {
    yield* inner;
  } catch (err) {
    if (!signal.aborted) yield new StreamFailure(err);
  }
}

/**
 * An async iterator over `make(signal)` whose return() aborts the signal first, so a stream waiting for
 * the outbox ends at once when the client unsubscribes or the server closes. An error ends the stream
 * with one StreamFailure event.
 */
export function abortable<T>(make: (signal: AbortSignal) => AsyncGenerator<T>): AsyncGenerator<T | StreamFailure> {
  const controller = new AbortController();
  const inner = untilFailure(make(controller.signal), controller.signal);
  const outer: AsyncGenerator<T | StreamFailure> = {
    next: () => inner.next(),
    return: (value) => {
      controller.abort();
      return inner.return(value as never);
    },
    throw: (err) => {
      controller.abort();
      return inner.throw(err);
    },
    [Symbol.asyncIterator]: () => outer,
  };
  return outer;
}

/** Where a stream starts: after the given cursor, or after the outbox's current head ("from now"). */
async function startSequence(hub: EventHub, after: string | null | undefined): Promise<bigint | null> {
  if (after) return decodeChangeCursor(after, ['after']);
  return hub.watcher.readHead();
}

/** changes(filter, after): every change the viewer may see after the cursor (or from now), one event each. */
export function changeStream(
  ctx: RequestContext,
  filter: unknown,
  after: string | null | undefined,
): AsyncGenerator<Change | StreamFailure> {
  const hub = hubOf(ctx);
  return abortable(async function* (signal) {
    let cursor = await startSequence(hub, after);
    while (!signal.aborted) {
      await hub.partnerAccess(ctx.viewer);
      const seen = hub.watcher.head;
      const fresh = createRequestContext(ctx.db, ctx.viewer, 'changes', hub);
      const page = await hub.readChanges(fresh.db, { afterSequence: cursor, first: PAGE, filter: filter ?? undefined });
      for (const change of page) {
        cursor = sequenceOf(change);
        yield change as Change;
      }
      if (page.length < PAGE) await hub.watcher.waitBeyond(seen ?? cursor, signal);
    }
  });
}

/**
 * ecosystemMapChanged(input): first the whole drawing (reset), then, whenever a change the viewer may
 * see has been recorded, the map is drawn again for the same input and the difference is sent when
 * there is one. The same permission as the ecosystemMap query.
 */
export function mapDeltaStream(
  ctx: RequestContext,
  input: EcosystemMapRequest | null | undefined,
): AsyncGenerator<MapDeltaEvent | StreamFailure> {
  const hub = hubOf(ctx);
  checkPermission('Query', 'ecosystemMap', ctx.viewer, { input: input ?? null });
  const draw = async (): Promise<EcosystemGraphRow> =>
    createRequestContext(ctx.db, ctx.viewer, 'ecosystemMapChanged', hub).services.ecosystemMap.ecosystemMap(input);
  return abortable(async function* (signal) {
    let cursor = await hub.watcher.readHead();
    let drawn = await draw();
    yield { ...diffMaps(EMPTY_MAP, drawn), cursor: cursor === null ? null : encodeChangeCursor(cursor), reset: true };
    let seen: bigint | null = cursor;
    while (!signal.aborted) {
      await hub.watcher.waitBeyond(seen, signal);
      if (signal.aborted) return;
      // Taken before reading: every change up to it has committed, so the read below includes it.
      seen = hub.watcher.head;
      await hub.partnerAccess(ctx.viewer);
      // Read past every visible change; any of them may move the drawing.
      let moved = false;
      for (;;) {
        const page = await hub.readChanges(createRequestContext(ctx.db, ctx.viewer, 'ecosystemMapChanged', hub).db, {
          afterSequence: cursor,
          first: PAGE,
        });
        if (page.length > 0) {
          cursor = sequenceOf(page[page.length - 1]!);
          moved = true;
        }
        if (page.length < PAGE) break;
      }
      if (!moved) continue;
      const next = await draw();
      const delta = diffMaps(drawn, next);
      const wasTruncated = drawn.truncated;
      drawn = next;
      if (!isEmptyDelta(delta, wasTruncated)) yield { ...delta, cursor: encodeChangeCursor(cursor!), reset: false };
    }
  });
}
