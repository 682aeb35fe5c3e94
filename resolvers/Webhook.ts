// Webhooks and the two subscriptions (schema/delivery.graphql): thin wrappers over src/events/.
import type { RequestContext } from '../src/context.js';
import type { EcosystemMapRequest } from '../src/intelligence/ecosystem-map.js';
import { changeStream, eventOrThrow, mapDeltaStream } from '../src/events/subscriptions.js';
import { WebhookService } from '../src/events/webhook-service.js';
import { encodeChangeCursor } from '../src/events/change-feed.js';
import { mapView } from './Relay.js';
import type {
  MutationResolvers,
  QueryResolvers,
  SubscriptionResolvers,
  WebhookDeliveryResolvers,
  WebhookResolvers,
} from '../src/generated/graphql.js';

function webhooksOf(ctx: RequestContext): WebhookService {
  return new WebhookService(ctx.db, ctx.viewer, ctx.events);
}

export const WebhookQuery: Pick<QueryResolvers, 'webhooks' | 'webhookDeliveries'> = {
  webhooks: (_p, _a, ctx) => webhooksOf(ctx).webhooks(),
  webhookDeliveries: (_p, { webhookId, ...page }, ctx) => webhooksOf(ctx).deliveries(webhookId, page),
};

export const WebhookMutation: Pick<MutationResolvers, 'createWebhook' | 'deleteWebhook'> = {
  createWebhook: async (_p, { input }, ctx) => {
    const { value, errors } = await webhooksOf(ctx).createWebhook(input);
    return { webhook: value?.webhook ?? null, secret: value?.secret ?? null, errors };
  },
  deleteWebhook: async (_p, args, ctx) => {
    const { value, errors } = await webhooksOf(ctx).deleteWebhook(args);
    return { deletedId: value, errors };
  },
};

export const Webhook: WebhookResolvers = {
  partnerId: (w) => w.ownerPartnerId,
  pendingDeliveries: (w) => w.pending ?? 0,
  failedDeliveries: (w) => w.failed ?? 0,
};

export const WebhookDelivery: WebhookDeliveryResolvers = {
  firstCursor: (d) => encodeChangeCursor(BigInt(d.firstSequence)),
  lastCursor: (d) => encodeChangeCursor(BigInt(d.lastSequence)),
};

export const Subscription: SubscriptionResolvers = {
  changes: {
    subscribe: (_p, { filter, after }, ctx) => changeStream(ctx, filter, after),
    resolve: (event: unknown) => eventOrThrow(event) as never,
  },
  ecosystemMapChanged: {
    subscribe: (_p, { input }, ctx) => mapDeltaStream(ctx, input as EcosystemMapRequest | null | undefined),
    // Map nodes and edges get their ids from the map's view, as ecosystemMap's do (resolvers/Relay.ts).
    resolve: (event: unknown, args: { input?: unknown }) => {
      const delta = eventOrThrow(event) as Record<string, unknown>;
      const view = mapView(args.input);
      const tag = (key: string) => ((delta[key] as object[] | undefined) ?? []).map((x) => ({ ...x, view }));
      return {
        ...delta,
        nodesAdded: tag('nodesAdded'),
        nodesReweighted: tag('nodesReweighted'),
        edgesAdded: tag('edgesAdded'),
        edgesRemoved: tag('edgesRemoved'),
        edgesReweighted: tag('edgesReweighted'),
      } as never;
    },
  },
};
