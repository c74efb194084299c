// GraphiQL's browser build and the React it runs on (UMD files, with their licences), put into the
// service's static resources at build time (generate-resources), so /graphiql loads nothing from a
// CDN (政务外网 has none). Served at /graphiql-assets/ and used by src/main/resources/graphiql/index.html.
// The packages come from the npm registry with `npm pack` (the tarballs alone, checked by npm against
// the registry's integrity), pinned below; nothing is fetched when the files are already in place.
// Usage: node fetch-assets.mjs <target/classes>
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PACKAGES = { graphiql: '3.8.3', react: '18.3.1', 'react-dom': '18.3.1' };
const FILES = [
  ['graphiql', 'graphiql.min.js', 'graphiql.min.js'],
  ['graphiql', 'graphiql.min.css', 'graphiql.min.css'],
  ['graphiql', 'LICENSE', 'LICENSE-graphiql.txt'],
  ['react', 'umd/react.production.min.js', 'react.production.min.js'],
  ['react', 'LICENSE', 'LICENSE-react.txt'],
  ['react-dom', 'umd/react-dom.production.min.js', 'react-dom.production.min.js'],
  ['react-dom', 'LICENSE', 'LICENSE-react-dom.txt'],
];

const classes = process.argv[2];
if (!classes) {
  console.error('usage: node fetch-assets.mjs <target/classes>');
  process.exit(2);
}
const out = join(classes, 'static', 'graphiql-assets');
const stamp = join(out, `versions-${Object.entries(PACKAGES).map(([n, v]) => `${n}@${v}`).join('_')}`);
if (existsSync(stamp) && FILES.every(([, , to]) => existsSync(join(out, to)))) {
  process.exit(0);
}
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'tongban-graphiql-'));
try {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['pack', '--silent', '--pack-destination', work,
    ...Object.entries(PACKAGES).map(([name, version]) => `${name}@${version}`)], { stdio: ['ignore', 'ignore', 'inherit'] });
  for (const [name, version] of Object.entries(PACKAGES)) {
    const unpacked = join(work, name);
    mkdirSync(unpacked);
    execFileSync('tar', ['-xzf', join(work, `${name}-${version}.tgz`), '-C', unpacked]);
  }
  for (const [name, from, to] of FILES) {
    copyFileSync(join(work, name, 'package', from), join(out, to));
  }
  writeFileSync(stamp, '');
  console.log(`GraphiQL ${PACKAGES.graphiql} assets in ${out}`);
}
finally {
  rmSync(work, { recursive: true, force: true });
}
