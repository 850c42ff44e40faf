// dse score <X>: every toolkit measure of X in one table (or one JSON object), on one kernel (docs/measures.md).
import { DEFAULTS, subsample } from '../index.js';
import { kernelOption, KERNEL_VALUES, numberOption, parseArgs, positionals, UsageError, type CommandSpec } from './args.js';
import { aboutFile, backendOption, describeKernel, INPUT_VALUES, inputOptions, resolveKernel, secondsSince } from './common.js';
import { readInput } from './input.js';
import { computeScores, pickMeasures, SCORE_MEASURES } from './score-measures.js';

export const scoreSpec: CommandSpec = {
  name: 'score',
  values: ['measures', ...KERNEL_VALUES, 't', 'max-n', 'seed', ...INPUT_VALUES],
  flags: ['json'],
};

export async function scoreCommand(argv: string[]): Promise<void> {
  const args = parseArgs(argv, scoreSpec);
  const [path] = positionals(args, 'score', ['<X>']);
  const { measures, unknown } = pickMeasures(args.values.get('measures') ?? 'all');
  if (unknown !== null) throw new UsageError(`--measures: unknown measure ${JSON.stringify(unknown)}; use ${SCORE_MEASURES.map((m) => m.name).join(',')} or all`);
  if (measures.length === 0) throw new UsageError('--measures names no measure');
  const choice = kernelOption(args);
  const t = numberOption(args, 't', { exclusiveMin: 0 }) ?? DEFAULTS.t;
  const maxN = numberOption(args, 'max-n', { integer: true, min: 2 }) ?? DEFAULTS.maxN;
  const seed = numberOption(args, 'seed', { integer: true, min: 0 }) ?? DEFAULTS.seed;
  const backend = backendOption(args);
  const X = await readInput(path, inputOptions(args));

  const start = performance.now();
  const used = aboutFile(X.file, () => subsample(X, { maxN, seed }));
  const kernel = resolveKernel(choice, X.file, used, seed);
  const { scores } = aboutFile(X.file, () => computeScores(used, measures, { kernel, t, maxN, seed, backend }));
  const seconds = secondsSince(start);
  const sigmaAuto = choice.type === 'gaussian' && choice.sigma === 'auto';

  if (args.flags.has('json')) {
    process.stdout.write(JSON.stringify({
      ...Object.fromEntries(scores.map((s) => [s.name, s.value])),
      errors: Object.fromEntries(scores.filter((s) => s.error !== null).map((s) => [s.name, s.error])),
      n: used.rows, rows: X.rows, dims: X.cols, kernel, sigmaAuto, t, maxN, seed, backend, seconds, file: X.file,
    }) + '\n');
    return;
  }
  const width = Math.max(...scores.map((s) => s.name.length));
  const lines = [`${X.file}: ${X.rows} rows x ${X.cols} columns${used.rows < X.rows ? `, ${used.rows} sampled (--max-n ${maxN}, --seed ${seed})` : ''}`];
  lines.push(`kernel ${describeKernel(kernel, sigmaAuto)}; DSE at t ${t}; backend ${backend}, ${seconds} s`);
  for (const s of scores) lines.push(`  ${s.name.padEnd(width)}  ${String(s.value ?? 'n/a').padEnd(20)}  ${s.label}${s.unit === '' ? '' : `, ${s.unit}`}${s.error === null ? '' : `: ${s.error}`}`);
  process.stdout.write(lines.join('\n') + '\n');
}
