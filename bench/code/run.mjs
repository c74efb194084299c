// Resident-code scans at 32 concurrent terminals: every scan verifies the SM2 signature, issuer,
// expiry, revocation (and, on the bus, replay) and records the scan.
// Usage: node bench/code/run.mjs <jar> [seconds]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clientToken, graphql, load, startService } from '../lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const [jar, secondsArg = '15'] = process.argv.slice(2);
if (!jar) {
  console.error('usage: node bench/code/run.mjs <jar> [seconds]');
  process.exit(2);
}
const seconds = Math.min(Number(secondsArg), 40); // codes live 60 s: the bus window must fit
const TERMINALS = 32;
const MOBILES = ['13800000001', '13800000002', '13800000003', '13800000004', '13800000005', '13800000006',
  '13800000007', '13800000008'];
const SCAN = 'mutation($input: ScanCodeInput!) { scanCode(input: $input) { fare maskedName residentOfDistrict } }';
const BATCH = 50;
const SCAN_BATCH = `mutation($scans: [ScanCodeInput!]!) {
  scanCodes(input: {scans: $scans}) { accepted refused results { code result { fare maskedName residentOfDistrict } } }
}`;

const service = await startService(jar, ['--tongban.rate-limit.per-minute.TERMINAL=100000000']);
console.log(`service up in ${service.startupSeconds.toFixed(1)} s at ${service.baseUrl}`);
const { baseUrl } = service;
/** Provincial codes (not superseded by newer ones, so many can be valid at once), `count` per resident. */
async function codes(count) {
  const all = [];
  for (const mobile of MOBILES) {
    const response = await fetch(`${baseUrl}/dev/provincial-code?mobile=${mobile}&count=${count}`);
    all.push(...(await response.json()).codes);
  }
  return all;
}
try {
  const gate = await clientToken(baseUrl, 'terminal-community-xg-01', 'terminal-demo-secret');
  const bus = await clientToken(baseUrl, 'terminal-bus-k1-0001', 'terminal-demo-secret');
  const scan = (token, code) => graphql(baseUrl, SCAN, { input: { code } }, token);
  const scenarios = {};
  // community gate: reusable codes, masked name + district check
  let reusable = await codes(4);
  await load({ clients: TERMINALS, seconds: 1, warmupSeconds: 15, request: (i) => scan(gate, reusable[i % reusable.length]) });
  reusable = await codes(4);
  scenarios.gate32Terminals = await load({ clients: TERMINALS, seconds, warmupSeconds: 3,
    request: (i) => scan(gate, reusable[i % reusable.length]) });
  // bus: single use, a fresh code for every scan (fare category needs a certificate lookup too)
  const fresh = [];
  for (let left = Math.ceil((scenarios.gate32Terminals.throughputPerSecond * (seconds + 5) * 1.5) / MOBILES.length); left > 0; left -= 1000) {
    fresh.push(...await codes(Math.min(1000, left)));
  }
  let next = 0;
  scenarios.bus32Terminals = await load({ clients: TERMINALS, seconds, warmupSeconds: 2,
    request: () => scan(bus, fresh[next++ % fresh.length]) });
  scenarios.bus32Terminals.codesPrepared = fresh.length;
  // readers that queue scans and upload BATCH at a time (scans per second = requests per second × BATCH)
  const scanBatch = async (token, list) => {
    const data = await graphql(baseUrl, SCAN_BATCH, { scans: list.map((code) => ({ code })) }, token);
    if (data.scanCodes.refused) throw new Error(`${data.scanCodes.refused} refused: ${data.scanCodes.results.find((r) => r.code).code}`);
  };
  reusable = await codes(4);
  const gateBatches = await load({ clients: TERMINALS, seconds, warmupSeconds: 3,
    request: (i) => scanBatch(gate, Array.from({ length: BATCH }, (_, k) => reusable[(i + k) % reusable.length])) });
  scenarios.gate32TerminalsBatches = { batch: BATCH, scansPerSecond: Math.round((gateBatches.requests * BATCH) / seconds), ...gateBatches };
  const budget = Math.ceil((gateBatches.throughputPerSecond * BATCH * (seconds + 4) * 1.3) / MOBILES.length);
  const freshForBatches = [];
  for (let left = budget; left > 0; left -= 1000) freshForBatches.push(...await codes(Math.min(1000, left)));
  let cursor = 0;
  const busBatches = await load({ clients: TERMINALS, seconds, warmupSeconds: 2,
    request: () => { const list = freshForBatches.slice(cursor, cursor + BATCH); cursor += BATCH; return scanBatch(bus, list); } });
  scenarios.bus32TerminalsBatches = { batch: BATCH, scansPerSecond: Math.round((busBatches.requests * BATCH) / seconds),
    codesPrepared: freshForBatches.length, ...busBatches };
  for (const [name, figures] of Object.entries(scenarios)) console.log(name, JSON.stringify(figures));
  const result = { scenario: 'resident-code-scans', terminals: TERMINALS, goalPerSecond: 2000, date: new Date().toISOString(),
    machine: 'this workplace: 2 cores, 24 GiB; client and service on one machine over loopback',
    database: 'embedded mongo-java-server (H2 file backend)', ...scenarios };
  mkdirSync(join(here, '../results'), { recursive: true });
  const file = join(here, '../results', 'code-scans.json');
  writeFileSync(file, JSON.stringify(result, null, 1) + '\n');
  console.log(`written ${file}`);
} finally {
  await service.stop();
}
