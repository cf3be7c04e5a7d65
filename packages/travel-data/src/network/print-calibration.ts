// Prints the calibration table of CALIBRATION.md from the current frequency model:
//   node_modules/node/bin/node packages/travel-data/src/network/print-calibration.ts
import { calibrationTable } from './calibration.ts';

const rows = calibrationTable();
process.stdout.write('| pair | observed | generated | ratio | carriers (daily) |\n| --- | --- | --- | --- | --- |\n');
for (const r of rows) {
  const ratio = r.generated / r.observed;
  process.stdout.write(`| ${r.a}–${r.b} | ${r.observed} | ${r.generated} | ${ratio.toFixed(2)} | ${r.carriers} |\n`);
}
const rms = Math.sqrt(rows.reduce((s, r) => s + Math.log(r.generated / r.observed) ** 2, 0) / rows.length);
process.stdout.write(`\nroot-mean-square error: a factor of ${Math.exp(rms).toFixed(2)}\n`);
