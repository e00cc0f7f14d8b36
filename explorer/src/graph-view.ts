// The collaboration network on a canvas (cytoscape.js): people as nodes sized by their works, shared works as edges;
// or, with works shown, works and awards as nodes between the people (work-layer.ts).
import cytoscape, { type Core, type ElementDefinition, type NodeSingular } from 'cytoscape';
import type { Path, PersonRef, WorkNode, WorkRef } from './api.ts';
import { workLayerElements } from './work-layer.ts';

export interface NodeInfo extends PersonRef {
  works: number | null;
  expanded: boolean;
}

export interface EgoNetwork {
  center: PersonRef & { id: string };
  collaborators: { node: PersonRef & { id: string }; sharedWorks: (WorkRef & { id?: string })[] }[];
}

/** What a tap on the canvas opens: a person, a work, or an award (its work). */
export interface Tapped {
  kind: 'person' | 'work' | 'award';
  slug: string;
  /** The work an award was won for. */
  work?: string;
}

const COLORS = {
  node: '#3867d6',
  expanded: '#1e3a8a',
  edge: '#9aa5b8',
  selected: '#f59e0b',
  path: '#dc2626',
  label: '#111827',
  halo: '#ffffff',
  work: '#0f766e',
  award: '#b45309',
};

/** Works and awards drawn as nodes; everything else is a person. */
const NOT_PEOPLE = '.work-node, .award-node';

/** Node diameter in pixels: grows with the square root of the works, so one prolific person doesn't swamp the rest. */
export const nodeSize = (works: number | null) => (works ? Math.min(80, 16 + 7 * Math.sqrt(works)) : 18);
/** Edge width in pixels from the number of shared works. */
export const edgeWidth = (shared: number) => Math.min(10, 1 + 1.5 * shared);

interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}
/** Room left between two labels, in model units. */
const LABEL_GAP = 2;
const overlap = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

const edgeId = (a: string, b: string) => (a < b ? `${a}~${b}` : `${b}~${a}`);

export class GraphView {
  readonly cy: Core;
  private readonly container: HTMLElement;
  private readonly globalIds = new Map<string, string>();
  /** Global ids of the works on the drawn links, by slug: what `nodes(ids:)` needs to fetch them as nodes. */
  private readonly workIds = new Map<string, string>();
  /** Whether works and awards are drawn as nodes (and the people-to-people links hidden behind them). */
  worksShown = false;

  constructor(container: HTMLElement, onTapNode: (tapped: Tapped) => void) {
    this.container = container;
    this.cy = cytoscape({
      container,
      minZoom: 0.2,
      maxZoom: 3,
      boxSelectionEnabled: false,
      style: [
        {
          selector: 'node',
          style: {
            'background-color': COLORS.node,
            width: 'data(size)',
            height: 'data(size)',
            label: 'data(name)',
            'font-size': 'data(font)',
            'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", sans-serif',
            color: COLORS.label,
            'text-valign': 'bottom',
            'text-margin-y': 3,
            'text-outline-color': COLORS.halo,
            'text-outline-width': 2,
          },
        },
        // Labels sit on the side of a node away from the middle of the drawing, where they overlap least.
        {
          selector: 'node.label-right',
          style: { 'text-halign': 'right', 'text-valign': 'center', 'text-margin-x': 4, 'text-margin-y': 0 },
        },
        {
          selector: 'node.label-left',
          style: { 'text-halign': 'left', 'text-valign': 'center', 'text-margin-x': -4, 'text-margin-y': 0 },
        },
        { selector: 'node.label-top', style: { 'text-valign': 'top', 'text-margin-y': -3 } },
        { selector: 'node.expanded', style: { 'background-color': COLORS.expanded, 'font-weight': 'bold' } },
        { selector: 'node.selected', style: { 'border-width': 4, 'border-color': COLORS.selected, 'z-index': 10 } },
        {
          selector: 'edge',
          style: { width: 'data(width)', 'line-color': COLORS.edge, opacity: 0.75, 'curve-style': 'straight' },
        },
        { selector: 'edge.work', style: { 'line-color': COLORS.selected, opacity: 1, 'z-index': 5 } },
        { selector: 'node.on-path', style: { 'background-color': COLORS.path, 'z-index': 20 } },
        { selector: 'edge.on-path', style: { 'line-color': COLORS.path, width: 6, opacity: 1, 'z-index': 20 } },
        { selector: '.faded', style: { opacity: 0.2 } },
        { selector: 'node.work-node', style: { shape: 'round-rectangle', 'background-color': COLORS.work } },
        { selector: 'node.award-node', style: { shape: 'star', 'background-color': COLORS.award } },
        {
          selector: 'edge.credit-edge',
          style: {
            width: 1.5,
            'line-color': COLORS.work,
            opacity: 0.6,
            label: 'data(label)',
            'font-size': 'data(font)',
            color: COLORS.work,
            'text-rotation': 'autorotate',
            'text-outline-color': COLORS.halo,
            'text-outline-width': 2,
          },
        },
        { selector: 'edge.award-edge', style: { width: 1.5, 'line-color': COLORS.award, 'line-style': 'dashed' } },
        // With works drawn, a link between two people is the works between them: the direct line goes.
        { selector: 'edge.behind-works', style: { display: 'none' } },
        { selector: 'edge.on-path', style: { display: 'element' } },
      ],
    });
    this.cy.on('tap', 'node', (event) => {
      const node = event.target as NodeSingular;
      const kind = node.hasClass('work-node') ? 'work' : node.hasClass('award-node') ? 'award' : 'person';
      onTapNode({ kind, slug: kind === 'person' ? node.id() : node.data('slug'), work: node.data('work') });
    });
    this.cy.on('add remove', () => this.publish());
    // Labels keep a readable size on screen when the drawing is zoomed out to fit a small screen.
    let zoomFrame = 0;
    this.cy.on('zoom', () => {
      cancelAnimationFrame(zoomFrame);
      zoomFrame = requestAnimationFrame(() => this.scaleLabels());
    });
    // The page reflows around the canvas (the people list grows, a phone turns): keep the drawing in view.
    let frame = 0;
    new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        this.cy.resize();
        const path = this.cy.nodes('.on-path');
        if (this.cy.nodes().length) this.fit(path.nonempty() ? path.map((n) => n.id()) : undefined);
      });
    }).observe(container);
  }

  has(slug: string): boolean {
    return this.cy.getElementById(slug).nonempty();
  }

  clear(): void {
    this.cy.elements().remove();
    this.globalIds.clear();
    this.workIds.clear();
  }

  /** The people drawn (not the works or awards). */
  private people() {
    return this.cy.nodes().not(NOT_PEOPLE);
  }

  /** Global ids of the works on the drawn links that are not drawn as nodes yet. */
  undrawnWorkIds(): string[] {
    return [...this.workIds].filter(([slug]) => !this.has(`work:${slug}`)).map(([, id]) => id);
  }

  /**
   * Draws these works, and their awards, as nodes linked to the people drawn who are credited on them, and hides the
   * people-to-people links. Works already drawn gain the edges to people drawn since.
   */
  showWorks(works: WorkNode[]): void {
    this.worksShown = true;
    const people = new Set(this.people().map((n) => n.id()));
    this.cy.batch(() => {
      this.cy.add(
        workLayerElements({
          // Only the works on the links drawn: one fetched for an earlier network may touch a single person now.
          works: works.filter((w) => this.workIds.has(w.slug)),
          people,
          drawn: (id) => this.cy.getElementById(id).nonempty(),
          positionOf: (slug) => (this.has(slug) ? this.cy.getElementById(slug).position() : null),
          font: this.labelSize(),
        }),
      );
      this.cy.edges().not('.credit-edge, .award-edge').addClass('behind-works');
    });
    this.scaleLabels();
  }

  /** Back to people only: the works and awards go, the people-to-people links return. */
  hideWorks(): void {
    this.worksShown = false;
    this.cy.batch(() => {
      this.cy.nodes(NOT_PEOPLE).remove();
      this.cy.edges('.behind-works').removeClass('behind-works');
    });
  }

  /** Merges one person's collaborators into the graph; returns the slugs it added. */
  merge({ center, collaborators }: EgoNetwork): string[] {
    const added: string[] = [];
    const origin = this.has(center.slug) ? this.cy.getElementById(center.slug).position() : { x: 0, y: 0 };
    const elements: ElementDefinition[] = [];
    const addNode = (p: PersonRef & { id: string }, position: { x: number; y: number }) => {
      this.globalIds.set(p.slug, p.id);
      if (this.has(p.slug) || added.includes(p.slug)) return;
      added.push(p.slug);
      elements.push({
        group: 'nodes',
        data: { id: p.slug, name: p.name, works: null, size: nodeSize(null), font: this.labelSize() },
        position,
      });
    };
    addNode(center, origin);
    collaborators.forEach(({ node }, i) => {
      const angle = (2 * Math.PI * i) / Math.max(1, collaborators.length);
      addNode(node, { x: origin.x + 120 * Math.cos(angle), y: origin.y + 120 * Math.sin(angle) });
    });
    for (const { node, sharedWorks } of collaborators) {
      for (const work of sharedWorks) if (work.id) this.workIds.set(work.slug, work.id);
      const id = edgeId(center.slug, node.slug);
      if (this.cy.getElementById(id).nonempty()) continue;
      elements.push({
        group: 'edges',
        data: {
          id,
          source: center.slug,
          target: node.slug,
          shared: sharedWorks.length,
          width: edgeWidth(sharedWorks.length),
          works: sharedWorks.map((w) => w.slug),
        },
        classes: this.worksShown ? 'behind-works' : '',
      });
    }
    this.cy.add(elements);
    this.cy.getElementById(center.slug).addClass('expanded').data('expanded', true);
    return added;
  }

  /** People whose work count is unknown, by global id (for `nodes(ids:)`). */
  unsized(): string[] {
    return this.people()
      .filter((n) => n.data('works') === null)
      .map((n) => this.globalIds.get(n.id()))
      .filter((id): id is string => Boolean(id));
  }

  setWorkCounts(counts: Map<string, number>): void {
    this.cy.batch(() => {
      for (const [slug, works] of counts) this.cy.getElementById(slug).data({ works, size: nodeSize(works) });
    });
    this.publish();
  }

  /** Lays the graph out: a ring around the first person, then a force layout from where nodes stand. */
  layout(focus?: string): Promise<void> {
    const nodes = this.cy.nodes();
    // Rings suit one person and their collaborators; works between them need the force layout.
    const first = nodes.length > 0 && this.cy.nodes('.expanded').length <= 1 && !this.worksShown;
    const options = first
      ? {
          name: 'concentric',
          concentric: (n: NodeSingular) => (n.id() === focus ? 2 : 1),
          levelWidth: () => 1,
          minNodeSpacing: 18,
          animate: false,
          fit: true,
          padding: 40,
        }
      : {
          name: 'cose',
          randomize: false,
          animate: false,
          fit: true,
          padding: 40,
          nodeRepulsion: () => 20000,
          idealEdgeLength: () => 110,
          numIter: 1500,
          nodeDimensionsIncludeLabels: true,
        };
    const done = new Promise<void>((resolve) => this.cy.one('layoutstop', () => resolve()));
    this.cy.layout(options as cytoscape.LayoutOptions).run();
    return done.then(() => {
      this.placeLabels(focus);
      // Labels grow when the fit zooms out, and pushing them apart widens the drawing, which zooms out again: repeat
      // until the labels at the fitted size overlap nowhere (a few rounds at most).
      for (let round = 0; round < 6; round++) {
        this.scaleLabels();
        this.separateLabels();
        this.fit();
        this.scaleLabels();
        if (this.labelOverlaps() === 0) break;
      }
      this.publish();
    });
  }

  select(slug: string | null): void {
    this.cy.nodes('.selected').removeClass('selected');
    if (slug) this.cy.getElementById(slug).addClass('selected');
  }

  /** Lights the links whose shared works include this work (and, with works drawn, the work's own edges). */
  highlightWork(slug: string | null): number {
    this.cy.elements('.work').removeClass('work');
    if (!slug) return 0;
    this.cy
      .edges('.credit-edge')
      .filter((e) => e.data('work') === slug)
      .addClass('work');
    return this.cy
      .edges()
      .not('.credit-edge, .award-edge')
      .filter((e) => (e.data('works') as string[]).includes(slug))
      .addClass('work').length;
  }

  /** Adds a path's people and works and lights them, fading the rest. */
  drawPath(path: Path | null): void {
    this.cy.elements().removeClass('on-path faded');
    if (!path) return;
    const elements: ElementDefinition[] = [];
    const pending = new Set<string>();
    const base = this.cy.nodes().length ? this.cy.extent() : { x1: 0, y1: 0, w: 400, h: 400 };
    path.steps.forEach((step, i) => {
      for (const [p, k] of [
        [step.from, i],
        [step.to, i + 1],
      ] as const) {
        if (this.has(p.slug) || pending.has(p.slug)) continue;
        pending.add(p.slug);
        const x = base.x1 + (base.w * (k + 0.5)) / (path.steps.length + 1);
        elements.push({
          group: 'nodes',
          data: { id: p.slug, name: p.name, works: null, size: nodeSize(null), font: this.labelSize() },
          position: { x, y: base.y1 + base.h * 0.1 },
        });
      }
      const id = edgeId(step.from.slug, step.to.slug);
      const existing = this.cy.getElementById(id);
      if (existing.nonempty()) {
        const works = existing.data('works') as string[];
        if (!works.includes(step.work.slug)) existing.data('works', [...works, step.work.slug]);
      } else if (!pending.has(id)) {
        pending.add(id);
        elements.push({
          group: 'edges',
          data: { id, source: step.from.slug, target: step.to.slug, shared: 1, width: edgeWidth(1), works: [step.work.slug] },
        });
      }
    });
    this.cy.add(elements);
    const onPath = this.cy.collection();
    for (const step of path.steps) {
      onPath.merge(this.cy.getElementById(step.from.slug));
      onPath.merge(this.cy.getElementById(step.to.slug));
      onPath.merge(this.cy.getElementById(edgeId(step.from.slug, step.to.slug)));
    }
    onPath.addClass('on-path');
    this.cy.elements().difference(onPath).addClass('faded');
  }

  /** Records global ids learned elsewhere (a path's people), so their sizes can be fetched. */
  learnIds(ids: Map<string, string>): void {
    for (const [slug, id] of ids) this.globalIds.set(slug, id);
  }

  /** Fits the drawing (or some people) in view, never zooming in past 1.25 on a few nodes. */
  fit(slugs?: string[]): void {
    const target = slugs?.length ? this.cy.nodes().filter((n) => slugs.includes(n.id())) : this.cy.elements();
    this.cy.fit(target, 40);
    if (this.cy.zoom() > 1.25)
      this.cy.zoom({ level: 1.25, renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 } });
    this.cy.center(target);
  }

  /** Font size in model units for about 11px or more on screen, whatever the zoom. */
  private labelSize(): number {
    return Math.round(Math.min(32, Math.max(13, 11 / this.cy.zoom())));
  }

  private scaleLabels(): void {
    const font = this.labelSize();
    // Role labels on the edges a little smaller than the names they join.
    const edgeFont = Math.round(font * 0.8);
    this.cy.batch(() => {
      for (const node of this.cy.nodes()) if (node.data('font') !== font) node.data('font', font);
      for (const edge of this.cy.edges('.credit-edge')) if (edge.data('font') !== edgeFont) edge.data('font', edgeFont);
    });
  }

  /** Puts each label on the side of its node facing away from the focus (or the middle) of the drawing. */
  private placeLabels(focus?: string): void {
    const center = focus && this.has(focus) ? this.cy.getElementById(focus).position() : this.middle();
    this.cy.batch(() => {
      for (const node of this.cy.nodes()) {
        node.removeClass('label-left label-right label-top');
        const { x, y } = node.position();
        const dx = x - center.x;
        const dy = y - center.y;
        const distance = Math.hypot(dx, dy);
        if (distance < 1) continue;
        if (Math.abs(dx) / distance > 0.2) node.addClass(dx > 0 ? 'label-right' : 'label-left');
        else if (dy < 0) node.addClass('label-top');
      }
    });
  }

  /** Each node's box with its label, in model coordinates (what the canvas draws, before pan and zoom). */
  labelBoxes(): { slug: string; x1: number; y1: number; x2: number; y2: number }[] {
    return this.cy.nodes().map((n) => {
      const { x1, y1, x2, y2 } = n.boundingBox({ includeLabels: true, includeOverlays: false });
      return { slug: n.id(), x1, y1, x2, y2 };
    });
  }

  /** How many pairs of nodes have overlapping label boxes. */
  labelOverlaps(): number {
    const boxes = this.labelBoxes();
    let overlaps = 0;
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) if (overlap(boxes[i] as Box, boxes[j] as Box)) overlaps++;
    return overlaps;
  }

  /**
   * Pushes apart nodes whose label boxes overlap, each pair along the axis where they overlap least, until none do.
   * The force layout spaces nodes by their boxes but still lets long labels touch; this settles what it leaves.
   */
  private separateLabels(maxRounds = 300): void {
    const nodes = this.cy.nodes().toArray();
    const boxes: Box[] = nodes.map((n) => {
      const { x1, y1, x2, y2 } = n.boundingBox({ includeLabels: true, includeOverlays: false });
      return { x1, y1, x2, y2 };
    });
    const moves = nodes.map(() => ({ x: 0, y: 0 }));
    const shift = (i: number, dx: number, dy: number) => {
      const box = boxes[i] as Box;
      box.x1 += dx;
      box.x2 += dx;
      box.y1 += dy;
      box.y2 += dy;
      const move = moves[i] as { x: number; y: number };
      move.x += dx;
      move.y += dy;
    };
    // Labels are wide and short, so the cheaper push is nearly always vertical, which stacks the drawing into a tall
    // column that a wide canvas can only fit by zooming out past readable labels; weigh the pushes by the canvas's
    // shape so the drawing grows the way there is room.
    const aspect = Math.max(0.5, Math.min(3, this.cy.width() / Math.max(1, this.cy.height())));
    for (let round = 0; round < maxRounds; round++) {
      let moved = false;
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i] as Box;
          const b = boxes[j] as Box;
          if (!overlap(a, b)) continue;
          moved = true;
          const ox = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) + LABEL_GAP;
          const oy = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) + LABEL_GAP;
          // Which way: from the centres, or by order where they coincide, so equal boxes still part.
          const cx = b.x1 + b.x2 - a.x1 - a.x2 || 1;
          const cy = b.y1 + b.y2 - a.y1 - a.y2 || 1;
          if (ox < oy * aspect) {
            shift(i, (-Math.sign(cx) * ox) / 2, 0);
            shift(j, (Math.sign(cx) * ox) / 2, 0);
          } else {
            shift(i, 0, (-Math.sign(cy) * oy) / 2);
            shift(j, 0, (Math.sign(cy) * oy) / 2);
          }
        }
      }
      if (!moved) break;
    }
    this.cy.batch(() => {
      nodes.forEach((node, i) => {
        const move = moves[i] as { x: number; y: number };
        if (move.x || move.y) node.shift(move);
      });
    });
  }

  private middle(): { x: number; y: number } {
    const box = this.cy.nodes().boundingBox({});
    return { x: (box.x1 + box.x2) / 2, y: (box.y1 + box.y2) / 2 };
  }

  resize(): void {
    this.cy.resize();
  }

  /** The people drawn. */
  nodes(): NodeInfo[] {
    return this.people().map((n) => ({
      slug: n.id(),
      name: n.data('name') as string,
      works: n.data('works') as number | null,
      expanded: n.hasClass('expanded'),
    }));
  }

  /** The edges works and awards bring, as `{ from, to, label }` by node id (people by slug, `work:…`, `award:…`). */
  workEdges(): { from: string; to: string; label: string | null }[] {
    return this.cy.edges('.credit-edge, .award-edge').map((e) => ({
      from: e.source().id(),
      to: e.target().id(),
      label: (e.data('label') as string | undefined) ?? null,
    }));
  }

  /** Where a node is drawn, in page coordinates: lets a test click the canvas where a person is. */
  pagePosition(slug: string): { x: number; y: number } | null {
    const node = this.cy.getElementById(slug);
    if (node.empty()) return null;
    const box = this.container.getBoundingClientRect();
    const p = node.renderedPosition();
    return { x: box.left + p.x, y: box.top + p.y };
  }

  /** Counts on the container, for anyone reading the page without the canvas. */
  private publish(): void {
    // People and the links between them, whether drawn directly or through works; then what works add.
    this.container.dataset.nodeCount = String(this.people().length);
    this.container.dataset.edgeCount = String(this.cy.edges().not('.credit-edge, .award-edge').length);
    this.container.dataset.workCount = String(this.cy.nodes('.work-node').length);
    this.container.dataset.awardCount = String(this.cy.nodes('.award-node').length);
    this.container.dataset.creditEdgeCount = String(this.cy.edges('.credit-edge').length);
    this.container.dispatchEvent(new CustomEvent('graphchange'));
  }
}
