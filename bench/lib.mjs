// Shared helpers for the load scenarios: start the built service on a free loopback port, wait
// for health, run a bounded closed-loop load with N clients, summarise latencies.
import { execFileSync, spawn } from 'node:child_process';
import http from 'node:http';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The class path of the test classes and every dependency (after `mvn test-compile`), for bench
 * programs kept in the test sources; the dependency list is written once to target/bench-classpath.txt.
 */
export function testClasspath() {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const classpathFile = join(root, 'target/bench-classpath.txt');
  if (!existsSync(classpathFile)) {
    execFileSync('mvn', ['-q', 'dependency:build-classpath', '-Dmdep.includeScope=test',
      `-Dmdep.outputFile=${classpathFile}`], { cwd: root, stdio: 'inherit' });
  }
  return [join(root, 'target/test-classes'), join(root, 'target/classes'),
    readFileSync(classpathFile, 'utf8').trim()].join(':');
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** The JDK's java: JAVA_HOME's (the build's Java 25), else the one on the PATH. */
export function javaBinary() {
  return process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
}

/**
 * The java arguments that start the service: a launch folder (target/tongban, as it ships: the
 * extracted jar with its AOT cache) or a bare jar.
 */
export function launchArgs(launch, jvmArgs = []) {
  if (statSync(launch).isDirectory()) {
    const cache = join(launch, 'tongban.aot');
    return [...(existsSync(cache) ? [`-XX:AOTCache=${cache}`] : []), ...jvmArgs, '-jar', join(launch, 'tongban.jar')];
  }
  return [...jvmArgs, '-jar', launch];
}

/** Starts the service (a launch folder or a jar) with a fresh data folder; resolves once /actuator/health is UP. */
export async function startService(jar, extraArgs = [], { startupLimitMs = 600_000, heap = '2g', jvmArgs = [],
  dataDir = mkdtempSync(join(tmpdir(), 'tongban-bench-')) } = {}) {
  const port = await freePort();
  const logFile = join(dataDir, `service-${Date.now()}.log`);
  const log = createWriteStream(logFile);
  const child = spawn(javaBinary(), [...launchArgs(jar, [`-Xmx${heap}`, ...jvmArgs]), `--server.port=${port}`, '--server.address=127.0.0.1',
    `--tongban.mongodb.embedded.data-dir=${dataDir}`, '--logging.level.root=warn',
    '--logging.level.cn.tongban=info',
    // the load comes from one address: keep the limiter in the path but give it room
    '--tongban.rate-limit.anonymous-per-minute=100000000', '--tongban.rate-limit.client-per-minute=100000000',
    ...extraArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  let exited = false;
  child.on('exit', () => { exited = true; });
  const baseUrl = `http://127.0.0.1:${port}`;
  const started = Date.now();
  while (!exited && Date.now() - started < startupLimitMs) {
    try {
      const response = await fetch(`${baseUrl}/actuator/health`);
      if (response.ok && (await response.json()).status === 'UP') {
        return { baseUrl, logFile, startupSeconds: (Date.now() - started) / 1000,
          stop: () => stop(child, () => exited) };
      }
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill('SIGKILL');
  throw new Error(`service did not start; see ${logFile}`);
}

/** SIGTERM, then SIGKILL after 15 s: a service stuck in start-up may not honour SIGTERM. */
function stop(child, hasExited) {
  return new Promise((resolve) => {
    if (hasExited()) return resolve();
    const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => { clearTimeout(force); resolve(); });
    child.kill('SIGTERM');
  });
}

let keepAlive = new http.Agent({ keepAlive: true, maxSockets: 256 });

/** Drops the kept-alive connections: after a long pause the server has closed them. */
export function dropConnections() {
  keepAlive.destroy();
  keepAlive = new http.Agent({ keepAlive: true, maxSockets: 256 });
}

/**
 * A GraphQL request over node:http with kept-alive connections, for the load loops and setup alike: fetch (undici)
 * took about 0.6 of a core at 2,500 requests/s on this two-core machine, and its own queueing
 * showed up in the measured latencies. Rejects on HTTP errors and on GraphQL errors.
 */
export function post(baseUrl, query, variables, token) {
  const body = JSON.stringify({ query, variables });
  const url = new URL('/graphql', baseUrl);
  const headers = { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) };
  if (token) headers.Authorization = `Bearer ${token}`;
  return new Promise((resolve, reject) => {
    const request = http.request({ hostname: url.hostname, port: url.port, path: url.pathname, method: 'POST',
      headers, agent: keepAlive }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (response.statusCode !== 200 || text.includes('"errors"')) {
          reject(new Error(`GraphQL failure ${response.statusCode}: ${text.slice(0, 300)}`));
        } else {
          resolve(text);
        }
      });
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

export async function graphql(baseUrl, query, variables, token) {
  return JSON.parse(await post(baseUrl, query, variables, token)).data;
}

/**
 * Load with `clients` concurrent loops for `seconds` (after `warmupSeconds` not recorded).
 * Closed loop (no `ratePerSecond`): each loop sends the next request as soon as the previous
 * answered, which measures saturation. Paced (`ratePerSecond` in total): each loop sends on a fixed
 * schedule and latency counts from the scheduled time, so a slow answer that delays the next send
 * is charged to that request (no coordinated omission). Every loop stops at the deadline.
 */
export async function load({ clients, seconds, warmupSeconds, request, ratePerSecond }) {
  const latencies = [];
  let errors = 0;
  const start = performance.now();
  const recordFrom = start + warmupSeconds * 1000;
  const deadline = recordFrom + seconds * 1000;
  const intervalMs = ratePerSecond ? (clients * 1000) / ratePerSecond : 0;
  const loops = Array.from({ length: clients }, async (_, client) => {
    let i = client;
    let scheduled = start + (intervalMs * client) / clients;
    while (performance.now() < deadline) {
      if (intervalMs) {
        if (scheduled >= deadline) break;
        const wait = scheduled - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      }
      const sentAt = intervalMs ? scheduled : performance.now();
      try {
        await request(i++);
        if (sentAt >= recordFrom) latencies.push(performance.now() - sentAt);
      } catch (error) {
        errors++;
        if (errors <= 3) console.error(error.message);
      }
      scheduled += intervalMs;
    }
  });
  await Promise.all(loops);
  return summarise(latencies, errors, seconds);
}

export function summarise(latencies, errors, seconds) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  return {
    requests: sorted.length, errors, seconds: Number(seconds.toFixed(1)),
    throughputPerSecond: Number((sorted.length / seconds).toFixed(0)),
    p50Ms: Number(at(0.5).toFixed(2)), p90Ms: Number(at(0.9).toFixed(2)), p99Ms: Number(at(0.99).toFixed(2)),
    maxMs: Number(sorted[sorted.length - 1].toFixed(2)),
  };
}

async function token(baseUrl, clientId, secret, form) {
  const response = await fetch(`${baseUrl}/oauth2/token`, {
    method: 'POST',
    headers: { Authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`,
      'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  const body = await response.json();
  if (!body.access_token) throw new Error(`no token for ${clientId}: ${JSON.stringify(body)}`);
  return body.access_token;
}

/** A resident's token the way the app gets one: SMS code from the dev outbox. */
export async function residentToken(baseUrl, mobile) {
  await graphql(baseUrl, 'mutation($m: String!) { requestLoginCode(input: {mobile: $m}) { maskedMobile } }', { m: mobile });
  const messages = await (await fetch(`${baseUrl}/dev/sms-outbox?mobile=${mobile}`)).json();
  return token(baseUrl, 'tongban-app', 'tongban-app-demo-secret',
    { grant_type: 'urn:tongban:params:oauth:grant-type:sms-code', mobile, code: messages[0].code });
}

/** A staff member's token the way the console gets one: account and password. */
export function staffToken(baseUrl, username) {
  return token(baseUrl, 'tongban-console', 'tongban-console-demo-secret',
    { grant_type: 'urn:tongban:params:oauth:grant-type:account-password', username, password: 'Tongban@2026' });
}

/** A machine client's token (integrators, terminals). */
export function clientToken(baseUrl, clientId, secret) {
  return token(baseUrl, clientId, secret, { grant_type: 'client_credentials' });
}
