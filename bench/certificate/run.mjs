// Third-party verification load: integrators check residents' identity cards under consent; every
// call verifies the SM2 seal and appends to the holder's hash-chained usage log.
// Usage: node bench/certificate/run.mjs <jar> [seconds]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clientToken, graphql, load, residentToken, startService } from '../lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const [jar, secondsArg = '20'] = process.argv.slice(2);
if (!jar) {
  console.error('usage: node bench/certificate/run.mjs <jar> [seconds]');
  process.exit(2);
}
const seconds = Math.min(Number(secondsArg), 300);
const CLIENTS = 16;
// the eight demo residents (seeds/identity/people.json) and their ID numbers
const PEOPLE = [
  ['13800000001', '370202199003151233'], ['13800000002', '370202199207082460'],
  ['13800000003', '370203196511203186'], ['13800000004', '370211198501304572'],
  ['13800000005', '370212200005125627'], ['13800000006', '370214197809096719'],
  ['13800000007', '370281199502147840'], ['13800000008', '370283196612018934'],
];
const VERIFY = `mutation($input: VerifyCertificateInput!) {
  verifyCertificate(input: $input) { genuine status certificateNumber fields { key value } }
}`;

const service = await startService(jar, ['--tongban.rate-limit.per-minute.INTEGRATOR=100000000',
  '--tongban.rate-limit.per-minute.RESIDENT=100000000']);
console.log(`service up in ${service.startupSeconds.toFixed(1)} s at ${service.baseUrl}`);
try {
  const { baseUrl } = service;
  for (const [mobile] of PEOPLE) {
    const resident = await residentToken(baseUrl, mobile);
    await graphql(baseUrl, 'mutation { grantConsent(input: {purpose: "ICBC-ACCOUNT-OPENING", days: 90}) { consent { id } } }',
      {}, resident);
  }
  const bank = await clientToken(baseUrl, 'icbc-qingdao', 'icbc-demo-secret');
  const verify = (idNumber) => graphql(baseUrl, VERIFY,
    { input: { holderIdNumber: idNumber, certificateType: 'GA-001', purpose: 'ICBC-ACCOUNT-OPENING' } }, bank);
  const spread = (i) => verify(PEOPLE[i % PEOPLE.length][1]);
  const oneHolder = () => verify(PEOPLE[0][1]);
  const scenarios = {};
  await load({ clients: CLIENTS, seconds: 1, warmupSeconds: 20, request: spread });
  scenarios.verify16ClientsEightHolders = await load({ clients: CLIENTS, seconds, warmupSeconds: 5, request: spread });
  // every call appends to the same holder's chain: the worst case for the append race
  scenarios.verify16ClientsOneHolder = await load({ clients: CLIENTS, seconds, warmupSeconds: 5, request: oneHolder });
  scenarios.verifyOneClient = await load({ clients: 1, seconds, warmupSeconds: 5, request: spread });
  for (const [name, figures] of Object.entries(scenarios)) console.log(name, JSON.stringify(figures));
  const check = await graphql(baseUrl, '{ verifyMyCertificateUsage { intact entries } }', {},
    await residentToken(baseUrl, PEOPLE[0][0]).catch(() => null));
  console.log('holder 1 usage chain after the run', JSON.stringify(check.verifyMyCertificateUsage));
  const result = { scenario: 'certificate-verification', clients: CLIENTS, date: new Date().toISOString(),
    machine: 'this workplace: 2 cores, 24 GiB; client and service on one machine over loopback',
    database: 'embedded mongo-java-server (H2 file backend)', usageChainAfterRun: check.verifyMyCertificateUsage,
    ...scenarios };
  mkdirSync(join(here, '../results'), { recursive: true });
  const file = join(here, '../results', 'certificate-verification.json');
  writeFileSync(file, JSON.stringify(result, null, 1) + '\n');
  console.log(`written ${file}`);
} finally {
  await service.stop();
}
