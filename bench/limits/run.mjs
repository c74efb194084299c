// What the shared rate budgets cost per request: the framework floor ({ __typename }) with the eight
// demo residents' tokens and anonymous (64 device ids), 16 clients, closed loop, on one service with the limits on
// (budgets big enough never to refuse: every request still reads and writes its buckets) and on a
// second service with them off. Cost per request = 1/throughput(on) − 1/throughput(off), in ms of the
// whole machine (client included). Run it on two builds to compare bucket stores.
// Usage: node bench/limits/run.mjs <jar> [seconds] [label]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { graphql, load, residentToken, startService } from '../lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const [jar, secondsArg = '10', label = 'current'] = process.argv.slice(2);
if (!jar) {
  console.error('usage: node bench/limits/run.mjs <jar> [seconds] [label]');
  process.exit(2);
}
const seconds = Math.min(Number(secondsArg), 60);
const CLIENTS = 16;
const FLOOR = '{ __typename }';

async function measure(limitsOn) {
  const service = await startService(jar, limitsOn
    ? ['--tongban.rate-limit.per-minute.RESIDENT=100000000', '--tongban.rate-limit.anonymous-devices-per-address-per-minute=100000000']
    : ['--tongban.rate-limit.enabled=false']);
  try {
    const { baseUrl } = service;
    const tokens = [];
    for (let n = 1; n <= 8; n++) tokens.push(await residentToken(baseUrl, `1380000000${n}`));
    const anonymous = (i) => fetch(`${baseUrl}/graphql`, { method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Device-Id': `bench-device-${i % 64}` },
      body: JSON.stringify({ query: FLOOR }) }).then(async (response) => {
      if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
      await response.arrayBuffer();
    });
    const withToken = (i) => graphql(baseUrl, FLOOR, {}, tokens[i % tokens.length]);
    await load({ clients: CLIENTS, seconds: 1, warmupSeconds: 10, request: withToken });
    const resident = await load({ clients: CLIENTS, seconds, warmupSeconds: 2, request: withToken });
    const device = await load({ clients: CLIENTS, seconds, warmupSeconds: 2, request: anonymous });
    return { resident, device };
  }
  finally {
    await service.stop();
  }
}

const on = await measure(true);
const off = await measure(false);
const costMs = (a, b) => Number((1000 / a.throughputPerSecond - 1000 / b.throughputPerSecond).toFixed(3));
const result = { scenario: 'rate-limit-cost', label, clients: CLIENTS, seconds, date: new Date().toISOString(),
  machine: 'this workplace: 2 cores, 24 GiB; client and service on one machine over loopback',
  database: 'embedded mongo-java-server (H2 file backend)',
  limitsOn: on, limitsOff: off,
  costPerRequestMs: { resident: costMs(on.resident, off.resident), anonymousDevice: costMs(on.device, off.device) } };
for (const [name, runs] of Object.entries({ 'limits on': on, 'limits off': off })) {
  console.log(`${name}: resident ${runs.resident.throughputPerSecond}/s (p50 ${runs.resident.p50Ms} ms), `
    + `anonymous device ${runs.device.throughputPerSecond}/s (p50 ${runs.device.p50Ms} ms)`);
}
console.log(`cost per request: resident ${result.costPerRequestMs.resident} ms, anonymous ${result.costPerRequestMs.anonymousDevice} ms`);
mkdirSync(join(here, '../results'), { recursive: true });
writeFileSync(join(here, '../results', `limits-${label}.json`), JSON.stringify(result, null, 1) + '\n');
