// The `dse` command: parses the command name, runs it, and maps what went wrong to an exit code:
// 0 success, 2 usage error or bad input (the message names the file and the problem), 1 anything else.
import { DEFAULTS, DseError, ready } from '../index.js';
import { InputError } from '../io/input-error.js';
import { UsageError } from './args.js';
import { endQuietlyOnClosedPipe } from './closed-pipe.js';
import { eigenvaluesCommand } from './eigenvalues.js';
import { entropyCommand } from './entropy.js';
import { miCommand } from './mi.js';
import { reportCommand } from './report/report.js';
import { scoreCommand } from './score.js';
import { SCORE_MEASURES } from './score-measures.js';

// For the tests and scripts/start.mjs: the pieces behind the commands, and this bundle's own library instance.
export { ready, diffusionEigenvalues } from '../index.js';
export { runDigits } from './digits.js';
export { computeReport } from './report/report.js';
export { renderReport } from './report/report-html.js';
export { renderTrainingReport, parseTrainingJsonl } from './report/training-report.js';
export { Progress } from './progress.js';
export { parseArgs, UsageError } from './args.js';
export * from '../io/index.js';

const D = DEFAULTS;

export const USAGE = `dse: diffusion spectral entropy (DSE) and mutual information (DSMI) from the command line

usage:
  dse entropy <X> [--sigma ${D.sigma}] [KERNEL] [--t ${D.t}] [--max-n ${D.maxN}] [--seed ${D.seed}] [--variant eigen|matrix-entry|classic] [--bins ${D.bins}] [--json]
  dse entropy <X> --estimate [--tolerance ${D.tolerance}] [--confidence ${D.confidence}] [--max-matvecs ${D.maxMatvecs}] [--precision float64|float32|matrix-free]
  dse mi <X> <Y> [--discrete|--continuous] [--n-clusters ${D.nClusters}] [--reps ${D.reps}] [--seed ${D.seed}] [--sigma ${D.sigma}] [KERNEL] [--t ${D.t}] [--clusters-out F] [--json]
  dse eigenvalues <X> [--sigma ${D.sigma}] [--out F.npy] [--json]
  entropy, mi and eigenvalues also take [--eigenvalues-cache F.npz [--cache-precision float16|float32|float64]] [--verbose];
  entropy and mi take [--approximate chebyshev [--numpy-seed 0]]
  dse report <X> [<labels>] --out report.html [--sigma ${D.sigma}] [KERNEL] [--t ${D.t}] [--reps ${D.reps}] [--estimate [--tolerance ${D.tolerance}]]
  dse report --training run.jsonl --out training.html
  dse score <X> [--measures ${SCORE_MEASURES.map((m) => m.name).join(',')}|all] [--sigma ${D.sigma}] [KERNEL] [--t ${D.t}] [--json]

KERNEL: [--kernel gaussian|adaptive] [--k ${D.adaptiveK}] [--alpha ${D.alpha}]: the Gaussian kernel (default; --sigma, and
  --alpha the density normalisation, default ${D.alpha}) or manylatents' adaptive kNN kernel (--k neighbours,
  --alpha default ${D.adaptiveAlpha}).

inputs: .npy (float32, float64, integer dtypes, C order), .csv / .tsv / .txt (a header line is detected),
  .json (an array of rows), .jsonl (one row per line), raw float32 (.f32, with --rows and --cols); any of
  them gzipped (.gz); '-' reads standard input (--format npy|csv|tsv|txt|json|jsonl|f32 if sniffing fails).
--eigenvalues-cache F.npz: the reference's eigval_save_path: F is loaded if it exists (no eigenvalues are
  computed), else written (float16 by default, as the reference; --cache-precision float64 keeps every digit).
  Reads the reference's own files. For mi, F holds the eigenvalues of each of its entropies.
--verbose: each stage and its time on standard error.
--approximate chebyshev: the reference's chebyshev_approx=True after np.random.seed(--numpy-seed); it can be
  far from the exact value (docs/chebyshev.md), for reproducing the reference's numbers only.
--sigma auto: the median pairwise distance between rows (off by default, so that numbers match the
  reference package). --backend wasm|js picks the backend.
--estimate: DSE without all N eigenvalues, with an interval (guaranteed, or at --confidence).
exit codes: 0 success, 2 usage error or bad input, 1 anything else.
`;

const COMMANDS: Record<string, (argv: string[]) => Promise<void>> = {
  entropy: entropyCommand,
  mi: miCommand,
  eigenvalues: eigenvaluesCommand,
  report: reportCommand,
  score: scoreCommand,
};

/** Runs `dse` with these arguments (without node and the script); resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  endQuietlyOnClosedPipe();
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    (command === undefined ? process.stderr : process.stdout).write(USAGE);
    return command === undefined ? 2 : 0;
  }
  const run = COMMANDS[command];
  try {
    if (run === undefined) throw new UsageError(`unknown command ${JSON.stringify(command)}: use entropy, mi, eigenvalues, report or score`);
    if (rest.includes('--help') || rest.includes('-h')) {
      process.stdout.write(USAGE);
      return 0;
    }
    await ready();
    await run(rest);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`dse: ${e.message}\nrun "dse --help" for usage\n`);
      return 2;
    }
    if (e instanceof InputError) {
      process.stderr.write(`dse: ${e.message}\n`);
      return 2;
    }
    const message = e instanceof DseError ? `${e.message} (${e.code})` : e instanceof Error ? e.message : String(e);
    process.stderr.write(`dse: error: ${message}\n`);
    if (process.env.DSE_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    return 1;
  }
}
