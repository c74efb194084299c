// A terminal's quick start (a community gate's code scanner, scenario COMMUNITY): the resident shows
// the code from the app, the terminal scans it and gets only what the scenario discloses (the name
// masked, whether the holder lives in the district), nothing else.
// Usage: node dist/terminal.js [service base URL, default http://127.0.0.1:8080]
import { apollo, check, clientCredentials, errorCode, resident } from './tongban.js';
import { IssueCodeDocument, ScanDocument } from './generated.js';

const base = process.argv[2] ?? 'http://127.0.0.1:8080';
console.log(`terminal flow against ${base}`);
const app = apollo(base, await resident(base, '13800000007')); // 孙丽
const terminal = apollo(base, await clientCredentials(base, 'terminal-community-xg-01', 'terminal-demo-secret'));

const issued = await app.mutate({ mutation: IssueCodeDocument });
const code = issued.data!.issueResidentCode.code;
check(code.startsWith('TB1.'), `the app shows a resident code (valid until ${issued.data!.issueResidentCode.expiresAt})`);

const scanned = await terminal.mutate({ mutation: ScanDocument, variables: { code } });
const result = scanned.data!.scanCode;
check(result.scenario.code === 'COMMUNITY', 'scanned in the community scenario');
check(result.holderKind === 'PERSON' && result.maskedName === '孙*', `the holder, masked: ${result.maskedName}`);
check(result.name == null && result.maskedIdNumber == null, 'nothing the scenario does not disclose');

try {
  await terminal.mutate({ mutation: ScanDocument, variables: { code: 'TB1.not-a-code' } });
  check(false, 'a forged code is refused');
} catch (error) {
  check(errorCode(error) !== undefined, `a forged code is refused (${errorCode(error)})`);
}
console.log('terminal flow: ok');
