// A bank's quick start (中国工商银行青岛分行 opening an account): the resident consents in the app, the
// bank verifies the ID card under that consent, the resident withdraws it, and the bank's webhook
// receiver is told of both, each request signed per Standard Webhooks.
// Usage: node dist/bank.js [service base URL, default http://127.0.0.1:8080]
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { apollo, check, clientCredentials, errorCode, resident } from './tongban.js';
import {
  BankPurposesDocument, DeleteWebhookDocument, GrantDocument, RegisterWebhookDocument, VerifyDocument, WithdrawDocument,
} from './generated.js';

const base = process.argv[2] ?? 'http://127.0.0.1:8080';
const HOLDER = { mobile: '13800000006', idNumber: '370214197809096719' }; // 赵磊
const PURPOSE = 'ICBC-ACCOUNT-OPENING';

/** Standard Webhooks: any v1 signature of `id.timestamp.body` with the secret's key matches. */
function verified(secret: string, id: string, timestamp: string, body: string, header: string): boolean {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
  return header.split(' ').some((signature) => {
    const [version, value] = signature.split(',');
    const given = Buffer.from(value ?? '', 'base64');
    return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
  });
}

type Received = { type: string; data: Record<string, string>; signed: boolean };
const received: Received[] = [];
let secret = '';
const receiver = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    const signed = verified(secret, String(request.headers['webhook-id']), String(request.headers['webhook-timestamp']), body,
      String(request.headers['webhook-signature']));
    const event = JSON.parse(body) as { type: string; data: Record<string, string> };
    received.push({ type: event.type, data: event.data, signed });
    response.writeHead(signed ? 204 : 401).end();
  });
});
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;

console.log(`bank flow against ${base}`);
const bank = apollo(base, await clientCredentials(base, 'icbc-qingdao', 'icbc-demo-secret'));
const app = apollo(base, await resident(base, HOLDER.mobile));

const purposes = await bank.query({ query: BankPurposesDocument });
check(purposes.data.certificatePurposes.some((p) => p.code === PURPOSE), `the bank's purpose ${PURPOSE} is registered`);

const registered = await bank.mutate({ mutation: RegisterWebhookDocument, variables: { url: hookUrl } });
secret = registered.data!.registerWebhookEndpoint.secret;
const endpointId = registered.data!.registerWebhookEndpoint.endpoint.id;
check(secret.startsWith('whsec_'), 'webhook endpoint registered, secret received once');

const granted = await app.mutate({ mutation: GrantDocument, variables: { purpose: PURPOSE, days: 7 } });
const consentId = granted.data!.grantConsent.consent.id;
check(consentId.startsWith('cns_'), 'the resident consented in the app');

const verification = await bank.mutate({
  mutation: VerifyDocument,
  variables: { input: { holderIdNumber: HOLDER.idNumber, certificateType: 'GA-001', purpose: PURPOSE } },
});
const result = verification.data!.verifyCertificate;
check(result.genuine && result.valid, `the ID card is genuine and valid (${result.certificateNumber})`);
check(result.fields.every((f) => ['holderName', 'holderIdNumber', 'gender', 'birthDate'].includes(f.key)),
  'only the purpose\'s fields are disclosed');

await app.mutate({ mutation: WithdrawDocument, variables: { id: consentId } });
try {
  await bank.mutate({
    mutation: VerifyDocument,
    variables: { input: { holderIdNumber: HOLDER.idNumber, certificateType: 'GA-001', purpose: PURPOSE } },
  });
  check(false, 'a withdrawn consent refuses verification');
} catch (error) {
  check(errorCode(error) === 'CONSENT_REQUIRED', 'a withdrawn consent refuses verification (CONSENT_REQUIRED)');
}

const deadline = Date.now() + 30_000;
while (received.length < 2 && Date.now() < deadline) {
  await new Promise((resolve) => setTimeout(resolve, 250));
}
check(received.length === 2, 'the webhook receiver got two events');
check(received.every((event) => event.signed), 'each carries a valid Standard Webhooks signature');
check(received[0].type === 'consent.granted' && received[1].type === 'consent.revoked', 'granted, then revoked, in order');
check(received.every((event) => event.data.consentId === consentId), 'both name the consent by id');

await bank.mutate({ mutation: DeleteWebhookDocument, variables: { id: endpointId } });
receiver.close();
console.log('bank flow: ok');
