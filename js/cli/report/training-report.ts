// dse report --training run.jsonl --out training.html: per-step curves of the rows a representation tracker
// wrote (DSE(Z), DSMI(Z; Y), DSMI(Z; X), and any other numeric column such as accuracy or loss), one line per
// run or condition, one panel per layer. One self-contained page: inline SVG and CSS, no script.
import { readFileSync, writeFileSync } from 'node:fs';
import { InputError } from '../../io/input-error.js';
import { parseArgs, positionals, UsageError, type CommandSpec } from '../args.js';
import { htmlPage } from './html-page.js';
import { escapeXml, lineChart, type Series } from './svg-chart.js';

/** One row of a tracker's JSONL: step, layer name, the measures, and any other columns. */
export interface TrainingRow {
  run: string;
  step: number;
  name: string;
  [column: string]: unknown;
}

const MEASURES: [string, string][] = [['dse', 'DSE(Z)'], ['dsmiY', 'DSMI(Z; Y)'], ['dsmiX', 'DSMI(Z; X)']];
/** Columns that are bookkeeping, not curves. */
const NOT_CURVES = new Set(['run', 'step', 'name', 'n', 'seconds', 'sigma', 't', 'dse', 'dsmiY', 'dsmiX']);
const COLORS = ['#1f77b4', '#d95f02', '#1b9e77', '#7570b3', '#e7298a', '#66a61e', '#e6ab02', '#a6761d'];

/**
 * The rows of a tracker's JSON Lines (createRepresentationTracker's toJSONL, concatenated over runs): each
 * line an object with a numeric `step` and a string `name`; `run` defaults to 'run'. Blank lines skipped.
 *
 * @example
 * parseTrainingJsonl('{"step":0,"name":"h","dse":3.1}\n', 'run.jsonl'); // [{ run: 'run', step: 0, name: 'h', dse: 3.1 }]
 */
export function parseTrainingJsonl(text: string, file: string): TrainingRow[] {
  const rows: TrainingRow[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let r: unknown;
    try {
      r = JSON.parse(line);
    } catch (e) {
      throw new InputError(file, `line ${i + 1} is not JSON (${(e as Error).message})`);
    }
    if (r === null || typeof r !== 'object' || Array.isArray(r)) throw new InputError(file, `line ${i + 1} is not a JSON object`);
    const o = r as Record<string, unknown>;
    if (typeof o.step !== 'number' || !Number.isFinite(o.step)) throw new InputError(file, `line ${i + 1}: "step" must be a number, received ${JSON.stringify(o.step)}`);
    if (typeof o.name !== 'string') throw new InputError(file, `line ${i + 1}: "name" (the layer) must be a string, received ${JSON.stringify(o.name)}`);
    rows.push({ ...o, run: typeof o.run === 'string' ? o.run : o.run === undefined ? 'run' : String(o.run), step: o.step, name: o.name });
  });
  if (rows.length === 0) throw new InputError(file, 'has no rows');
  return rows;
}

function unique<T>(values: T[]): T[] {
  return Array.from(new Set(values));
}

function num(v: unknown): string {
  return typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toPrecision(4)) : '-';
}

function chart(rows: TrainingRow[], runs: string[], column: string, label: string, layer: string): string | null {
  const series: Series[] = [];
  runs.forEach((run, k) => {
    const points = rows.filter((r) => r.run === run && typeof r[column] === 'number').map((r): [number, number] => [r.step, r[column] as number]);
    if (points.length > 0) series.push({ name: run, points, color: COLORS[k % COLORS.length], markers: points.length <= 30 });
  });
  if (series.length === 0) return null;
  return lineChart({ title: `${label}, layer ${layer}`, xLabel: 'step (epoch)', yLabel: column.startsWith('dse') || column.startsWith('dsmi') ? `${label} (bits)` : label, series });
}

/**
 * The training report page: per layer, a table of each run's first and last values and a chart per
 * measure (DSE(Z), DSMI(Z; Y), DSMI(Z; X), then the other numeric columns and the sigma used), a line per run.
 */
export function renderTrainingReport(rows: TrainingRow[], file: string): string {
  const runs = unique(rows.map((r) => r.run));
  const layers = unique(rows.map((r) => r.name));
  const extra = unique(rows.flatMap((r) => Object.keys(r).filter((k) => !NOT_CURVES.has(k) && typeof r[k] === 'number')));
  const columns: [string, string][] = [...MEASURES, ...extra.map((k): [string, string] => [k, k]), ['sigma', 'sigma used']];
  const panels = layers.map((layer) => {
    const mine = rows.filter((r) => r.name === layer);
    const shown = columns.filter(([c]) => mine.some((r) => typeof r[c] === 'number'));
    const head = `<tr><th>run</th><th>steps</th>${shown.map(([, l]) => `<th>${escapeXml(l)}: first → last</th>`).join('')}</tr>`;
    const body = runs.filter((run) => mine.some((r) => r.run === run)).map((run) => {
      const rs = mine.filter((r) => r.run === run).sort((a, b) => a.step - b.step);
      const cells = shown.map(([c]) => {
        const vs = rs.filter((r) => typeof r[c] === 'number');
        return `<td>${vs.length === 0 ? '-' : `${num(vs[0][c])} → ${num(vs[vs.length - 1][c])}`}</td>`;
      });
      return `<tr><td>${escapeXml(run)}</td><td>${rs[0].step}..${rs[rs.length - 1].step} (${rs.length})</td>${cells.join('')}</tr>`;
    });
    const charts = shown.map(([c, l]) => chart(mine, runs, c, l, layer)).filter((s): s is string => s !== null);
    return `<section class="layer">
<h2>Layer ${escapeXml(layer)}</h2>
<table><thead>${head}</thead><tbody>
${body.join('\n')}
</tbody></table>
<div class="figures">
${charts.join('\n')}
</div>
</section>`;
  });
  return htmlPage(`DSE training report: ${file}`, 'h2 { font-size: 18px; margin: 24px 0 8px; }', `<h1>Representations during training</h1>
<p class="note">${escapeXml(file)}: ${rows.length} rows, ${runs.length} run${runs.length === 1 ? '' : 's'} (${runs.map(escapeXml).join(', ')}), ${layers.length} layer${layers.length === 1 ? '' : 's'}. DSE and DSMI as defined by Liao, Liu et al. (arXiv 2312.04823), computed by dse-wasm; entropies in bits.</p>
${panels.join('\n')}`);
}

export const trainingReportSpec: CommandSpec = { name: 'report', values: ['training', 'out'], flags: [] };

/** `dse report --training run.jsonl --out training.html`. */
export async function trainingReportCommand(argv: string[]): Promise<void> {
  const args = parseArgs(argv, trainingReportSpec);
  positionals(args, 'report --training', [], 0);
  const file = args.values.get('training')!;
  const out = args.values.get('out');
  if (out === undefined) throw new UsageError('dse report: --out F.html is required');
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    throw new InputError(file, `cannot be read (${(e as Error).message})`);
  }
  const rows = parseTrainingJsonl(text, file);
  try {
    writeFileSync(out, renderTrainingReport(rows, file));
  } catch (e) {
    throw new InputError(out, `cannot be written (${(e as Error).message})`);
  }
  const runs = unique(rows.map((r) => r.run)).length;
  const layers = unique(rows.map((r) => r.name)).length;
  process.stdout.write(`wrote ${out}: ${rows.length} rows, ${runs} run${runs === 1 ? '' : 's'}, ${layers} layer${layers === 1 ? '' : 's'}\n`);
}
