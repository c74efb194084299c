// Start-up time to the first answer on /graphql: a first start on an empty data folder (seeding,
// keys, index) and a restart on the seeded folder, each repeated; also to the first search answer
// (the search index loads in the background after the web server starts; searches wait for it). Usage:
//   node bench/startup/run.mjs <launch folder (target/tongban) or jar> [runs] [label] [-- extra java options…]
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, javaBinary, launchArgs } from '../lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dash = process.argv.indexOf('--');
const positional = process.argv.slice(2, dash < 0 ? undefined : dash);
const javaOptions = dash < 0 ? [] : process.argv.slice(dash + 1);
const [jar, runsArg = '3', label = 'current'] = positional;
if (!jar) {
  console.error('usage: node bench/startup/run.mjs <launch folder or jar> [runs] [label] [-- java options]');
  process.exit(2);
}

const SEARCH = JSON.stringify({ query: '{ serviceItems(query: "身份证", first: 1) { totalCount } }' });

/** Seconds from spawn to the first 200 answer of { __typename } and to the first search answer; the service is then stopped. */
async function timeToFirstAnswer(dataDir) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(javaBinary(), [...launchArgs(jar, javaOptions), `--server.port=${port}`, '--server.address=127.0.0.1',
    `--tongban.mongodb.embedded.data-dir=${dataDir}`], { stdio: 'ignore' });
  let exited = false;
  child.on('exit', () => { exited = true; });
  try {
    while (!exited && performance.now() - started < 300_000) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST',
          headers: { 'Content-Type': 'application/json' }, body: '{"query":"{ __typename }"}' });
        if (response.status === 200) {
          const answered = (performance.now() - started) / 1000;
          const search = await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST',
            headers: { 'Content-Type': 'application/json' }, body: SEARCH });
          const body = await search.json();
          if (typeof body?.data?.serviceItems?.totalCount !== 'number') throw new Error(`search failed: ${JSON.stringify(body)}`);
          return { answered, searched: (performance.now() - started) / 1000 };
        }
      } catch { /* not listening yet */ }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('no answer within 300 s');
  } finally {
    await new Promise((resolve) => {
      if (exited) return resolve();
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  }
}

const first = [];
const restart = [];
const firstSearch = [];
const restartSearch = [];
for (let run = 0; run < Number(runsArg); run++) {
  const dataDir = mkdtempSync(join(tmpdir(), 'tongban-startup-'));
  const a = await timeToFirstAnswer(dataDir);
  const b = await timeToFirstAnswer(dataDir);
  first.push(a.answered); firstSearch.push(a.searched);
  restart.push(b.answered); restartSearch.push(b.searched);
  rmSync(dataDir, { recursive: true, force: true });
  console.log(`run ${run + 1}: first start ${a.answered.toFixed(1)} s (search ${a.searched.toFixed(1)} s), `
    + `seeded restart ${b.answered.toFixed(1)} s (search ${b.searched.toFixed(1)} s)`);
}
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const result = { scenario: 'startup-to-first-answer', label, javaOptions, date: new Date().toISOString(),
  machine: 'this workplace: 2 cores, 24 GiB', goalsSeconds: { firstStart: 12, seededRestart: 8 },
  firstStartSeconds: first.map((s) => Number(s.toFixed(2))), seededRestartSeconds: restart.map((s) => Number(s.toFixed(2))),
  medianFirstStart: Number(median(first).toFixed(2)), medianSeededRestart: Number(median(restart).toFixed(2)),
  firstSearchSeconds: { firstStart: firstSearch.map((s) => Number(s.toFixed(2))), seededRestart: restartSearch.map((s) => Number(s.toFixed(2))) },
  medianFirstSearch: { firstStart: Number(median(firstSearch).toFixed(2)), seededRestart: Number(median(restartSearch).toFixed(2)) } };
console.log(JSON.stringify(result));
mkdirSync(join(here, '../results'), { recursive: true });
writeFileSync(join(here, '../results', `startup-${label}.json`), JSON.stringify(result, null, 1) + '\n');
