// The map: a graphology graph drawn by sigma.js (WebGL), laid out by a bounded number of
// ForceAtlas2 iterations from seeded positions, so the same ecosystem draws the same way.
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import Sigma from 'sigma';
import { drawDiscNodeLabel } from 'sigma/rendering';
import type { Settings } from 'sigma/settings';
import type { NodeDisplayData, PartialButFor } from 'sigma/types';
import type { MapEdgeKind, MapNodeKind } from './gql/graphql';
import { nodeColour } from './legend';

export interface MapNodeData {
  id: string;
  kind: MapNodeKind;
  label: string;
  group?: string | null;
  weight: number;
}

export interface MapEdgeData {
  source: string;
  target: string;
  kind: MapEdgeKind;
  weight?: number | null;
}

interface NodeAttributes {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  kind: MapNodeKind;
  group: string | null;
  hidden: boolean;
}

/** A small seeded generator (mulberry32): the layout starts from the same positions every time. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The colour at a quarter strength: nodes away from the selection stay recognisable but recede. */
function faded(hex: string): string {
  const value = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255}, 0.25)`;
}

function layoutIterations(order: number): number {
  if (order > 3000) return 40;
  if (order > 1000) return 80;
  return 200;
}

export class MapView {
  readonly graph = new Graph<NodeAttributes>({ multi: false, type: 'mixed' });
  private sigma: Sigma<NodeAttributes> | undefined;
  private selected: string | null = null;
  /** The labels drawn in the current frame and the boxes they take (viewport pixels). */
  private drawnLabels = new Set<string>();
  private labelBoxes: { x: number; y: number; w: number; h: number }[] = [];

  constructor(
    private readonly container: HTMLElement,
    private readonly onClickNode: (id: string, kind: MapNodeKind) => void,
  ) {}

  /** Starts the renderer; throws when the browser has no WebGL. */
  start(): void {
    this.sigma = new Sigma(this.graph, this.container, {
      defaultEdgeColor: '#c9ced6',
      labelRenderedSizeThreshold: 9,
      // One label per grid cell (the heaviest node's): labels are drawn where they do not crowd each other.
      labelDensity: 1,
      labelGridCellSize: 140,
      labelFont: 'system-ui, sans-serif',
      // The grid only thins labels out: a label may still run into its neighbour's cell. Each label
      // is drawn only when its box is clear of the boxes drawn before it in the frame.
      defaultDrawNodeLabel: (context, data, settings) => this.drawLabelApart(context, data, settings),
      zIndex: true,
      // The map's tab may be hidden (no size); it is drawn again when shown.
      allowInvalidContainer: true,
      nodeReducer: (node, data) => this.reduceNode(node, data),
      edgeReducer: (edge, data) => {
        if (!this.selected) return data;
        const touches = this.graph.source(edge) === this.selected || this.graph.target(edge) === this.selected;
        return touches ? { ...data, color: '#4a5568', size: 2, zIndex: 1 } : { ...data, color: '#e8ebf0', zIndex: 0 };
      },
    });
    this.sigma.on('beforeRender', () => {
      this.drawnLabels = new Set();
      this.labelBoxes = [];
    });
    this.sigma.on('clickNode', ({ node }) => {
      const kind = this.graph.getNodeAttribute(node, 'kind');
      this.onClickNode(node, kind);
    });
    // The panel beside the map opens and closes: keep the drawing the size of its box.
    new ResizeObserver(() => this.sigma?.refresh()).observe(this.container);
    this.sigma.on('enterNode', () => this.container.classList.add('pointing'));
    this.sigma.on('leaveNode', () => this.container.classList.remove('pointing'));
  }

  /** Draws a node's label (as sigma's own drawer does) unless its box overlaps a label already drawn in this frame. */
  private drawLabelApart(
    context: CanvasRenderingContext2D,
    data: PartialButFor<NodeDisplayData, 'x' | 'y' | 'size' | 'label' | 'color'> & { key?: string },
    settings: Settings<NodeAttributes>,
  ): void {
    if (!data.label) return;
    context.font = `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
    // The text starts size + 3 px right of the centre and is centred on it vertically; the box covers both.
    const box = {
      x: data.x,
      y: data.y - settings.labelSize / 2 - 1,
      w: data.size + 3 + context.measureText(data.label).width,
      h: settings.labelSize + 2,
    };
    const clear = this.labelBoxes.every((b) => box.x >= b.x + b.w || b.x >= box.x + box.w || box.y >= b.y + b.h || b.y >= box.y + box.h);
    if (!clear) return;
    this.labelBoxes.push(box);
    if (data.key) this.drawnLabels.add(data.key);
    drawDiscNodeLabel(context, data, settings);
  }

  private reduceNode(node: string, data: NodeAttributes): Partial<NodeDisplayData> {
    if (!this.selected) return data;
    if (node === this.selected) return { ...data, highlighted: true, zIndex: 2, forceLabel: true };
    if (this.graph.areNeighbors(node, this.selected)) return { ...data, zIndex: 1, forceLabel: true };
    return { ...data, color: faded(data.color), label: '', zIndex: 0 };
  }

  /** Replaces the drawn graph with an ecosystemMap answer. */
  show(
    nodes: readonly MapNodeData[],
    edges: readonly MapEdgeData[],
    colourOf: (node: MapNodeData) => string = (n) => nodeColour(n.kind, n.group ?? null),
  ): void {
    this.graph.clear();
    this.selected = null;
    const random = seededRandom(nodes.length * 7919 + edges.length);
    const radius = Math.sqrt(nodes.length) * 10;
    for (const node of nodes) {
      this.graph.addNode(node.id, {
        x: (random() - 0.5) * radius,
        y: (random() - 0.5) * radius,
        size: Math.min(4 + 2.2 * Math.sqrt(node.weight), 28),
        color: colourOf(node),
        label: node.label,
        kind: node.kind,
        group: node.group ?? null,
        hidden: false,
      });
    }
    for (const edge of edges) {
      if (edge.source === edge.target || !this.graph.hasNode(edge.source) || !this.graph.hasNode(edge.target)) continue;
      if (!this.graph.hasEdge(edge.source, edge.target))
        this.graph.addDirectedEdge(edge.source, edge.target, {
          kind: edge.kind,
          size: edge.weight ? Math.min(1 + Math.log(edge.weight), 8) : 1,
          weight: edge.weight ?? 1,
        });
    }
    if (this.graph.order > 1) {
      const settings = { ...forceAtlas2.inferSettings(this.graph), barnesHutOptimize: this.graph.order > 500 };
      forceAtlas2.assign(this.graph, { iterations: layoutIterations(this.graph.order), settings });
    }
    this.sigma?.getCamera().setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
    this.sigma?.refresh();
  }

  /**
   * Applies a live change (ecosystemMapChanged) without laying the map out again: removed nodes and edges
   * go, re-weighted nodes are resized and relabelled, new nodes appear beside a neighbour (or at random).
   */
  update(
    delta: {
      nodesAdded: readonly MapNodeData[];
      nodesRemoved: readonly string[];
      nodesReweighted: readonly MapNodeData[];
      edgesAdded: readonly MapEdgeData[];
      edgesRemoved: readonly MapEdgeData[];
      edgesReweighted: readonly MapEdgeData[];
    },
    colourOf: (node: MapNodeData) => string = (n) => nodeColour(n.kind, n.group ?? null),
  ): void {
    for (const id of delta.nodesRemoved) if (this.graph.hasNode(id)) this.graph.dropNode(id);
    for (const e of delta.edgesRemoved) if (this.graph.hasEdge(e.source, e.target)) this.graph.dropEdge(e.source, e.target);
    const size = (weight: number) => Math.min(4 + 2.2 * Math.sqrt(weight), 28);
    for (const n of delta.nodesReweighted) {
      if (!this.graph.hasNode(n.id)) continue;
      this.graph.mergeNodeAttributes(n.id, { size: size(n.weight), label: n.label, group: n.group ?? null, color: colourOf(n) });
    }
    const random = seededRandom(this.graph.order * 31 + delta.nodesAdded.length);
    const spread = Math.sqrt(this.graph.order + 1) * 10;
    for (const n of delta.nodesAdded) {
      if (this.graph.hasNode(n.id)) continue;
      const neighbour = delta.edgesAdded
        .map((e) => (e.source === n.id ? e.target : e.target === n.id ? e.source : null))
        .find((id) => id && this.graph.hasNode(id));
      const at = neighbour ? this.graph.getNodeAttributes(neighbour) : { x: (random() - 0.5) * spread, y: (random() - 0.5) * spread };
      this.graph.addNode(n.id, {
        x: at.x + (random() - 0.5) * 5,
        y: at.y + (random() - 0.5) * 5,
        size: size(n.weight),
        color: colourOf(n),
        label: n.label,
        kind: n.kind,
        group: n.group ?? null,
        hidden: false,
      });
    }
    for (const e of [...delta.edgesAdded, ...delta.edgesReweighted]) {
      if (e.source === e.target || !this.graph.hasNode(e.source) || !this.graph.hasNode(e.target)) continue;
      const attributes = { kind: e.kind, size: e.weight ? Math.min(1 + Math.log(e.weight), 8) : 1, weight: e.weight ?? 1 };
      if (this.graph.hasEdge(e.source, e.target)) this.graph.mergeEdgeAttributes(e.source, e.target, attributes);
      else this.graph.addDirectedEdge(e.source, e.target, attributes);
    }
    this.sigma?.refresh();
  }

  /** Colours every drawn node again (the colour-by choice changed). */
  recolour(colourOf: (node: MapNodeData) => string): void {
    this.graph.forEachNode((id, a) =>
      this.graph.setNodeAttribute(id, 'color', colourOf({ id, kind: a.kind, label: a.label, group: a.group, weight: 0 })),
    );
    this.sigma?.refresh();
  }

  /** Hides the nodes the predicate rejects (tier and capability filters work on the drawn graph). */
  setVisible(visible: (id: string, kind: MapNodeKind) => boolean): number {
    let shown = 0;
    this.graph.forEachNode((id, attributes) => {
      const show = visible(id, attributes.kind);
      this.graph.setNodeAttribute(id, 'hidden', !show);
      if (show) shown++;
    });
    this.sigma?.refresh();
    return shown;
  }

  /** Highlights a node and its neighbours and moves the camera to it; null clears. */
  select(id: string | null): void {
    this.selected = id && this.graph.hasNode(id) ? id : null;
    if (this.selected && this.sigma) {
      const display = this.sigma.getNodeDisplayData(this.selected);
      if (display) void this.sigma.getCamera().animate({ x: display.x, y: display.y, ratio: 0.6 }, { duration: 400 });
    }
    this.sigma?.refresh();
  }

  zoom(factor: number): void {
    const camera = this.sigma?.getCamera();
    if (!camera) return;
    void (factor > 1 ? camera.animatedZoom({ duration: 200, factor }) : camera.animatedUnzoom({ duration: 200, factor: 1 / factor }));
  }

  resetView(): void {
    void this.sigma?.getCamera().animatedReset({ duration: 300 });
  }

  /** Where a node is drawn, in CSS pixels from the map's top-left corner (null when not drawn). */
  viewportPosition(id: string): { x: number; y: number } | null {
    if (!this.sigma || !this.graph.hasNode(id)) return null;
    const { x, y } = this.graph.getNodeAttributes(id);
    return this.sigma.graphToViewport({ x, y });
  }

  /** The ids whose labels sigma drew in the last frame (the end-to-end test checks they do not overlap). */
  displayedLabels(): string[] {
    return this.sigma ? [...this.sigma.getNodeDisplayedLabels()].filter((id) => this.drawnLabels.has(id)) : [];
  }

  has(id: string): boolean {
    return this.graph.hasNode(id);
  }
}
