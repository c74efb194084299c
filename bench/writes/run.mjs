// Acknowledged writes per second at 16 clients, with the token floor ({ __typename } with a
// resident's token) measured in the same run: submissions (one document each), staff accepts (a
// version-guarded update each) and single-use bus scans (a replay claim and a scan record each).
// Every write is synced before its answer on the embedded store (docs/architecture.md), so this is
// the price of durability. Usage: node bench/writes/run.mjs <jar> [seconds] [label]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clientToken, graphql, load, post, residentToken, staffToken, startService } from '../lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const [jar, secondsArg = '15', label = 'current'] = process.argv.slice(2);
if (!jar) {
  console.error('usage: node bench/writes/run.mjs <jar> [seconds] [label]');
  process.exit(2);
}
const seconds = Math.min(Number(secondsArg), 30);
const CLIENTS = 16;
const ITEM = '370202QR0020001000';
const SUBMIT = 'mutation($i: SubmitApplicationInput!) { submitApplication(input: $i) { application { id } } }';
const ACCEPT = 'mutation($i: TaskActionInput!) { acceptTask(input: $i) { application { version } } }';
const SCAN = 'mutation($input: ScanCodeInput!) { scanCode(input: $input) { fare } }';
const MOBILES = ['13800000001', '13800000002', '13800000003', '13800000004', '13800000005', '13800000006',
  '13800000007', '13800000008'];

const service = await startService(jar, ['--tongban.rate-limit.enabled=false']);
console.log(`service up in ${service.startupSeconds.toFixed(1)} s at ${service.baseUrl}`);
const { baseUrl } = service;
try {
  const resident = await residentToken(baseUrl, '13800000004');
  const staff = await staffToken(baseUrl, 'staff.rs');
  const bus = await clientToken(baseUrl, 'terminal-bus-k1-0001', 'terminal-demo-secret');
  const run = `${Date.now() % 1_000_000}`;
  // one counter for all loops: the load helper's per-loop index repeats across loops
  let sequence = 0;
  const submit = () => graphql(baseUrl, SUBMIT, { i: { item: ITEM, idempotencyKey: `bench-${run}-${sequence++}`,
    formValues: [{ key: 'employerName', value: '青岛海蓝数字科技有限公司' }] } }, resident);
  const figures = {};
  // warm-up: the JIT on two cores needs it, on every path measured
  await load({ clients: CLIENTS, seconds: 1, warmupSeconds: 20, request: () => post(baseUrl, '{ __typename }', {}, resident) });
  await load({ clients: CLIENTS, seconds: 1, warmupSeconds: 10, request: () => submit() });
  figures.floorWithToken = await load({ clients: CLIENTS, seconds, warmupSeconds: 2,
    request: () => post(baseUrl, '{ __typename }', {}, resident) });
  const submitted = [];
  figures.submissions = await load({ clients: CLIENTS, seconds, warmupSeconds: 2,
    request: async () => submitted.push((await submit()).submitApplication.application.id) });
  let next = 0;
  // accepts are cheaper than submissions: half the window so the submitted applications last
  figures.staffAccepts = await load({ clients: CLIENTS, seconds: Math.max(3, Math.floor(seconds / 2)), warmupSeconds: 0,
    request: () => {
      if (next >= submitted.length) throw new Error('ran out of submitted applications');
      return graphql(baseUrl, ACCEPT, { i: { applicationId: submitted[next++], taskId: 't1' } }, staff);
    } });
  figures.staffAccepts.applicationsAvailable = submitted.length;
  const fresh = [];
  for (const mobile of MOBILES) {
    const response = await fetch(`${baseUrl}/dev/provincial-code?mobile=${mobile}&count=1000`);
    fresh.push(...(await response.json()).codes);
  }
  let code = 0;
  figures.busScans = await load({ clients: CLIENTS, seconds: Math.min(seconds, 20), warmupSeconds: 2,
    request: () => graphql(baseUrl, SCAN, { input: { code: fresh[code++ % fresh.length] } }, bus) });
  const floor = figures.floorWithToken.throughputPerSecond;
  for (const [name, f] of Object.entries(figures)) {
    f.ratioToFloor = Number((f.throughputPerSecond / floor).toFixed(2));
    console.log(name, JSON.stringify(f));
  }
  const result = { scenario: 'acknowledged-writes', label, clients: CLIENTS, date: new Date().toISOString(),
    machine: 'this workplace: 2 cores, 24 GiB; client and service on one machine over loopback',
    database: 'embedded mongo-java-server (H2 file backend)', ...figures };
  mkdirSync(join(here, '../results'), { recursive: true });
  const file = join(here, '../results', `writes-${label}.json`);
  writeFileSync(file, JSON.stringify(result, null, 1) + '\n');
  console.log(`written ${file}`);
} finally {
  await service.stop();
}
