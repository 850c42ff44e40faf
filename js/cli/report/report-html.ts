// The report as one self-contained HTML page: inline CSS and SVG, no script, no network.
import type { ReportData } from './report.js';
import { htmlPage } from './html-page.js';
import { barChart, escapeXml, lineChart } from './svg-chart.js';

/** Eigenvalues below this (in modulus) are drawn on the floor of the log axis. */
const FLOOR = 1e-16;

const BLUE = '#1f77b4';
const ORANGE = '#d95f02';
const GREEN = '#1b9e77';
const GREY = '#777777';

function num(v: number, digits = 6): string {
  return Number.isInteger(v) ? String(v) : v.toPrecision(digits);
}

// The kernel as a chart title names it.
function kernelName(d: ReportData): string {
  const k = d.kernel;
  if (k.type === 'adaptive') return `adaptive kNN, k ${k.k}, alpha ${k.alpha}`;
  return `sigma ${num(k.sigma, 4)}${k.alpha === 0 ? '' : `, alpha ${k.alpha}`}`;
}

function spectrumChart(d: ReportData): string {
  const positive: [number, number][] = [];
  const negative: [number, number][] = [];
  d.eigenvalues.forEach((v, i) => (v >= 0 ? positive : negative).push([i + 1, Math.max(Math.abs(v), FLOOR)]));
  const series = [{ name: 'λ ≥ 0', points: positive, color: BLUE }];
  if (negative.length > 0) series.push({ name: '|λ|, λ < 0', points: negative, color: ORANGE, markers: true } as typeof series[0]);
  return lineChart({
    title: `Eigenvalues of K (${kernelName(d)}, N = ${d.n})`,
    xLabel: 'index i (descending λ)',
    yLabel: '|λ_i| (log scale)',
    logY: true,
    yMin: Math.max(FLOOR, Math.min(...Array.from(d.eigenvalues, (v) => Math.max(Math.abs(v), FLOOR)))),
    yMax: 1,
    series,
  });
}

function timeChart(d: ReportData): string {
  return lineChart({
    title: `DSE against diffusion time t (${kernelName(d)})`,
    xLabel: 't',
    yLabel: 'DSE (bits)',
    yMin: 0,
    series: [{ name: 'DSE', points: d.byTime, color: BLUE, markers: true }],
  });
}

function sigmaChart(d: ReportData, sigma: number): string | null {
  // Every row the same: nothing to sweep (the warning says so).
  if (d.sweepCentre === null) return null;
  const t = d.options.t;
  const series = [{ name: 'DSE, t = 1', points: d.bySigma.map(([s, h]): [number, number] => [s, h]), color: BLUE, markers: true }];
  if (t !== 1) series.push({ name: `DSE, t = ${t}`, points: d.bySigma.map(([s, , h]): [number, number] => [s, h]), color: GREEN, markers: true });
  series.push({ name: `sigma ${num(sigma, 4)}, t = ${t}`, points: [[sigma, d.dse]], color: ORANGE, markers: true });
  return lineChart({
    title: `${d.sweepCentre === d.medianDistance ? 'DSE against sigma, around the median pairwise distance' : 'DSE against sigma, around the median nonzero pairwise distance'}${d.kernel.alpha === 0 ? '' : ` (alpha ${d.kernel.alpha})`}`,
    xLabel: 'sigma (log scale)',
    yLabel: 'DSE (bits)',
    logX: true,
    yMin: 0,
    // Headroom above the log2 N rule for the legend.
    yMax: Math.log2(d.n) * 1.3,
    series,
    vRules: [{ at: d.sweepCentre, label: `${d.sweepCentre === d.medianDistance ? 'median' : 'median nonzero'} distance ${num(d.sweepCentre, 4)}`, color: GREY }],
    hRules: [{ at: Math.log2(d.n), label: `log2 N = ${num(Math.log2(d.n), 4)}`, color: GREY }],
  });
}

function vneChart(d: ReportData, vne: NonNullable<ReportData['vne']>): string {
  const points = Array.from(vne.entropy, (h, j): [number, number] => [j + 1, h]);
  return lineChart({
    title: `von Neumann entropy of P^t (${kernelName(d)}); PHATE's t = ${vne.optimalT}`,
    xLabel: 't',
    yLabel: 'entropy (nats)',
    yMin: 0,
    series: [{ name: 'von Neumann entropy', points, color: BLUE }],
    vRules: [{ at: vne.optimalT, label: `knee: t = ${vne.optimalT}`, color: ORANGE }],
  });
}

function classChart(d: ReportData): string {
  return barChart({
    title: `DSMI per class: (n_c / N)(H̄_c − H_c); sum = ${num(d.dsmi!, 4)} bits`,
    xLabel: `class (${d.labelsFile})`,
    yLabel: 'bits',
    bars: d.classTerms!.map((c) => ({ label: String(c.label), value: c.term })),
    color: GREEN,
  });
}

// The estimate beside the exact value: its interval, and what it cost.
function estimateText(e: NonNullable<ReportData['estimate']>): string {
  const kind = e.guaranteed ? 'guaranteed interval' : '95% interval';
  return `${e.value} bits (${kind} [${e.lower}, ${e.upper}], tolerance ${e.tolerance} bits; ${e.matvecs} products with one vector, ${e.deflated} eigenpairs deflated, ${e.probes} probes, ${num(e.seconds, 3)} s)`;
}

function row(name: string, value: string): string {
  return `<tr><th>${escapeXml(name)}</th><td>${escapeXml(value)}</td></tr>`;
}

/**
 * The report page for computed {@link ReportData}: a summary table, warnings, and the charts (spectrum,
 * DSE against t, DSE against sigma, DSMI per class when labels were given).
 */
export function renderReport(d: ReportData): string {
  const o = d.options;
  const summary = [
    row('data', `${d.file}: ${d.rows} rows x ${d.cols} columns${d.n < d.rows ? `, ${d.n} sampled (maxN ${o.maxN}, seed ${o.seed})` : ''}`),
    d.kernel.type === 'gaussian'
      ? row('kernel', `Gaussian, sigma ${d.kernel.sigma}${o.kernel.type === 'gaussian' && o.kernel.sigma === 'auto' ? ' (auto: the median pairwise distance)' : ''}, alpha ${d.kernel.alpha}`)
      : row('kernel', `adaptive kNN (manylatents), k ${d.kernel.k}, alpha ${d.kernel.alpha}`),
    row('t', String(o.t)),
    row('DSE', `${d.dse} bits (bound log2 N = ${num(Math.log2(d.n))})`),
    ...(d.estimate === null ? [] : [row('DSE estimate', estimateText(d.estimate))]),
    row('median pairwise distance', String(d.medianDistance)),
  ];
  if (d.dsmi !== null) summary.push(row('DSMI (data; labels)', `${d.dsmi} bits (reps ${o.reps}, seed ${o.seed})`));
  summary.push(row('backend', `${o.backend}, ${d.seconds} s`));

  const figures = [spectrumChart(d), timeChart(d), d.sigma === null ? null : sigmaChart(d, d.sigma)].filter((f): f is string => f !== null);
  if (d.vne !== null) figures.push(vneChart(d, d.vne));
  const toolkitTable = `<table class="toolkit"><thead><tr><th>measure</th><th>value</th><th>what</th></tr></thead><tbody>
${d.toolkit.map((m) => `<tr><th>${escapeXml(m.name)}</th><td>${m.value === null ? escapeXml(`n/a: ${m.error}`) : num(m.value, 8)}</td><td>${escapeXml(m.label)}${m.unit === '' ? '' : `, ${escapeXml(m.unit)}`}</td></tr>`).join('\n')}
</tbody></table>`;
  let classTable = '';
  if (d.classTerms !== null) {
    figures.push(classChart(d));
    classTable = `<table class="classes"><thead><tr><th>class</th><th>n_c</th><th>H_c (bits)</th><th>H̄_c (bits)</th><th>(n_c / N)(H̄_c − H_c)</th></tr></thead><tbody>
${d.classTerms.map((c) => `<tr><td>${c.label}</td><td>${c.size}</td><td>${num(c.entropy)}</td><td>${num(c.randomEntropy)}</td><td>${num(c.term)}</td></tr>`).join('\n')}
</tbody></table>`;
  }
  const warnings = d.warnings.map((w) => `<p class="warning">${escapeXml(w)}</p>`).join('\n');
  const style = `h2 { font-size: 16px; margin: 12px 0 6px; }
table.classes td { text-align: right; }
p.warning { background: #fff4ce; border: 1px solid #e0c060; padding: 8px 12px; font-size: 13px; }`;
  return htmlPage(`DSE report: ${d.file}`, style, `<h1>Diffusion spectral entropy report</h1>
<p class="note">DSE and DSMI as defined by Liao, Liu et al. (arXiv 2312.04823), computed by dse-wasm. Entropies in bits.</p>
<table class="summary">
${summary.join('\n')}
</table>
${warnings}
<h2>Toolkit measures (same kernel)</h2>
${toolkitTable}
<div class="figures">
${figures.join('\n')}
</div>
${classTable}`);
}
