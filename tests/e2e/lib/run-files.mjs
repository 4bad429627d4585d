// Runs test files through node's test runner, `concurrency` at a time, in the order given (the
// first occurrence of a file counts): `node --test a b c` sorts its files by name, which would
// start the longest files last and leave one of them running alone at the end.
//
//   node lib/run-files.mjs <concurrency> <file>...
import { resolve } from 'node:path';
import { run } from 'node:test';
import { tap } from 'node:test/reporters';

const [concurrency, ...names] = process.argv.slice(2);
const files = [...new Set(names.map((name) => resolve(name)))];
if (!(Number(concurrency) >= 1) || files.length === 0) {
  console.error('usage: node lib/run-files.mjs <concurrency> <file>...');
  process.exit(2);
}
const stream = run({ files, concurrency: Number(concurrency) });
stream.on('test:fail', () => {
  process.exitCode = 1;
});
stream.compose(tap).pipe(process.stdout);
