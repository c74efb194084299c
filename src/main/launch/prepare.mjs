// Builds the launch folder (target/tongban): the packaged jar extracted (tongban.jar + lib/, no
// nested-jar class loading), the `run` script, and tongban.aot, Java 25's AOT cache (JEP 483/514/515:
// classes loaded and linked, method profiles) recorded by a training run of the service itself:
// a first start on an empty data folder (seeding, keys, index), the requests an app sends first,
// then a normal stop, when the JVM writes the cache. A cache only serves the JDK build and class
// path it was recorded with, so it is recorded by the build's own JDK, and `run` falls back to a
// plain start when it is missing. Usage: node prepare.mjs <java> <packaged jar> <launch folder>
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, copyFileSync, createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [java, jar, folder] = process.argv.slice(2);
if (!java || !jar || !folder) {
  console.error('usage: node prepare.mjs <java> <packaged jar> <launch folder>');
  process.exit(2);
}
const READY_LIMIT_MS = 240_000;
const STOP_LIMIT_MS = 180_000;

rmSync(folder, { recursive: true, force: true });
execFileSync(java, ['-Djarmode=tools', '-jar', jar, 'extract', '--destination', folder,
  '--application-filename', 'tongban.jar'], { stdio: 'inherit' });
copyFileSync(join(dirname(fileURLToPath(import.meta.url)), 'run'), join(folder, 'run'));
chmodSync(join(folder, 'run'), 0o755);

const cache = join(folder, 'tongban.aot');
const work = mkdtempSync(join(tmpdir(), 'tongban-aot-training-'));
const logFile = join(work, 'training.log');
const port = await new Promise((resolve, reject) => {
  const probe = createServer();
  probe.once('error', reject);
  probe.listen(0, '127.0.0.1', () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});
const started = Date.now();
const service = spawn(java, [`-XX:AOTCacheOutput=${cache}`, '-Xlog:aot=error', '-Xlog:cds=error', '-jar', join(folder, 'tongban.jar'),
  `--server.port=${port}`, '--server.address=127.0.0.1', `--tongban.mongodb.embedded.data-dir=${join(work, 'data')}`],
  { stdio: ['ignore', 'pipe', 'pipe'] });
const log = createWriteStream(logFile);
service.stdout.pipe(log);
service.stderr.pipe(log);
const exit = new Promise((resolve) => service.once('exit', (code, signal) => resolve({ code, signal })));
let exited = false;
exit.then(() => { exited = true; });

function fail(message) {
  console.error(`AOT cache training failed: ${message}; the service's output: ${logFile}`);
  if (!exited) service.kill('SIGKILL');
  process.exit(1);
}

async function graphql(query, token) {
  const headers = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query }) });
  const body = await response.json();
  if (response.status !== 200 || body.errors) fail(`${query} answered ${response.status} ${JSON.stringify(body.errors)}`);
  return body.data;
}

let ready = false;
while (!ready && !exited && Date.now() - started < READY_LIMIT_MS) {
  try {
    ready = (await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: '{"query":"{ __typename }"}' })).status === 200;
  } catch { /* not listening yet */ }
  if (!ready) await new Promise((r) => setTimeout(r, 100));
}
if (!ready) fail(exited ? 'the service exited' : `no answer within ${READY_LIMIT_MS / 1000} s`);

// What an app asks first: the home screen's catalogue, a search and suggestions, an item's guide, the bundles.
const hot = await graphql('{ hotServiceItems(first: 8) { code name department { name } } }');
await graphql('{ serviceItems(query: "身份证", first: 10) { totalCount edges { node { code name } } } }');
await graphql('{ searchSuggestions(prefix: "shebao") { text } }');
for (const item of hot.hotServiceItems.slice(0, 2)) await graphql(`{ serviceItem(code: "${item.code}") { name accessibilityLabel } }`);
await graphql('{ bundles { code name } }');
const token = await fetch(`http://127.0.0.1:${port}/oauth2/token`, { method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded',
    Authorization: `Basic ${Buffer.from('icbc-qingdao:icbc-demo-secret').toString('base64')}` },
  body: 'grant_type=client_credentials' }).then((r) => (r.ok ? r.json() : null)).catch(() => null);
if (!token?.access_token) fail('no client-credentials token');
await graphql('{ __typename }', token.access_token);

service.kill('SIGTERM');
const stopped = await Promise.race([exit, new Promise((r) => setTimeout(() => r(null), STOP_LIMIT_MS).unref())]);
if (!stopped) fail(`not stopped within ${STOP_LIMIT_MS / 1000} s`);
if (!existsSync(cache) || statSync(cache).size === 0) fail('the JVM wrote no cache');
rmSync(work, { recursive: true, force: true });
console.log(`Launch folder ${folder}: AOT cache ${(statSync(cache).size / 1e6).toFixed(0)} MB, trained in ${((Date.now() - started) / 1000).toFixed(0)} s`);
