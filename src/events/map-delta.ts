// The difference between two drawings of one ecosystem map input: what ecosystemMapChanged sends.
// Nodes are keyed by id, edges by (source, target, kind); a node whose weight, label or group changed,
// or an edge whose weight changed, is "re-weighted" (sent again with its new values).
import type { EcosystemGraphRow } from '../intelligence/ecosystem-map.js';

type MapNodeRow = EcosystemGraphRow['nodes'][number];
type MapEdgeRow = EcosystemGraphRow['edges'][number];

export interface MapDelta {
  nodesAdded: MapNodeRow[];
  /** Ids of nodes no longer drawn. */
  nodesRemoved: string[];
  /** Nodes still drawn whose weight, label, group or distance changed, with their new values. */
  nodesReweighted: MapNodeRow[];
  edgesAdded: MapEdgeRow[];
  edgesRemoved: MapEdgeRow[];
  /** Edges still drawn whose weight changed, with their new weight. */
  edgesReweighted: MapEdgeRow[];
  truncated: boolean;
}

export const EMPTY_MAP: EcosystemGraphRow = { nodes: [], edges: [], truncated: false };

const edgeKey = (e: MapEdgeRow) => `${e.kind}\u0000${e.source}\u0000${e.target}`;

/** What changed from `before` to `after`, each list in `after`'s (or `before`'s, for removals) order. */
export function diffMaps(before: EcosystemGraphRow, after: EcosystemGraphRow): MapDelta {
  const oldNodes = new Map(before.nodes.map((n) => [n.id, n]));
  const newNodes = new Map(after.nodes.map((n) => [n.id, n]));
  const oldEdges = new Map(before.edges.map((e) => [edgeKey(e), e]));
  const newEdges = new Map(after.edges.map((e) => [edgeKey(e), e]));
  const changedNode = (a: MapNodeRow, b: MapNodeRow) =>
    a.weight !== b.weight || a.label !== b.label || a.group !== b.group || a.distance !== b.distance;
  return {
    nodesAdded: after.nodes.filter((n) => !oldNodes.has(n.id)),
    nodesRemoved: before.nodes.filter((n) => !newNodes.has(n.id)).map((n) => n.id),
    nodesReweighted: after.nodes.filter((n) => oldNodes.has(n.id) && changedNode(oldNodes.get(n.id)!, n)),
    edgesAdded: after.edges.filter((e) => !oldEdges.has(edgeKey(e))),
    edgesRemoved: before.edges.filter((e) => !newEdges.has(edgeKey(e))),
    edgesReweighted: after.edges.filter(
      (e) => oldEdges.has(edgeKey(e)) && (oldEdges.get(edgeKey(e))!.weight ?? null) !== (e.weight ?? null),
    ),
    truncated: after.truncated,
  };
}

/** True when the delta changes nothing (the truncated flag alone included). */
export function isEmptyDelta(d: MapDelta, previousTruncated: boolean): boolean {
  return (
    d.nodesAdded.length +
      d.nodesRemoved.length +
      d.nodesReweighted.length +
      d.edgesAdded.length +
      d.edgesRemoved.length +
      d.edgesReweighted.length ===
      0 && d.truncated === previousTruncated
  );
}

/** Applies a delta to a drawing: diffMaps(a, b) applied to a gives b's nodes and edges (as sets). */
export function applyDelta(map: EcosystemGraphRow, d: MapDelta): EcosystemGraphRow {
  const removed = new Set(d.nodesRemoved);
  const reweighted = new Map(d.nodesReweighted.map((n) => [n.id, n]));
  const goneEdges = new Set(d.edgesRemoved.map(edgeKey));
  const edgeWeights = new Map(d.edgesReweighted.map((e) => [edgeKey(e), e]));
  return {
    nodes: [...map.nodes.filter((n) => !removed.has(n.id)).map((n) => reweighted.get(n.id) ?? n), ...d.nodesAdded],
    edges: [...map.edges.filter((e) => !goneEdges.has(edgeKey(e))).map((e) => edgeWeights.get(edgeKey(e)) ?? e), ...d.edgesAdded],
    truncated: d.truncated,
  };
}
