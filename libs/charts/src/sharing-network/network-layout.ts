/** A node to place: its group (category index) and its drawn diameter. */
export interface LayoutNodeInput {
  id: string;
  group: number;
  size: number;
}

export interface LayoutEdgeInput {
  source: string;
  target: string;
  /** Pull strength, 0-1. */
  weight: number;
}

export interface NetworkLayoutOptions {
  kind: 'force' | 'circular';
  /** The box the positions lie in; its aspect ratio should be near the chart's drawing area. */
  width: number;
  height: number;
  /** Free space kept between a node's circle and the box edge. */
  margin?: number;
  iterations?: number;
}

export interface NodePosition {
  x: number;
  y: number;
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Node positions computed before anything is drawn, so the picture neither moves after the first
 * paint nor depends on a random seed: a ring ordered by group ('circular') or a fixed number of
 * Fruchterman-Reingold steps from a start that clusters the groups ('force'). Every circle lies
 * inside the box, margin included.
 */
export function layoutNetwork(nodes: readonly LayoutNodeInput[], edges: readonly LayoutEdgeInput[], options: NetworkLayoutOptions): Map<string, NodePosition> {
  const { width: W, height: H } = options;
  const margin = options.margin ?? 4;
  const radius = nodes.map((n) => n.size / 2);
  const minX = (i: number) => Math.min(W / 2, radius[i] + margin);
  const minY = (i: number) => Math.min(H / 2, radius[i] + margin);
  const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), Math.max(lo, hi));
  const place = (i: number, x: number, y: number): NodePosition => ({
    x: clamp(x, minX(i), W - minX(i)),
    y: clamp(y, minY(i), H - minY(i)),
  });

  const n = nodes.length;
  const out = new Map<string, NodePosition>();
  if (n === 0) return out;
  const order = nodes.map((_, i) => i).sort((a, b) => nodes[a].group - nodes[b].group || (nodes[a].id < nodes[b].id ? -1 : nodes[a].id > nodes[b].id ? 1 : 0));
  const maxR = Math.max(...radius);
  const rx = Math.max(0, W / 2 - maxR - margin);
  const ry = Math.max(0, H / 2 - maxR - margin);

  if (options.kind === 'circular' || n === 1) {
    order.forEach((i, k) => {
      const angle = n === 1 ? 0 : -Math.PI / 2 + (2 * Math.PI * k) / n;
      const p = n === 1 ? { x: W / 2, y: H / 2 } : { x: W / 2 + rx * Math.cos(angle), y: H / 2 + ry * Math.sin(angle) };
      out.set(nodes[i].id, place(i, p.x, p.y));
    });
    return out;
  }

  // Groups start on an inner ellipse, each in its own sector, its members spiralling out from its centre.
  const groups = [...new Set(order.map((i) => nodes[i].group))];
  const centre = new Map<number, NodePosition>();
  groups.forEach((g, k) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * k) / groups.length;
    centre.set(g, groups.length === 1 ? { x: W / 2, y: H / 2 } : { x: W / 2 + 0.55 * rx * Math.cos(angle), y: H / 2 + 0.55 * ry * Math.sin(angle) });
  });
  const k = 0.8 * Math.sqrt((W * H) / n);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const seen = new Map<number, number>();
  for (const i of order) {
    const g = nodes[i].group;
    const m = seen.get(g) ?? 0;
    seen.set(g, m + 1);
    const c = centre.get(g)!;
    const r = 0.45 * k * Math.sqrt(m + 0.5);
    const p = place(i, c.x + r * Math.cos(m * GOLDEN_ANGLE), c.y + r * Math.sin(m * GOLDEN_ANGLE));
    x[i] = p.x;
    y[i] = p.y;
  }

  const index = new Map(nodes.map((nd, i) => [nd.id, i]));
  const links: [number, number, number][] = [];
  for (const e of edges) {
    const a = index.get(e.source);
    const b = index.get(e.target);
    if (a !== undefined && b !== undefined && a !== b) links.push([a, b, Math.max(0, Math.min(1, e.weight))]);
  }

  const iterations = options.iterations ?? 300;
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  const start = Math.min(W, H) / 8;
  for (let step = 0; step < iterations; step++) {
    dx.fill(0);
    dy.fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let ex = x[i] - x[j];
        let ey = y[i] - y[j];
        let d = Math.hypot(ex, ey);
        if (d < 1e-6) {
          // Coincident nodes: separate them along a fixed, index-dependent direction.
          ex = Math.cos(i + j);
          ey = Math.sin(i + j);
          d = 1e-6;
        }
        let f = (k * k) / d;
        const gap = radius[i] + radius[j] + 2 * margin;
        if (d < gap) f += 4 * (gap - d) * k;
        const fx = (ex / d) * f;
        const fy = (ey / d) * f;
        dx[i] += fx;
        dy[i] += fy;
        dx[j] -= fx;
        dy[j] -= fy;
      }
    }
    for (const [a, b, w] of links) {
      const ex = x[a] - x[b];
      const ey = y[a] - y[b];
      const d = Math.hypot(ex, ey);
      if (d < 1e-6) continue;
      const f = ((d * d) / k) * (0.2 + 0.8 * w);
      dx[a] -= (ex / d) * f;
      dy[a] -= (ey / d) * f;
      dx[b] += (ex / d) * f;
      dy[b] += (ey / d) * f;
    }
    for (let i = 0; i < n; i++) {
      // A weak pull to the group's start centre keeps categories together; one to the box centre keeps strays in.
      const c = centre.get(nodes[i].group)!;
      dx[i] += 0.03 * k * (c.x - x[i]) * 0.1 + 0.01 * k * (W / 2 - x[i]) * 0.1;
      dy[i] += 0.03 * k * (c.y - y[i]) * 0.1 + 0.01 * k * (H / 2 - y[i]) * 0.1;
    }
    const temperature = start * (1 - step / iterations) + 0.5;
    for (let i = 0; i < n; i++) {
      const d = Math.hypot(dx[i], dy[i]);
      if (d < 1e-9) continue;
      const move = Math.min(d, temperature);
      const p = place(i, x[i] + (dx[i] / d) * move, y[i] + (dy[i] / d) * move);
      x[i] = p.x;
      y[i] = p.y;
    }
  }
  fillBox(x, y, links, { W, H, maxR, margin, order });
  // Stretching by rank can close a gap the simulation had opened: push touching circles apart again.
  for (let pass = 0; pass < 100; pass++) {
    let moved = false;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const gap = radius[i] + radius[j] + margin;
        const ex = x[i] - x[j];
        const ey = y[i] - y[j];
        const d = Math.hypot(ex, ey);
        if (d >= gap) continue;
        moved = true;
        const ux = d < 1e-6 ? Math.cos(i + j) : ex / d;
        const uy = d < 1e-6 ? Math.sin(i + j) : ey / d;
        const push = (gap - d) / 2 + 0.01;
        const a = place(i, x[i] + ux * push, y[i] + uy * push);
        const b = place(j, x[j] - ux * push, y[j] - uy * push);
        x[i] = a.x;
        y[i] = a.y;
        x[j] = b.x;
        y[j] = b.y;
      }
    }
    if (!moved) break;
  }
  for (let i = 0; i < n; i++) out.set(nodes[i].id, place(i, x[i], y[i]));
  return out;
}

/**
 * The simulation leaves the linked nodes in a tight clump and pushes unlinked ones to the rim,
 * which ECharts then fits as one picture, clump small. So: the unlinked ones go in a column down
 * the left edge, and the linked ones are stretched to fill the rest of the box.
 */
function fillBox(
  x: Float64Array,
  y: Float64Array,
  links: readonly [number, number, number][],
  box: { W: number; H: number; maxR: number; margin: number; order: readonly number[] },
): void {
  const { W, H, maxR, margin, order } = box;
  const linked = new Set(links.flatMap(([a, b]) => [a, b]));
  const unlinked = order.filter((i) => !linked.has(i));
  const inset = maxR + margin;
  const strip = unlinked.length > 0 && linked.size > 0 ? 2 * inset : 0;
  unlinked.forEach((i, k) => {
    x[i] = inset;
    y[i] = unlinked.length === 1 ? H / 2 : inset + ((H - 2 * inset) * k) / (unlinked.length - 1);
  });
  if (linked.size < 2) return;
  const members = [...linked];
  const span = (v: Float64Array) => [Math.min(...members.map((i) => v[i])), Math.max(...members.map((i) => v[i]))] as const;
  const [x0, x1] = span(x);
  const [y0, y1] = span(y);
  // Half linear, half by rank: the order along each axis stays, the dense middle opens up.
  const stretch = (v: Float64Array, lo: number, hi: number, from: number, to: number) => {
    const ranked = [...members].sort((a, b) => v[a] - v[b] || a - b);
    const rank = new Map(ranked.map((i, r) => [i, r / (ranked.length - 1)]));
    for (const i of members) {
      const linear = hi - lo < 1e-6 ? 0.5 : (v[i] - lo) / (hi - lo);
      v[i] = from + (0.5 * linear + 0.5 * rank.get(i)!) * (to - from);
    }
  };
  stretch(x, x0, x1, strip + inset, W - inset);
  stretch(y, y0, y1, inset, H - inset);
}
