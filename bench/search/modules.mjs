// Issue 16: the hand-written search pieces (SynonymTable, NameHighlighter, SearchSuggester) measured
// against the Lucene modules made for the job (SynonymGraphFilter, lucene-highlighter, lucene-suggest)
// on the seed catalogue and the citizen queries: hit rates, agreement and time per call, printed as the
// tables quoted in docs/search.md and written to bench/results/search-modules.txt.
// Usage (after mvn test-compile): node bench/search/modules.mjs
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { javaBinary, testClasspath } from '../lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');
const classpath = testClasspath();
const output = execFileSync(javaBinary(), ['-cp', classpath, 'cn.tongban.catalog.search.SearchModuleComparison', root],
  { cwd: root, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
console.log(output);
mkdirSync(join(here, '../results'), { recursive: true });
writeFileSync(join(here, '../results/search-modules.txt'), `${new Date().toISOString()}\n\n${output}`);
