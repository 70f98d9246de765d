// Runs job.js with OpenFn's runtime and HTTP adaptor, as OpenFn's CLI or a Lightning worker would:
//   RCF_BASE_URL=… RCF_CLIENT_ID=… RCF_CLIENT_SECRET=… node --experimental-vm-modules run.mjs state.json out.json
// state.json is the last run's out.json (its cursor) plus the visits to report.
import run from '@openfn/runtime';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const [stateFile, outFile] = process.argv.slice(2);
if (!stateFile || !outFile) throw new Error('usage: node --experimental-vm-modules run.mjs <state.json> <out.json>');
for (const name of ['RCF_BASE_URL', 'RCF_CLIENT_ID', 'RCF_CLIENT_SECRET']) if (!process.env[name]) throw new Error(`${name} is not set`);

const state = JSON.parse(readFileSync(stateFile, 'utf8'));
state.configuration = { baseUrl: process.env.RCF_BASE_URL, username: process.env.RCF_CLIENT_ID, password: process.env.RCF_CLIENT_SECRET };
const adaptor = path.dirname(createRequire(import.meta.url).resolve('@openfn/language-http/package.json'));
const result = await run(readFileSync(path.join(here, 'job.js'), 'utf8'), state, {
  linker: { modules: { '@openfn/language-http': { path: adaptor } } },
});
writeFileSync(outFile, JSON.stringify(result, null, 2));
// A step that failed leaves its error in the state: the run failed, and the cursor was not moved.
if (result?.errors) {
  console.error(JSON.stringify(result.errors, null, 2));
  process.exit(1);
}
