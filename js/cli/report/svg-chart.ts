// Static SVG charts for the report: a line chart (linear or log axes) and a bar chart. Plain strings, no
// script, so the report is one self-contained file that renders anywhere.

export interface Series {
  name: string;
  points: [number, number][];
  color: string;
  markers?: boolean;
}

export interface Rule {
  at: number;
  label: string;
  color?: string;
}

export interface LineChartSpec {
  title: string;
  xLabel: string;
  yLabel: string;
  series: Series[];
  logX?: boolean;
  logY?: boolean;
  yMin?: number;
  yMax?: number;
  /** Vertical lines at x values. */
  vRules?: Rule[];
  /** Horizontal lines at y values. */
  hRules?: Rule[];
}

const W = 640;
const H = 340;
const M = { left: 72, right: 24, top: 40, bottom: 52 };
const FONT = 'font-family="system-ui, sans-serif"';

/** Text for XML: &, <, > and quotes escaped. */
export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A short label for a tick value. */
export function formatTick(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) {
    const e = Math.floor(Math.log10(a) + 1e-9);
    const m = v / 10 ** e;
    return `${Math.abs(m - 1) < 1e-9 ? '' : `${Number(m.toPrecision(2))}×`}1e${e}`;
  }
  return String(Number(v.toPrecision(3)));
}

function linearTicks(lo: number, hi: number): number[] {
  const span = hi - lo || Math.abs(hi) || 1;
  const raw = span / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * mag).find((s) => s >= raw)!;
  const ticks: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  return ticks;
}

function logTicks(lo: number, hi: number): number[] {
  const a = Math.floor(Math.log10(lo));
  const b = Math.ceil(Math.log10(hi));
  const decades = b - a;
  const every = Math.max(1, Math.ceil(decades / 8));
  const multiples = decades <= 2 ? [1, 2, 5] : [1];
  const ticks: number[] = [];
  for (let e = a; e <= b; e += every) {
    for (const m of multiples) {
      const v = m * 10 ** e;
      if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) ticks.push(v);
    }
  }
  return ticks;
}

interface Axis {
  lo: number;
  hi: number;
  log: boolean;
}

function scale(axis: Axis, from: number, to: number): (v: number) => number {
  const f = axis.log ? Math.log10 : (v: number) => v;
  const a = f(axis.lo);
  const b = f(axis.hi);
  return (v) => from + ((f(v) - a) / (b - a || 1)) * (to - from);
}

function extent(values: number[], log: boolean, min?: number, max?: number): Axis {
  const usable = values.filter((v) => Number.isFinite(v) && (!log || v > 0));
  let lo = min ?? Math.min(...usable);
  let hi = max ?? Math.max(...usable);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) { lo = log ? 0.1 : 0; hi = 1; }
  if (lo === hi) {
    if (log) { lo /= 10; hi *= 10; } else { lo -= 1; hi += 1; }
  } else if (!log) {
    const pad = (hi - lo) * 0.05;
    if (min === undefined) lo -= pad;
    if (max === undefined) hi += pad;
  }
  return { lo, hi, log };
}

function frame(title: string, xLabel: string, yLabel: string, body: string): string {
  const plotMidX = M.left + (W - M.left - M.right) / 2;
  const plotMidY = M.top + (H - M.top - M.bottom) / 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeXml(title)}">
<rect x="0" y="0" width="${W}" height="${H}" fill="#ffffff"/>
<text x="${W / 2}" y="22" text-anchor="middle" ${FONT} font-size="15" font-weight="600" fill="#222">${escapeXml(title)}</text>
<text x="${plotMidX}" y="${H - 10}" text-anchor="middle" ${FONT} font-size="12" fill="#333">${escapeXml(xLabel)}</text>
<text x="16" y="${plotMidY}" text-anchor="middle" ${FONT} font-size="12" fill="#333" transform="rotate(-90 16 ${plotMidY})">${escapeXml(yLabel)}</text>
${body}
</svg>`;
}

/**
 * A line chart: each series a polyline (points outside a log axis's positive range left out), with optional
 * markers, vertical and horizontal rules, and a legend.
 */
export function lineChart(spec: LineChartSpec): string {
  const xs = spec.series.flatMap((s) => s.points.map((p) => p[0])).concat((spec.vRules ?? []).map((r) => r.at));
  const ys = spec.series.flatMap((s) => s.points.map((p) => p[1])).concat((spec.hRules ?? []).map((r) => r.at));
  const xAxis = extent(xs, spec.logX ?? false);
  const yAxis = extent(ys, spec.logY ?? false, spec.yMin, spec.yMax);
  const x0 = M.left;
  const x1 = W - M.right;
  const y0 = H - M.bottom;
  const y1 = M.top;
  const sx = scale(xAxis, x0, x1);
  const sy = scale(yAxis, y0, y1);
  const parts: string[] = [];

  for (const v of (yAxis.log ? logTicks : linearTicks)(yAxis.lo, yAxis.hi)) {
    const y = sy(v).toFixed(1);
    parts.push(`<line x1="${x0}" x2="${x1}" y1="${y}" y2="${y}" stroke="#e5e5e5"/>`);
    parts.push(`<text x="${x0 - 6}" y="${y}" dy="4" text-anchor="end" ${FONT} font-size="11" fill="#555">${escapeXml(formatTick(v))}</text>`);
  }
  for (const v of (xAxis.log ? logTicks : linearTicks)(xAxis.lo, xAxis.hi)) {
    const x = sx(v).toFixed(1);
    parts.push(`<line x1="${x}" x2="${x}" y1="${y0}" y2="${y0 + 5}" stroke="#555"/>`);
    parts.push(`<text x="${x}" y="${y0 + 18}" text-anchor="middle" ${FONT} font-size="11" fill="#555">${escapeXml(formatTick(v))}</text>`);
  }
  parts.push(`<rect x="${x0}" y="${y1}" width="${x1 - x0}" height="${y0 - y1}" fill="none" stroke="#888"/>`);

  for (const r of spec.hRules ?? []) {
    const y = sy(r.at).toFixed(1);
    parts.push(`<line x1="${x0}" x2="${x1}" y1="${y}" y2="${y}" stroke="${r.color ?? '#999'}" stroke-dasharray="6 4"/>`);
    parts.push(`<text x="${x0 + 4}" y="${y}" dy="-4" ${FONT} font-size="11" fill="${r.color ?? '#666'}">${escapeXml(r.label)}</text>`);
  }
  for (const r of spec.vRules ?? []) {
    const x = sx(r.at).toFixed(1);
    parts.push(`<line x1="${x}" x2="${x}" y1="${y0}" y2="${y1}" stroke="${r.color ?? '#999'}" stroke-dasharray="6 4"/>`);
    parts.push(`<text x="${x}" y="${y0 - 6}" dx="4" ${FONT} font-size="11" fill="${r.color ?? '#666'}">${escapeXml(r.label)}</text>`);
  }
  for (const s of spec.series) {
    const pts = s.points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y) && (!xAxis.log || x > 0) && (!yAxis.log || y > 0));
    if (pts.length === 0) continue;
    const d = pts.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${sx(x).toFixed(1)},${sy(y).toFixed(1)}`).join('');
    parts.push(`<path d="${d}" fill="none" stroke="${s.color}" stroke-width="2"/>`);
    if (s.markers) {
      for (const [x, y] of pts) parts.push(`<circle cx="${sx(x).toFixed(1)}" cy="${sy(y).toFixed(1)}" r="3" fill="${s.color}"/>`);
    }
  }
  spec.series.forEach((s, i) => {
    const y = y1 + 14 + i * 16;
    parts.push(`<line x1="${x1 - 150}" x2="${x1 - 130}" y1="${y}" y2="${y}" stroke="${s.color}" stroke-width="2"/>`);
    parts.push(`<text x="${x1 - 124}" y="${y}" dy="4" ${FONT} font-size="11" fill="#333">${escapeXml(s.name)}</text>`);
  });
  return frame(spec.title, spec.xLabel, spec.yLabel, parts.join('\n'));
}

export interface BarChartSpec {
  title: string;
  xLabel: string;
  yLabel: string;
  bars: { label: string; value: number }[];
  color: string;
}

/** A bar chart over categories; negative values hang below the zero line. */
export function barChart(spec: BarChartSpec): string {
  const values = spec.bars.map((b) => b.value);
  const yAxis = extent([0, ...values], false);
  const x0 = M.left;
  const x1 = W - M.right;
  const y0 = H - M.bottom;
  const y1 = M.top;
  const sy = scale(yAxis, y0, y1);
  const parts: string[] = [];
  for (const v of linearTicks(yAxis.lo, yAxis.hi)) {
    const y = sy(v).toFixed(1);
    parts.push(`<line x1="${x0}" x2="${x1}" y1="${y}" y2="${y}" stroke="#e5e5e5"/>`);
    parts.push(`<text x="${x0 - 6}" y="${y}" dy="4" text-anchor="end" ${FONT} font-size="11" fill="#555">${escapeXml(formatTick(v))}</text>`);
  }
  const slot = (x1 - x0) / Math.max(1, spec.bars.length);
  const zero = sy(0);
  spec.bars.forEach((b, i) => {
    const top = sy(Math.max(0, b.value));
    const height = Math.abs(sy(b.value) - zero);
    const x = x0 + i * slot + slot * 0.15;
    parts.push(`<rect x="${x.toFixed(1)}" y="${top.toFixed(1)}" width="${(slot * 0.7).toFixed(1)}" height="${Math.max(height, 0.5).toFixed(1)}" fill="${spec.color}"><title>${escapeXml(`${b.label}: ${b.value}`)}</title></rect>`);
    parts.push(`<text x="${(x0 + (i + 0.5) * slot).toFixed(1)}" y="${y0 + 18}" text-anchor="middle" ${FONT} font-size="11" fill="#555">${escapeXml(b.label)}</text>`);
  });
  parts.push(`<line x1="${x0}" x2="${x1}" y1="${zero.toFixed(1)}" y2="${zero.toFixed(1)}" stroke="#555"/>`);
  parts.push(`<rect x="${x0}" y="${y1}" width="${x1 - x0}" height="${y0 - y1}" fill="none" stroke="#888"/>`);
  return frame(spec.title, spec.xLabel, spec.yLabel, parts.join('\n'));
}
