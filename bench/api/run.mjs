// The read paths the app hits on every open, each as a ratio to its framework floor measured in
// the same run ({ __typename } anonymous and with a resident's token), 16 clients, closed loop.
// A first slice of the full scenario list of issue 15. Usage: node bench/api/run.mjs <jar> [seconds]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load, post, residentToken, startService } from '../lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const [jar, secondsArg = '10'] = process.argv.slice(2);
if (!jar) {
  console.error('usage: node bench/api/run.mjs <jar> [seconds]');
  process.exit(2);
}
const seconds = Number(secondsArg);
const CLIENTS = 16;
const HOME = `{ hotServiceItems(first: 10) { code name department { name } }
  lifeEvents { code name } regions { code name } }`;
const DETAIL = `{ serviceItem(code: "370202QR0020001000") { name department { name } materials { name certificateType { name } } } }`;
const CARD_PACK = '{ myCertificates { id number type { name } issuer { name } status display { title } } }';

const service = await startService(jar, ['--tongban.rate-limit.enabled=false']);
console.log(`service up in ${service.startupSeconds.toFixed(1)} s at ${service.baseUrl}`);
const { baseUrl } = service;
try {
  const resident = await residentToken(baseUrl, '13800000001');
  const paths = {
    floorAnonymous: [null, '{ __typename }', 'floorAnonymous'],
    floorWithToken: [resident, '{ __typename }', 'floorWithToken'],
    homeScreen: [null, HOME, 'floorAnonymous'],
    itemDetail: [null, DETAIL, 'floorAnonymous'],
    cardPack: [resident, CARD_PACK, 'floorWithToken'],
  };
  // warm-up of every path: the JIT on two cores needs it
  for (const [token, query] of Object.values(paths)) {
    await load({ clients: CLIENTS, seconds: 1, warmupSeconds: 8, request: () => post(baseUrl, query, {}, token) });
  }
  const figures = {};
  for (const [name, [token, query]] of Object.entries(paths)) {
    figures[name] = await load({ clients: CLIENTS, seconds, warmupSeconds: 1, request: () => post(baseUrl, query, {}, token) });
  }
  for (const [name, [, , floor]] of Object.entries(paths)) {
    figures[name].floor = floor;
    figures[name].ratioToFloor = Number((figures[name].throughputPerSecond / figures[floor].throughputPerSecond).toFixed(2));
    console.log(name, JSON.stringify(figures[name]));
  }
  const result = { scenario: 'api-read-paths', clients: CLIENTS, date: new Date().toISOString(),
    machine: 'this workplace: 2 cores, 24 GiB; client and service on one machine over loopback',
    database: 'embedded mongo-java-server (H2 file backend), seeded data', ...figures };
  mkdirSync(join(here, '../results'), { recursive: true });
  writeFileSync(join(here, '../results', 'api-read-paths.json'), JSON.stringify(result, null, 1) + '\n');
} finally {
  await service.stop();
}
