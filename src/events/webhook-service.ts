// Webhooks as the API manages them (README, "Webhooks"): create (the URL's shape and every address its
// host resolves to are checked: src/events/webhook-target.ts), list, delete and the deliveries. ADMIN
// manages every webhook and may give one a partner's scope; a PARTNER manages its own, whose
// deliveries use its visibility. The secret is returned by createWebhook once and never again.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Viewer } from '../context.js';
import type { CypherExecutor } from '../db/executor.js';
import { BadInputError, FeatureUnavailableError, ForbiddenError, NotFoundError, ProblemsError } from '../errors.js';
import { pageDirection, type PageArgs } from '../relay/keyset.js';
import { pageArgs } from '../relay/ordered-pages.js';
import { attempt, IdArgument, idSchema, isWellFormedText, notFound, type Outcome } from '../validation/problems.js';
import type { EventHub } from './event-hub.js';
import { decodeChangeCursor, encodeChangeCursor } from './change-feed.js';
import { EVENT_TYPE_PATTERN, namesKnownEventType } from './event-types.js';
import { CHANGE_KINDS, ENTITY_TYPES, RELATIONSHIP_TYPES } from './outbox.js';
import { generateSecret } from './webhook-signing.js';
import { writeWebhookState } from './webhook-worker.js';
import { checkTarget, MAX_URL_LENGTH, parseTargetUrl, TargetRefusedError } from './webhook-target.js';

export const MAX_EVENT_TYPES = 50;

const CreateWebhookInput = z.object({
  url: z.string().trim().max(MAX_URL_LENGTH, `at most ${MAX_URL_LENGTH} characters`),
  eventTypes: z
    .array(
      z
        .string()
        .regex(EVENT_TYPE_PATTERN, 'must be EntityType.KIND, EntityType.*, *.KIND or * (e.g. Deal.CREATED)')
        .refine(
          // A malformed pattern has its one problem from the regex above.
          (p) => !EVENT_TYPE_PATTERN.test(p) || namesKnownEventType(p, [...ENTITY_TYPES, ...RELATIONSHIP_TYPES], CHANGE_KINDS),
          `names an entity type or kind the outbox does not record (types: ${[...ENTITY_TYPES, ...RELATIONSHIP_TYPES].join(', ')}; kinds: ${CHANGE_KINDS.join(', ')})`,
        ),
    )
    .min(1, 'name at least one event type')
    .max(MAX_EVENT_TYPES, `at most ${MAX_EVENT_TYPES} event types`),
  secret: z
    .string()
    .min(24, 'at least 24 characters')
    .max(256, 'at most 256 characters')
    .refine(isWellFormedText, 'must be Unicode text')
    .nullable()
    .optional(),
  partnerId: idSchema.nullable().optional(),
});

export interface WebhookRow {
  id: string;
  url: string;
  eventTypes: string[];
  ownerPartnerId: string | null;
  createdBy: string;
  createdAt: Date;
  pending?: number;
  failed?: number;
}

export interface WebhookDeliveryRow {
  id: string;
  status: 'PENDING' | 'DELIVERED' | 'FAILED';
  firstSequence: number | bigint;
  lastSequence: number | bigint;
  changeCount: number;
  attempts: number;
  statusCodes: number[];
  lastError: string | null;
  createdAt: Date;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
}

export interface WebhookDeliveryPage {
  edges: { cursor: string; node: WebhookDeliveryRow }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/** Only ADMIN and PARTNER have webhooks (README, "Webhooks"). */
function assertWebhookRole(viewer: Viewer): void {
  if (viewer.role === 'ALLIANCE_MANAGER') throw new ForbiddenError('Webhooks belong to an administrator or a partner');
}

export class WebhookService {
  constructor(
    private readonly db: CypherExecutor,
    private readonly viewer: Viewer,
    /** The running API's event features; absent in-process (tests' runOperation), where only creating is unavailable. */
    private readonly hub?: EventHub,
  ) {}

  private requireHub(): EventHub {
    if (!this.hub) throw new FeatureUnavailableError('Creating a webhook needs the running API (its outbox watcher and target policy)');
    return this.hub;
  }

  /** The new webhook and its secret; BAD_USER_INPUT problems for a bad URL (refused target included) or event type. */
  createWebhook(input: unknown): Promise<Outcome<{ webhook: WebhookRow; secret: string }>> {
    assertWebhookRole(this.viewer);
    const hub = this.requireHub();
    return attempt(CreateWebhookInput, input, ['input'], async (a) => {
      let ownerPartnerId: string | null = a.partnerId ?? null;
      if (this.viewer.role === 'PARTNER') {
        if (ownerPartnerId !== null && ownerPartnerId !== this.viewer.partnerId) {
          throw new ProblemsError([
            { path: ['input', 'partnerId'], message: 'A partner may only create webhooks for itself', code: 'FORBIDDEN' },
          ]);
        }
        ownerPartnerId = this.viewer.partnerId ?? null;
      } else if (ownerPartnerId !== null) {
        const [partner] = await this.db.read('partners/get-partner-access', { partnerId: ownerPartnerId });
        if (!partner) throw new ProblemsError([notFound(['input', 'partnerId'], 'partner', ownerPartnerId)]);
      }
      const url = parseTargetUrl(a.url);
      if (typeof url === 'string') throw new ProblemsError([{ path: ['input', 'url'], message: url, code: 'BAD_USER_INPUT' }]);
      try {
        await checkTarget(url, hub.targetPolicy);
      } catch (err) {
        if (!(err instanceof TargetRefusedError)) throw err;
        throw new ProblemsError([{ path: ['input', 'url'], message: err.message, code: 'BAD_USER_INPUT' }]);
      }
      const secret = a.secret ?? generateSecret();
      // Deliveries start after the changes recorded so far.
      const cursor = await hub.watcher.readHead();
      const [row] = await writeWebhookState<{ webhook: WebhookRow }>(this.db, 'webhooks/create-webhook', {
        id: `webhook-${randomUUID()}`,
        url: url.toString(),
        eventTypes: [...new Set(a.eventTypes)],
        secret,
        ownerPartnerId,
        createdBy: this.viewer.subject,
        cursor,
      });
      return { webhook: { ...row!.webhook, pending: 0, failed: 0 }, secret };
    });
  }

  /** The viewer's webhooks (all for ADMIN), oldest first, without secrets. */
  async webhooks(): Promise<WebhookRow[]> {
    assertWebhookRole(this.viewer);
    const rows = await this.db.read<{ webhook: WebhookRow }>('webhooks/list-webhooks');
    return rows.map((r) => r.webhook);
  }

  /** Deletes a webhook the viewer owns, with its delivery records; NOT_FOUND problem otherwise. */
  deleteWebhook(args: unknown): Promise<Outcome<string | null>> {
    assertWebhookRole(this.viewer);
    return attempt(IdArgument, args, [], async ({ id }) => {
      const rows = await writeWebhookState<{ id: string }>(this.db, 'webhooks/delete-webhook', { id });
      if (rows.length === 0) throw new ProblemsError([notFound(['id'], 'webhook', id)]);
      return rows[0]!.id;
    });
  }

  /**
   * A page of a webhook's deliveries, newest first: `first` (0 to 100, default 20) after the cursor `after`, or the
   * `last` before `before` (keysetRequest's rules; a cursor is the delivery's first change's cursor, as the change feed
   * makes them). BadInputError at the argument for a count out of range or a cursor that is not a change cursor;
   * NotFoundError for a webhook that is not the viewer's.
   */
  async deliveries(webhookId: string, args: PageArgs): Promise<WebhookDeliveryPage> {
    assertWebhookRole(this.viewer);
    const { size, backward, cursor, cursorPath } = pageDirection(pageArgs(args));
    if (!idSchema.safeParse(webhookId).success) throw new BadInputError('webhookId is not a webhook id', ['webhookId']);
    const position = cursor ? decodeChangeCursor(cursor, cursorPath) : null;
    const [row] = await this.db.read<{ webhookId: string; deliveries: WebhookDeliveryRow[] }>('webhooks/list-webhook-deliveries', {
      webhookId,
      position,
      // Newest first is descending; a backward page reads oldest first from its cursor and is put back in order.
      ascending: backward,
      limit: size + 1,
    });
    if (!row) throw new NotFoundError(`No webhook with id ${JSON.stringify(webhookId)}`, ['webhookId']);
    const more = row.deliveries.length > size;
    const page = row.deliveries.slice(0, size);
    if (backward) page.reverse();
    const edges = page.map((node) => ({ cursor: encodeChangeCursor(BigInt(node.firstSequence)), node }));
    return {
      edges,
      pageInfo: {
        hasNextPage: backward ? position !== null : more,
        hasPreviousPage: backward ? more : position !== null,
        startCursor: edges[0]?.cursor ?? null,
        endCursor: edges[edges.length - 1]?.cursor ?? null,
      },
    };
  }
}
