// The calls the app and integrators really make, each as a ratio to its framework floor measured in
// the same run ({ __typename } anonymous, and with a token for the paths that need one; each measured at
// the start and again at the end, the ratio taken to their mean and their spread reported), 16 clients,
// closed loop. With --scale, the personal read paths are measured again after a personal-data
// overlay (100,000 residents, 1,000,000 certificates, 500,000 applications, 1,000,000 usage-log
// entries, 1,000,000 scan records: cn.tongban.bench.ScaleOverlay) and compared with their seeded p50.
// --scale-data <folder> measures the personal paths on a data folder a --scale run left behind instead
// (a second service on that folder, after the seeded measurements on a fresh one).
// Usage: node bench/api/run.mjs <jar> [seconds] [--scale [residents certificates applications usage scans] | --scale-data <folder>]
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clientToken, dropConnections, freePort, graphql, javaBinary, load, post, residentToken, staffToken, startService, testClasspath } from '../lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const [jar, secondsArg = '10', scaleFlag, ...scaleArgs] = process.argv.slice(2);
if (!jar || (scaleFlag && !['--scale', '--scale-data'].includes(scaleFlag))
    || (scaleFlag === '--scale-data' && scaleArgs.length !== 1)) {
  console.error('usage: node bench/api/run.mjs <jar> [seconds] [--scale [residents certificates applications usage scans] | --scale-data <folder>]');
  process.exit(2);
}
const seconds = Math.min(Number(secondsArg), 60);
const scale = Boolean(scaleFlag);
const scaleData = scaleFlag === '--scale-data' ? scaleArgs[0] : null;
const scaleCounts = scaleData ? [] : scaleArgs;
const overlayCounts = scaleCounts.length === 5 ? scaleCounts : ['100000', '1000000', '500000', '1000000', '1000000'];
const CLIENTS = 16;
const ITEM = '370202QR0020001000'; // 就业登记, department RS
// 就近办 on the home screen: the five nearest halls from a point in 李沧区, open now, with hours
const HALLS = '{ serviceHalls(near: {lat: 36.1475, lng: 120.4345}, first: 5) { edges { distanceMeters node { code name address openNow openingHours { opens closes } } } } }';
const SLOTS = '{ appointmentSlots(hall: "370202-C", windowGroup: "A", days: 7) { startsAt available } }';
const INBOX = '{ myMessages(first: 20) { unreadCount edges { cursor node { id kind title createdAt readAt } } } }';
const HOME = `{ hotServiceItems(first: 10) { code name department { name } }
  lifeEvents { code name } regions { code name } }`;
const DETAIL = `{ serviceItem(code: "${ITEM}") { name department { name } materials { name certificateType { name } } } }`;
const SEARCH = `query($q: String, $near: ID, $first: Int) {
  serviceItems(query: $q, near: $near, first: $first) {
    totalCount edges { node { code name department { shortName } } nameHighlight { text matched } }
    facets { departments { count } lifeEvents { count } channels { count } } } }`;
const CARD_PACK = '{ myCertificates { id number type { name } issuer { name } status display { title } } }';
const MY_APPLICATIONS = `{ myApplications(first: 20) { totalCount
  edges { node { id title status submittedAt tasks { itemName status } } } } }`;
const APPLICATION = `query($id: ID!) { application(id: $id) { id title status submittedAt
  tasks { id itemName status department { name } } timeline { at type taskId } } }`;
const USAGE = '{ myCertificateUsage(first: 20) { totalCount edges { node { sequence at accessorName purposeName result } } } }';
const QUEUE = '{ taskQueue(first: 20) { totalCount nodes { taskId itemName status application { id title submittedAt } } } }';
const SUBMIT = 'mutation($i: SubmitApplicationInput!) { submitApplication(input: $i) { application { id } } }';
const ACCEPT = 'mutation($i: TaskActionInput!) { acceptTask(input: $i) { application { version } } }';
const SCAN = 'mutation($input: ScanCodeInput!) { scanCode(input: $input) { fare } }';
const VERIFY = `mutation($input: VerifyCertificateInput!) {
  verifyCertificate(input: $input) { genuine status certificateNumber fields { key value } } }`;
// refetching what the app shows (Relay's node interface): an application, the card pack's certificates, an item and a bundle
const NODES = 'query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }';
const GRANT = 'mutation { grantConsent(input: {purpose: "ICBC-ACCOUNT-OPENING", days: 90}) { consent { id } } }';
const REGIONS = ['370202', '370203', '370211', '370212', '370213', '370214', '370215', '370281', '370283', '370285'];
const queries = readFileSync(join(root, 'bench/search/citizen-queries.tsv'), 'utf8').split('\n')
  .filter((l) => l.trim() && !l.startsWith('#')).map((l) => l.split('\t')[0]);
// one resident reads, another submits, a third is verified: no load grows what another path reads
const READER = '13800000001';
const SUBMITTER = '13800000004';
const VERIFIED = ['13800000002', '370202199207082460'];
const MOBILES = ['13800000001', '13800000002', '13800000003', '13800000004', '13800000005', '13800000006',
  '13800000007', '13800000008'];

const mongoPort = await freePort();
let service = await start();
let { baseUrl } = service;

async function start(dataDir) {
  const started = await startService(jar, ['--tongban.rate-limit.enabled=false',
    `--tongban.mongodb.embedded.port=${mongoPort}`], dataDir ? { dataDir } : {});
  console.log(`service up in ${started.startupSeconds.toFixed(1)} s at ${started.baseUrl}${dataDir ? ` on ${dataDir}` : ''}`);
  return started;
}
let searchSequence = 0;
let submitSequence = 0;
const run = `${Date.now() % 1_000_000}`;

/** Tokens and the data the paths read: one application with a timeline, consents, fresh bus codes. */
async function prepare() {
  const resident = await residentToken(baseUrl, READER);
  const submitter = await residentToken(baseUrl, SUBMITTER);
  const staffRs = await staffToken(baseUrl, 'staff.rs');
  const bank = await clientToken(baseUrl, 'icbc-qingdao', 'icbc-demo-secret');
  const bus = await clientToken(baseUrl, 'terminal-bus-k1-0001', 'terminal-demo-secret');
  const submitted = await graphql(baseUrl, SUBMIT, { i: { item: ITEM, idempotencyKey: `bench-api-${run}-${submitSequence++}`,
    formValues: [{ key: 'employerName', value: '青岛海蓝数字科技有限公司' }] } }, resident);
  const applicationId = submitted.submitApplication.application.id;
  await graphql(baseUrl, ACCEPT, { i: { applicationId, taskId: 't1' } }, staffRs);
  await graphql(baseUrl, GRANT, {}, await residentToken(baseUrl, VERIFIED[0]));
  // the queue is RS's: the department of the submissions, so it holds hundreds of pending tasks in both phases
  const certificates = (await graphql(baseUrl, '{ myCertificates { id } }', {}, resident)).myCertificates.map((c) => c.id);
  const nodeIds = [applicationId, ...certificates.slice(0, 6), ITEM, 'NEWBORN'];
  return { resident, submitter, staffRs, bank, bus, applicationId, nodeIds, codes: [] };
}

/** Bus codes live a short while and scan once: a fresh batch right before each load of scanCode. */
async function freshCodes(ctx) {
  ctx.codes.length = 0;
  for (const mobile of MOBILES) {
    const response = await fetch(`${baseUrl}/dev/provincial-code?mobile=${mobile}&count=1000`);
    ctx.codes.push(...(await response.json()).codes);
  }
}

function paths(ctx) {
  let code = 0;
  return {
    floorAnonymous: { floor: 'floorAnonymous', request: () => post(baseUrl, '{ __typename }') },
    floorWithToken: { floor: 'floorWithToken', request: () => post(baseUrl, '{ __typename }', {}, ctx.resident) },
    homeScreen: { floor: 'floorAnonymous', request: () => post(baseUrl, HOME) },
    itemDetail: { floor: 'floorAnonymous', request: () => post(baseUrl, DETAIL) },
    searchRepeated: { floor: 'floorAnonymous',
      request: (i) => post(baseUrl, SEARCH, { q: queries[i % queries.length], near: REGIONS[i % REGIONS.length], first: 10 }) },
    // never asked before in this run: query × region × page size, 13,200 combinations in sequence
    searchFirstTime: { floor: 'floorAnonymous', request: () => {
      const n = searchSequence++;
      return post(baseUrl, SEARCH, { q: queries[n % queries.length],
        near: n % 11 ? REGIONS[(Math.floor(n / queries.length)) % REGIONS.length] : null,
        first: 1 + (Math.floor(n / (queries.length * 11)) % 20) });
    } },
    hallsNearby: { floor: 'floorAnonymous', request: () => post(baseUrl, HALLS) },
    appointmentSlots: { floor: 'floorAnonymous', request: () => post(baseUrl, SLOTS) },
    myMessages: { floor: 'floorWithToken', request: () => post(baseUrl, INBOX, {}, ctx.resident) },
    cardPack: { floor: 'floorWithToken', personal: true, request: () => post(baseUrl, CARD_PACK, {}, ctx.resident) },
    myApplications: { floor: 'floorWithToken', personal: true, request: () => post(baseUrl, MY_APPLICATIONS, {}, ctx.resident) },
    applicationWithTimeline: { floor: 'floorWithToken', personal: true,
      request: () => post(baseUrl, APPLICATION, { id: ctx.applicationId }, ctx.resident) },
    myCertificateUsage: { floor: 'floorWithToken', personal: true, request: () => post(baseUrl, USAGE, {}, ctx.resident) },
    nodes: { floor: 'floorWithToken', personal: true, request: () => post(baseUrl, NODES, { ids: ctx.nodeIds }, ctx.resident) },
    staffQueue: { floor: 'floorWithToken', personal: true, request: () => post(baseUrl, QUEUE, {}, ctx.staffRs) },
    verifyCertificate: { floor: 'floorWithToken', personal: true, write: true,
      request: () => post(baseUrl, VERIFY, { input: { holderIdNumber: VERIFIED[1], certificateType: 'GA-001',
        purpose: 'ICBC-ACCOUNT-OPENING' } }, ctx.bank) },
    scanCode: { floor: 'floorWithToken', personal: true, write: true, before: () => freshCodes(ctx),
      request: () => post(baseUrl, SCAN, { input: { code: ctx.codes[code++ % ctx.codes.length] } }, ctx.bus) },
    submitApplication: { floor: 'floorWithToken', write: true,
      request: () => post(baseUrl, SUBMIT, { i: { item: ITEM, idempotencyKey: `bench-api-${run}-${submitSequence++}`,
        formValues: [{ key: 'employerName', value: '青岛海蓝数字科技有限公司' }] } }, ctx.submitter) },
  };
}

async function measure(all, names, warmupSeconds) {
  // the JIT on two cores needs a minute or more of load before throughput settles: a mixed round first
  const mixed = names.filter((n) => n !== 'searchFirstTime' && !all[n].before);
  await load({ clients: CLIENTS, seconds: 1, warmupSeconds: warmupSeconds * 6,
    request: (i) => all[mixed[i % mixed.length]].request(i) });
  for (const name of names) {
    // the JIT on two cores needs a warm-up on every path; first-time searches would use up their keys
    if (name !== 'searchFirstTime') {
      await all[name].before?.();
      await load({ clients: CLIENTS, seconds: 1, warmupSeconds, request: all[name].request });
    }
  }
  const figures = {};
  for (const name of names) {
    await all[name].before?.();
    figures[name] = await load({ clients: CLIENTS, seconds, warmupSeconds: 1, request: all[name].request });
  }
  // each floor measured again at the end: a path's ratio is to the mean of the two, and the spread
  // between them says how far this run's ratios can be trusted (one floor once jumped 73 % between runs)
  const floors = names.filter((name) => all[name].floor === name);
  for (const name of floors) {
    const again = await load({ clients: CLIENTS, seconds, warmupSeconds: 1, request: all[name].request });
    const first = figures[name].throughputPerSecond;
    figures[name].throughputPerSecondAtEnd = again.throughputPerSecond;
    figures[name].meanThroughputPerSecond = Math.round((first + again.throughputPerSecond) / 2);
    figures[name].spread = Number((Math.abs(first - again.throughputPerSecond) / Math.max(first, again.throughputPerSecond)).toFixed(2));
  }
  for (const name of names) {
    const floor = figures[all[name].floor];
    figures[name].floor = all[name].floor;
    if (floor) {
      const base = floor.meanThroughputPerSecond ?? floor.throughputPerSecond;
      figures[name].ratioToFloor = Number((figures[name].throughputPerSecond / base).toFixed(2));
    }
    console.log(name, JSON.stringify(figures[name]));
  }
  return figures;
}

function overlay() {
  const classpath = testClasspath();
  const started = Date.now();
  execFileSync(javaBinary(), ['-cp', classpath, 'cn.tongban.bench.ScaleOverlay', `mongodb://127.0.0.1:${mongoPort}`,
    ...overlayCounts], { stdio: 'inherit' });
  return (Date.now() - started) / 1000;
}

try {
  const seeded = await measure(paths(await prepare()), Object.keys(paths({})), 8);
  const result = { scenario: 'api-paths', clients: CLIENTS, seconds, date: new Date().toISOString(),
    machine: 'this workplace: 2 cores, 24 GiB; client and service on one machine over loopback',
    database: 'embedded mongo-java-server (H2 file backend)', seeded };
  if (scale) {
    let overlaySeconds = null;
    if (scaleData) {
      await service.stop();
      service = await start(scaleData);
      baseUrl = service.baseUrl;
    } else {
      overlaySeconds = overlay();
    }
    dropConnections();
    const all = paths(await prepare());
    const names = ['floorAnonymous', 'floorWithToken', ...Object.keys(all).filter((n) => all[n].personal)];
    // the same warm-up as the seeded phase: the floors of both phases must be comparable
    const scaled = await measure(all, names, 8);
    for (const name of Object.keys(scaled)) {
      scaled[name].p50VsSeeded = Number((scaled[name].p50Ms / seeded[name].p50Ms).toFixed(2));
    }
    result.scale = { overlay: scaleData ? { dataFolder: scaleData, note: 'left by an earlier --scale run' }
      : { residents: overlayCounts[0], certificates: overlayCounts[1], applications: overlayCounts[2],
        usageEntries: overlayCounts[3], scanRecords: overlayCounts[4], loadSeconds: overlaySeconds }, ...scaled };
  }
  mkdirSync(join(here, '../results'), { recursive: true });
  const file = join(here, '../results', scale ? 'api-paths-scale.json' : 'api-paths.json');
  writeFileSync(file, JSON.stringify(result, null, 1) + '\n');
  console.log(`written ${file}`);
} finally {
  await service.stop();
}
