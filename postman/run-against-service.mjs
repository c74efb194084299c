// Starts the built service on a free loopback port with a fresh data folder, waits until it is
// healthy, runs the Postman collection with newman, the GraphQL-over-HTTP audit (graphql-http's
// auditServer: every check must pass, warnings included) and the integrator examples (examples/dist,
// when built), stops the service and exits non-zero when anything failed. Usage: node run-against-service.mjs <launch folder (target/tongban) or service jar>
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, createWriteStream, statSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import newman from 'newman';
import { auditServer } from 'graphql-http';

const here = dirname(fileURLToPath(import.meta.url));
const launch = process.argv[2];
if (!launch) {
  console.error('usage: node run-against-service.mjs <launch folder (target/tongban) or service jar>');
  process.exit(2);
}
const STARTUP_LIMIT_MS = 120_000;

const port = await new Promise((resolve, reject) => {
  const probe = createServer();
  probe.once('error', reject);
  probe.listen(0, '127.0.0.1', () => {
    const { port } = probe.address();
    probe.close(() => resolve(port));
  });
});
const dataDir = mkdtempSync(join(tmpdir(), 'tongban-newman-'));
const logFile = join(dataDir, 'service.log');
const log = createWriteStream(logFile);
const serviceArgs = [`--server.port=${port}`, '--server.address=127.0.0.1', `--tongban.mongodb.embedded.data-dir=${dataDir}`];
const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
// the launch folder as it ships (its run script, the AOT cache), or a bare jar
const service = statSync(launch).isDirectory()
  ? spawn(join(launch, 'run'), serviceArgs, { stdio: ['ignore', 'pipe', 'pipe'] })
  : spawn(java, ['-jar', launch, ...serviceArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
service.stdout.pipe(log);
service.stderr.pipe(log);
let exited = false;
service.on('exit', () => { exited = true; });

function stop() {
  if (!exited) {
    service.kill('SIGTERM');
  }
}
process.on('SIGINT', () => { stop(); process.exit(130); });

const baseUrl = `http://127.0.0.1:${port}`;
const started = Date.now();
let healthy = false;
while (!healthy && !exited && Date.now() - started < STARTUP_LIMIT_MS) {
  try {
    const response = await fetch(`${baseUrl}/actuator/health`);
    healthy = response.ok && (await response.json()).status === 'UP';
  } catch {
    // not listening yet
  }
  if (!healthy) {
    await new Promise((r) => setTimeout(r, 250));
  }
}
if (!healthy) {
  console.error(exited ? `The service exited during start-up; its log is ${logFile}`
    : `The service did not become healthy within ${STARTUP_LIMIT_MS / 1000} s; its log is ${logFile}`);
  stop();
  process.exit(1);
}
console.log(`Service healthy at ${baseUrl} after ${((Date.now() - started) / 1000).toFixed(1)} s`);

const summary = await new Promise((resolve, reject) => {
  newman.run({
    collection: join(here, 'tongban.postman_collection.json'),
    environment: join(here, 'tongban.postman_environment.json'),
    envVar: [{ key: 'baseUrl', value: baseUrl }],
    reporters: ['cli'],
    timeoutRequest: 30_000,
  }, (error, result) => (error ? reject(error) : resolve(result)));
}).catch((error) => { stop(); throw error; });

const audit = await auditServer({ url: `${baseUrl}/graphql`, fetchFn: fetch }).catch((error) => { stop(); throw error; });

// the integrator quick starts (examples/, Apollo Client with persisted queries), when built
const examples = ['bank', 'terminal'].map((flow) => join(here, '..', 'examples', 'dist', `${flow}.js`))
  .filter((script) => existsSync(script));
let examplesFailed = 0;
for (const script of examples) {
  const code = await new Promise((resolve) => {
    spawn(process.execPath, [script, baseUrl], { stdio: 'inherit' }).on('exit', resolve);
  });
  if (code !== 0) {
    examplesFailed++;
    console.error(`example ${script} failed (exit ${code})`);
  }
}
stop();
const notOk = audit.filter((result) => result.status !== 'ok');
notOk.forEach((result) => console.error(`graphql-http audit ${result.status}: ${result.id} ${result.name} - ${result.reason}`));
console.log(`graphql-http audit: ${audit.length - notOk.length}/${audit.length} ok`);

const { assertions, requests } = summary.run.stats;
const failures = summary.run.failures.length + notOk.length + examplesFailed;
console.log(`examples: ${examples.length - examplesFailed}/${examples.length} ok`);
console.log(`newman: ${assertions.total - assertions.failed} passed, ${assertions.failed} failed (${requests.total} requests)`);
await new Promise((r) => (exited ? r() : service.once('exit', r)));
if (failures === 0) {
  rmSync(dataDir, { recursive: true, force: true });
} else {
  console.error(`The service log is kept at ${logFile}`);
}
process.exit(failures === 0 ? 0 : 1);
