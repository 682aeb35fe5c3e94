// The request context makes its loaders and services only when a resolver asks for them (src/context.ts), also after
// Apollo's per-operation copy of it (`Object.assign` onto an object of the same prototype, as Apollo Server's
// cloneObject does), and the copy and the original share them. A fake executor: nothing here reads the database.
import { describe, expect, it } from 'vitest';
import { createRequestContext } from '../src/context.js';
import type { CypherExecutor } from '../src/db/executor.js';

const fakeExecutor = { forRequest: () => fakeExecutor } as unknown as CypherExecutor;

/** What Apollo Server does with the context value it is given, before every operation. */
const apolloCopy = <T extends object>(o: T): T => Object.assign(Object.create(Object.getPrototypeOf(o) as object) as T, o);

describe('the request context', () => {
  it('makes neither loaders nor services when it is copied, and the copy shares them with the original', () => {
    const context = createRequestContext(fakeExecutor, { role: 'ADMIN', subject: 'test' }, 'test');
    const lazy = (context as unknown as { lazy: Record<string, unknown> }).lazy;
    const copy = apolloCopy(context);
    expect(lazy).toEqual({});
    expect(copy.db).toBe(context.db);
    expect(copy.viewer).toEqual({ role: 'ADMIN', subject: 'test' });
    const loaders = copy.loaders;
    expect(Object.keys(lazy)).toEqual(['loaders']);
    expect(context.loaders).toBe(loaders);
    expect(copy.services).toBe(context.services);
    expect(Object.keys(lazy).sort()).toEqual(['loaders', 'services']);
  });

  it('keeps the events hub and the compiled-reads switch as own fields', () => {
    const events = {} as never;
    const context = createRequestContext(fakeExecutor, { role: 'PARTNER', subject: 's', partnerId: 'p' }, 'op', events);
    context.compiledReads = false;
    const copy = apolloCopy(context);
    expect(copy.events).toBe(events);
    expect(copy.compiledReads).toBe(false);
  });
});
