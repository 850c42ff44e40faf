// The spread over seeds: `node examples/training-dynamics/seeds.mjs short|full [seeds...]` runs both
// conditions for each seed (default 0 1 2 3 4) and prints, per condition, first and last values and their
// differences, one line per seed (JSON lines on stdout, a table on stderr).
import { FULL, SHORT, runCondition, summary } from './experiment.mjs';

const [version = 'short', ...rest] = process.argv.slice(2);
const protocol = version === 'full' ? FULL : SHORT;
const seeds = rest.length > 0 ? rest.map(Number) : [0, 1, 2, 3, 4];
for (const seed of seeds) {
  for (const condition of ['true', 'shuffled']) {
    const s = summary(await runCondition(condition, { seed, ...protocol }));
    const line = {
      version, seed, condition, acc: s.acc,
      dse: [s.first.dse, s.last.dse], dsmiY: [s.first.dsmiY, s.last.dsmiY], dsmiX: [s.first.dsmiX, s.last.dsmiX],
      dDse: s.dDse, dDsmiY: s.dDsmiY, dDsmiX: s.dDsmiX,
    };
    console.log(JSON.stringify(line));
    process.stderr.write(`${version} seed ${seed} ${condition.padEnd(9)} acc ${s.acc.toFixed(3)}  dDSE ${s.dDse.toFixed(3)}  DSMI(Z;Y) ${s.first.dsmiY.toFixed(3)} -> ${s.last.dsmiY.toFixed(3)}  dDSMI(Z;X) ${s.dDsmiX.toFixed(3)}\n`);
  }
}
