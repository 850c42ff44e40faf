// npm run demo:training: the experiment of README.md (this folder) with its seed (default 0; `-- --seed 3`
// for another), both conditions; writes out/run.jsonl and out/training.html and prints the per-epoch table.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FULL, runCondition, summary } from './experiment.mjs';
import { renderTrainingReport, parseTrainingJsonl } from '../../dist/cli.mjs';

const seedArg = process.argv.indexOf('--seed');
const seed = seedArg === -1 ? 0 : Number(process.argv[seedArg + 1]);
const out = fileURLToPath(new URL('./out/', import.meta.url));
mkdirSync(out, { recursive: true });

const f = (v, d = 3) => (v === undefined || v === null ? '-' : v.toFixed(d)).padStart(8);
const start = performance.now();
const all = [];
for (const condition of ['true', 'shuffled']) {
  process.stderr.write(`training with ${condition} labels (seed ${seed}, ${FULL.epochs} epochs) ...\n`);
  const rows = await runCondition(condition, {
    seed, ...FULL,
    onRecord: (r) => { if (r.step % 25 === 0) process.stderr.write(`  epoch ${r.step}: DSE ${r.dse.toFixed(3)}\n`); },
  });
  all.push(...rows);
}
const jsonl = all.map((r) => JSON.stringify(r)).join('\n') + '\n';
writeFileSync(out + 'run.jsonl', jsonl);
writeFileSync(out + 'training.html', renderTrainingReport(parseTrainingJsonl(jsonl, 'run.jsonl'), 'run.jsonl'));

console.log(`penultimate layer (64 units) on ${FULL.probeRows} held-out probe scans; sigma = median distance of Z per epoch, t = 1; bits`);
console.log(`${'condition'.padEnd(10)}${'epoch'.padStart(6)}${'train acc'.padStart(10)}${'DSE(Z)'.padStart(8)}${'DSMI(Z;Y)'.padStart(10)}${'DSMI(Z;X)'.padStart(10)}${'sigma'.padStart(8)}`);
for (const condition of ['true', 'shuffled']) {
  const rows = all.filter((r) => r.run === condition);
  for (const r of rows.filter((r, i) => r.step % 10 === 0 || i === rows.length - 1)) {
    console.log(`${condition.padEnd(10)}${String(r.step).padStart(6)}${f(r.acc).padStart(10)}${f(r.dse)}${f(r.dsmiY).padStart(10)}${f(r.dsmiX).padStart(10)}${f(r.sigma)}`);
  }
}
console.log();
for (const condition of ['true', 'shuffled']) {
  const s = summary(all.filter((r) => r.run === condition));
  console.log(`${condition}: last - first: DSE ${s.dDse.toFixed(3)}, DSMI(Z;Y) ${s.dDsmiY.toFixed(3)}, DSMI(Z;X) ${s.dDsmiX.toFixed(3)}; train acc ${s.acc.toFixed(3)}`);
}
console.log(`wrote ${out}run.jsonl and ${out}training.html (${((performance.now() - start) / 1000).toFixed(0)} s)`);
