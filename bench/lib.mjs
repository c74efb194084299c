// Shared helpers for the load scenarios: start the built service on a free loopback port, wait
// for health, run a bounded closed-loop load with N clients, summarise latencies.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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

/** Starts the jar with a fresh data folder; resolves once /actuator/health is UP. */
export async function startService(jar, extraArgs = [], { startupLimitMs = 600_000, heap = '2g' } = {}) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'tongban-bench-'));
  const logFile = join(dataDir, 'service.log');
  const log = createWriteStream(logFile);
  const child = spawn('java', [`-Xmx${heap}`, '-jar', jar, `--server.port=${port}`, '--server.address=127.0.0.1',
    `--tongban.mongodb.embedded.data-dir=${dataDir}`, '--logging.level.root=warn',
    '--logging.level.cn.tongban=info', ...extraArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
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
          stop: () => new Promise((r) => { if (exited) r(); else { child.once('exit', r); child.kill('SIGTERM'); } }) };
      }
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill('SIGKILL');
  throw new Error(`service did not start; see ${logFile}`);
}

export async function graphql(baseUrl, query, variables) {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (!response.ok || body.errors) {
    throw new Error(`GraphQL failure ${response.status}: ${JSON.stringify(body.errors)}`);
  }
  return body.data;
}

/**
 * Closed-loop load: `clients` loops each send the next request as soon as the previous answered,
 * for `seconds` (after `warmupSeconds` not recorded). Every loop is bounded in time.
 */
export async function load({ clients, seconds, warmupSeconds, request }) {
  const latencies = [];
  let errors = 0;
  let recording = false;
  const deadline = Date.now() + (warmupSeconds + seconds) * 1000;
  setTimeout(() => { recording = true; }, warmupSeconds * 1000);
  let measuredFrom = 0;
  const loops = Array.from({ length: clients }, async (_, client) => {
    let i = client;
    while (Date.now() < deadline) {
      const t0 = process.hrtime.bigint();
      try {
        await request(i++);
        const ms = Number(process.hrtime.bigint() - t0) / 1e6;
        if (recording) {
          if (!measuredFrom) measuredFrom = Date.now();
          latencies.push(ms);
        }
      } catch (error) {
        errors++;
        if (errors <= 3) console.error(error.message);
      }
    }
  });
  await Promise.all(loops);
  const measuredSeconds = (Date.now() - measuredFrom) / 1000;
  return summarise(latencies, errors, measuredSeconds);
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
