// Search load scenario: 16 concurrent clients run the citizen query mix (with the resident's region,
// as the app sends it) and, separately, search-box suggestions, against the built service.
// Usage: node bench/search/run.mjs <jar> [seeded|100k] [seconds] [--no-answer-cache]
// --no-answer-cache switches the index's answer cache off: every search is computed, as a query
// nobody asked since the last catalogue change would be.
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { graphql, load, post, startService } from '../lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const [jar, catalog = 'seeded', secondsArg = '30', cacheArg = ''] = process.argv.slice(2);
if (!jar || !['seeded', '100k'].includes(catalog) || !['', '--no-answer-cache'].includes(cacheArg)) {
  console.error('usage: node bench/search/run.mjs <jar> [seeded|100k] [seconds] [--no-answer-cache]');
  process.exit(2);
}
const answerCache = cacheArg !== '--no-answer-cache';
const seconds = Math.min(Number(secondsArg), 300);
const CLIENTS = 16;
const REGIONS = ['370202', '370203', '370211', '370212', '370213', '370214', '370215', '370281', '370283', '370285'];
const queries = readFileSync(join(here, 'citizen-queries.tsv'), 'utf8').split('\n')
  .filter((l) => l.trim() && !l.startsWith('#')).map((l) => l.split('\t')[0]);
const prefixes = ['身', '身份', '公积', 'gj', 'gjj', 'she', 'shebao', '驾驶', '婚', 'sfz', '营业', 'yy', '失业', '低', 'dib', '护照'];
const SEARCH = `query($q: String, $near: ID) {
  serviceItems(query: $q, near: $near, first: 10) {
    totalCount
    edges { node { code name department { shortName } } nameHighlight { text matched } }
    facets { departments { count } lifeEvents { count } channels { count } }
  }
}`;
const SUGGEST = 'query($p: String!) { searchSuggestions(prefix: $p, first: 8) { text } }';

let args = [];
if (catalog === '100k') {
  const overlay = mkdtempSync(join(tmpdir(), 'tongban-catalog-100k-'));
  execFileSync('node', [join(here, 'generate-catalog.mjs'), overlay], { stdio: 'inherit' });
  args = [`--tongban.seed.locations=file:${overlay}/,classpath:seeds/dev/,classpath:seeds/`];
}
if (!answerCache) args.push('--tongban.search.answer-cache-size=0');
const service = await startService(jar, args);
console.log(`service up in ${service.startupSeconds.toFixed(1)} s at ${service.baseUrl}`);
try {
  // every implementation counted (builds before issue 16 had no such argument and counted them anyway)
  const size = await graphql(service.baseUrl, '{ serviceItems(first: 1, everyImplementation: true) { totalCount } }')
    .catch(() => graphql(service.baseUrl, '{ serviceItems(first: 1) { totalCount } }'));
  const items = size.serviceItems.totalCount;
  console.log(`${items} active items; ${CLIENTS} clients, ${seconds} s per scenario after a 90 s warm-up`);
  const searchRequest = (i) => post(service.baseUrl, SEARCH, { q: queries[i % queries.length], near: REGIONS[i % REGIONS.length] });
  const suggestRequest = (i) => post(service.baseUrl, SUGGEST, { p: prefixes[i % prefixes.length] });
  const scenarios = {};
  // JIT warm-up, not recorded: on two cores the compilers need a minute and a half of load before the
  // throughput settles (30 s left the closed loop at half its steady rate)
  await load({ clients: CLIENTS, seconds: 1, warmupSeconds: 90,
    request: (i) => (i % 4 ? searchRequest(i) : suggestRequest(i)) });
  // saturation first (it also warms the JIT): 16 clients in a closed loop
  scenarios.search16Clients = await load({ clients: CLIENTS, seconds, warmupSeconds: 10, request: searchRequest });
  // 16 clients paced at a quarter, half and three quarters of the saturation throughput
  for (const [name, share] of [['Quarter', 0.25], ['Half', 0.5], ['ThreeQuarters', 0.75]]) {
    const paced = Math.max(10, Math.round(scenarios.search16Clients.throughputPerSecond * share));
    scenarios[`search16ClientsPaced${name}`] = { ratePerSecond: paced,
      ...await load({ clients: CLIENTS, seconds, warmupSeconds: 5, ratePerSecond: paced, request: searchRequest }) };
  }
  // unloaded: one client, what a single resident sees
  scenarios.searchOneClient = await load({ clients: 1, seconds, warmupSeconds: 5, request: searchRequest });
  scenarios.suggest16Clients = await load({ clients: CLIENTS, seconds, warmupSeconds: 5, request: suggestRequest });
  scenarios.suggestOneClient = await load({ clients: 1, seconds, warmupSeconds: 5, request: suggestRequest });
  for (const [name, figures] of Object.entries(scenarios)) console.log(name, JSON.stringify(figures));
  const result = { scenario: 'search', catalog, answerCache, items, clients: CLIENTS, date: new Date().toISOString(),
    machine: 'this workplace: 2 cores, 24 GiB; client (node:http, kept-alive connections) and service on one machine over loopback',
    startupSeconds: service.startupSeconds, ...scenarios };
  mkdirSync(join(here, '../results'), { recursive: true });
  const file = join(here, '../results', `search-${catalog}${answerCache ? '' : '-no-answer-cache'}.json`);
  writeFileSync(file, JSON.stringify(result, null, 1) + '\n');
  console.log(`written ${file}`);
} finally {
  await service.stop();
}
