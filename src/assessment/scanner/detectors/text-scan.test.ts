import { describe, expect, it } from 'vitest';
import type { ElementId } from '../types.js';
import { SECRET_DETECTORS } from './secrets.js';
import { PREFILTER_WORDS, scanText } from './text-scan.js';

const els = (text: string, el: ElementId) =>
  scanText(text)
    .elements.filter((f) => f.element === el)
    .map((f) => f.value);
const secrets = (text: string) => scanText(text).secrets.map((s) => `${s.type}:${s.value}`);

describe('scanText: personal data', () => {
  it('finds e-mails by the @ anchor and trims punctuation', () => {
    expect(els('mail <Jane.Doe@Example.org>, or (bob@mail.example.co.uk).', 'email')).toEqual(['jane.doe@example.org', 'bob@mail.example.co.uk']);
    expect(els('user@localhost and @handle and a@b', 'email')).toEqual([]);
  });
  it('finds cards with Luhn + IIN, and 12-digit or unknown-range ones only near a card word', () => {
    expect(els('paid with 4111 1111 1111 1111 yesterday', 'payment_card')).toEqual(['4111111111111111']);
    expect(els('ref 630427373398 shipped', 'payment_card')).toEqual([]);
    expect(els('my card 630427373398 is lost', 'payment_card')).toEqual(['630427373398']);
    expect(els('paid with 4111 1111 1111 1112', 'payment_card')).toEqual([]);
  });
  it('finds dashed SSNs alone, bare ones only with context', () => {
    expect(els('SSN 536-90-4399 on file', 'us_ssn')).toEqual(['536904399']);
    expect(els('order 536904399 shipped', 'us_ssn')).toEqual([]);
    expect(els('social security number: 536904399', 'us_ssn')).toEqual(['536904399']);
    expect(els('id 078-05-1120', 'us_ssn')).toEqual([]);
  });
  it('finds SSNs and cards written with dots or followed by more numbers, dotted ones only in their groups (outside review 4)', () => {
    expect(els('Her SSN is 536.22.1234 per the form', 'us_ssn')).toEqual(['536221234']);
    expect(els('ssn 536 22 1234 12/05/1987', 'us_ssn')).toEqual(['536221234']);
    expect(els('SSN 536-22-1234 1980', 'us_ssn')).toEqual(['536221234']);
    expect(els('build 536.22.1234 released', 'us_ssn')).toEqual([]);
    expect(els('SSN 666.22.1234 and 536.00.1234 and 536.22.0000', 'us_ssn')).toEqual([]);
    expect(els('his card 4111.1111.1111.1111 was charged', 'payment_card')).toEqual(['4111111111111111']);
    expect(els('amex 3782.822463.10005 on file', 'payment_card')).toEqual(['378282246310005']);
    expect(els('Card 5555 5555 5555 4444 05/27 cvv 123', 'payment_card')).toEqual(['5555555555554444']);
    expect(els('batch 5555 5555 5555 4444 1234 done', 'payment_card')).toEqual([]);
    expect(els('card 4111.1111.1111.1112 and 4.111.111.111.111.111 and 41111111.11111111', 'payment_card')).toEqual([]);
    // A two-digit birth year only after a birth word.
    expect(els('DOB 05/12/87 on file', 'date_of_birth')).toEqual(['05/12/1987']);
    expect(els('born 12.05.87', 'date_of_birth')).toEqual(['1987-05-12']);
    expect(els('release 12.05.87 shipped', 'date_of_birth')).toEqual([]);
    // The head of a run is an SSN or card only: a phone's first groups are not cut off as a phone.
    expect(els('call 030 12 3456 78', 'phone')).not.toContain('+4930123456');
  });
  it('finds IBANs written compactly, in groups and in lower case', () => {
    expect(els('IBAN DE89 3704 0044 0532 0130 00 please', 'iban')).toEqual(['DE89370400440532013000']);
    expect(els('to gb82west12345698765432.', 'iban')).toEqual(['GB82WEST12345698765432']);
    expect(els('GB82 WEST 1234 5698 7654 32', 'iban')).toEqual(['GB82WEST12345698765432']);
  });
  it('finds IPv4 and IPv6 but not timestamps or versions with leading zeros', () => {
    expect(els('from 106.31.73.20 and 2a00:1450:4001:81c::200e at 12:34:56', 'ip_address').sort()).toEqual(['106.31.73.20', '2a00:1450:4001:81c::200e']);
    expect(els('127.0.0.1 and 01.02.03.04', 'ip_address')).toEqual([]);
  });
  it('counts private, loopback, link-local and documentation addresses apart (issue 20 §7)', () => {
    const r = scanText('from 10.1.2.3, 127.0.0.1, 192.0.2.5, fe80::1ff:fe23:4567:890a and 8.8.8.8').elements;
    expect(r.filter((f) => f.element === 'ip_address').map((f) => f.value)).toEqual(['8.8.8.8']);
    expect(r.filter((f) => f.element === 'ip_address_internal').map((f) => f.kind).sort()).toEqual(['documentation', 'link_local', 'loopback', 'private']);
  });
  it('reports masked and truncated card numbers as payment_card_partial, not as cards', () => {
    expect(els('card ************1234 declined', 'payment_card_partial')).toEqual(['*1234']);
    expect(els('paid with 4111 11** **** 1111', 'payment_card_partial')).toEqual(['411111*1111']);
    expect(els('cc XXXX-XXXX-XXXX-4242, Visa ending in 4242', 'payment_card_partial')).toEqual(['*4242', '*4242']);
    expect(els('phone ending in 1234, password=****, ref 9111********1111', 'payment_card_partial')).toEqual([]);
    expect(els('card ************1234', 'payment_card')).toEqual([]);
  });
  it('finds phones: international, formatted national, and local ones after a phone word', () => {
    expect(els('Desk: +41 (0)96 471 07 95', 'phone')).toEqual(['+41964710795']);
    expect(els('call 202-456-1111 now', 'phone')).toEqual(['+12024561111']);
    expect(els('Phone:\n467 3395', 'phone')).toHaveLength(1);
    expect(els('total 467 3395 items', 'phone')).toEqual([]);
  });
  it('does not read timestamps, dates or house numbers as phones', () => {
    expect(els('When: 2000-04-16 11:34:35 at the club', 'phone')).toEqual([]);
    expect(els('The restaurant is at 17151 2450 Crown St', 'phone')).toEqual([]);
    expect(els("my driver's license number is 2270-66-1551", 'phone')).toEqual([]);
  });
  it('finds dates of birth only with a birth context word', () => {
    expect(els('She was born on 11/22/2000.', 'date_of_birth')).toEqual(['2000-11-22']);
    expect(els('DOB: 1980-03-05', 'date_of_birth')).toEqual(['1980-03-05']);
    expect(els('Invoice date 2000-11-22', 'date_of_birth')).toEqual([]);
  });
  it('finds national IDs after their keyword, validated', () => {
    expect(scanText('NINO: AB 12 34 56 C').elements).toContainEqual({ element: 'national_id', value: 'AB123456C', kind: 'uk_nino', country: 'GB' });
    expect(scanText('Aadhaar 2341 2341 2346').elements[0]).toMatchObject({ kind: 'in_aadhaar' });
    expect(els('NINO: AB 12 34 56 E', 'national_id')).toEqual([]);
  });
  it('finds passport and driving licence numbers after their keyword', () => {
    expect(els('passport number: C01X00T47', 'passport_number')).toEqual(['C01X00T47']);
    expect(els("my driver's license number is 2270-66-1551", 'drivers_license')).toEqual(['2270661551']);
  });
  it('finds names after cues and street addresses by street words (best effort)', () => {
    expect(els('Hello, this is Dr. Kyle Kuefer. Who are you?', 'person_name')).toEqual(['Kyle Kuefer']);
    expect(els('My name is Siiri', 'person_name')).toEqual(['Siiri']);
    expect(els('sung by Bonifacy Kaczmarek in 1977', 'person_name')).toEqual(['Bonifacy Kaczmarek']);
    expect(els('written by hand', 'person_name')).toEqual([]);
    expect(els('She lives at 14 Crown Street, London', 'postal_address')).toEqual(['14 Crown Street, London']);
    expect(els('Wohnt in der Hauptstraße 5 in Berlin', 'postal_address')).toContain('Hauptstraße 5');
    expect(els('Rua do Arenque 1634', 'postal_address')).toContain('Rua do Arenque 1634');
    expect(scanText('My name is Siiri', { people: false }).elements).toEqual([]);
  });
});

describe('scanText: secrets', () => {
  it('prefilters on every secret detector keyword', () => {
    for (const d of SECRET_DETECTORS) for (const k of d.keywords ?? []) expect(PREFILTER_WORDS, `${d.id}: ${k}`).toContain(k);
  });
  it('finds an LDAP {SSHA} hash and a bearer JWT after an Authorization keyword', () => {
    expect(els('userPassword: {SSHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=', 'password_hash')).toEqual(['{SSHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=']);
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
    expect(secrets(`Authorization: Bearer ${jwt}`)).toEqual([`jwt:${jwt}`]);
  });
  it('finds vendor-prefixed tokens', () => {
    const tok = 'ghp_Qm3x9LpV2sR7tK4wZ8yB1cF6hJ0dS5gA2eU7';
    expect(secrets(`export GITHUB_TOKEN=${tok}`)).toContain(`github_token:${tok}`);
    expect(secrets('key AKIAZ7VRSQ5TJBFEXKW2 here')).toEqual(['aws_access_key_id:AKIAZ7VRSQ5TJBFEXKW2']);
    expect(secrets('stripe sk_live_51Hq8ZtK3mVx9LpQr2Wn')).toEqual(['stripe_key:sk_live_51Hq8ZtK3mVx9LpQr2Wn']);
    expect(secrets('AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe')).toEqual(['google_api_key:AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe']);
  });
  it('reports a lone PEM BEGIN line as a suspect, not a secret', () => {
    const f = scanText('-----BEGIN RSA PRIVATE KEY-----', { people: false }).secrets;
    expect(f).toEqual([expect.objectContaining({ type: 'private_key', kind: 'header_only', suspect: true })]);
  });
  it('rejects placeholders: documented examples, fills, sequences (issue 14 §2)', () => {
    expect(secrets('key AKIAIOSFODNN7EXAMPLE here')).toEqual([]);
    expect(secrets('aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')).toEqual([]);
    expect(secrets('ghp_abcdefghijklmnopqrstuvwxyzABCDEFGHIJ')).toEqual([]);
    expect(secrets(`token: ghp_${'x'.repeat(36)}`)).toEqual([]);
    expect(secrets('sk_live_AAAAAAAAAAAAAAAAAAAAAAAA')).toEqual([]);
    expect(secrets('stripe sk_test_4eC39HqLyjWDarjtT1zdp7dc')).toEqual([]);
  });
  it('checks JWT headers', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
    expect(secrets(`Authorization: Bearer ${jwt}`)).toContain(`jwt:${jwt}`);
    expect(secrets('eyJub3RhbGciOjF9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abc')).toEqual([]);
  });
  it('finds the AWS secret key only near an AWS keyword', () => {
    const k = 'kQ3vZ8pL2mN7xR4tY9wB1cF6hJ0dS5gA/eU+iO3k';
    expect(secrets(`aws_secret_access_key = ${k}`)).toEqual([`aws_secret_access_key:${k}`]);
    expect(secrets(`some_key = ${k}`)).toEqual([]);
  });
  it('finds generic keyword = value secrets above the entropy threshold, not placeholders', () => {
    const found = scanText('db_password="Xk9#mQ2$vL7pR4t" host=db');
    expect(found.secrets).toEqual([{ type: 'generic_secret', value: 'Xk9#mQ2$vL7pR4t', family: 'generic_secret', provider: 'generic' }]);
    expect(found.elements).toContainEqual({ element: 'password', value: 'Xk9#mQ2$vL7pR4t' });
    expect(secrets('password=$' + '{DB_PASSWORD}')).toEqual([]);
    expect(secrets('password: changeme')).toEqual([]);
    expect(secrets('token = aaaaaaaaaaaa')).toEqual([]);
  });
  it('finds structured password hashes', () => {
    const h = '$2b$12$KIXQJQzJ0Z5bG1nQ0b8b5uQ9yq3Yk1v6z1b2c3d4e5f6g7h8i9j0k';
    expect(els(`user:${h}:1000`, 'password_hash')).toEqual([h]);
  });
  it('does not take the password@host of a connection string for an e-mail address', () => {
    const r = scanText('DATABASE_URL=postgres://app:Qm3x9LpV2sR7@db.internal:5432/prod', { people: false });
    expect(r.elements).toEqual([]);
    expect(r.secrets.map((f) => f.type)).toEqual(['database_url']);
    expect(els('mail ann@example.org:8080', 'email')).toEqual(['ann@example.org']);
  });
  it('does not read the next field of a log line as the value of an auth/token key', () => {
    expect(secrets('2026-03-11T10:19:47.474Z INFO  auth.login user=jennifer.weber3@example.com ip=88.250.249.196 session=205151892727 ok')).toEqual([]);
    expect(secrets('token refresh user=Qm3x9LpV2sR7tK4wZ8yB ok')).toEqual([]);
  });
  it('returns nothing for ordinary log lines', () => {
    const line = '2024-05-01T12:00:01.123Z INFO [http-nio-8080-exec-3] c.e.RequestLogger - GET /api/orders status=200 dur=35ms bytes=1234 req=3f2a9c';
    expect(scanText(line)).toEqual({ elements: [], secrets: [] });
  });
});

describe('scanText: hostile input', () => {
  // Each of these once made a per-hit regex rescan the rest of the input (quadratic); they must
  // now come back with nothing found (the runner's timeout catches a regression).
  it.each([
    ['eyJ runs', 'eyJ'.repeat(200_000)],
    ['$2b$ runs', '$2b$'.repeat(200_000)],
    ['@ runs', 'a@'.repeat(300_000)],
    ['hex colons', 'fe80:'.repeat(100_000)],
    ['separators', '-'.repeat(500_000)],
    ['NUL and astral', 'ä😀\u0000'.repeat(100_000)],
    ['PEM BEGIN runs', '-----BEGIN PRIVATE KEY----- '.repeat(20_000)],
    ['service_account runs', '"service_account" '.repeat(50_000)],
    ['URL runs', 'https://a:b@'.repeat(50_000)],
  ])('%s', (_name, text) => {
    const r = scanText(text);
    // A lone BEGIN line is a suspect (header only), never a secret.
    expect(r.secrets.filter((f) => !f.suspect)).toEqual([]);
    expect(r.elements.filter((e) => e.element !== 'postal_address' && e.element !== 'person_name')).toEqual([]);
  });
  it('still finds a token after a long base64 run', () => {
    const tok = 'ghp_Qm3x9LpV2sR7tK4wZ8yB1cF6hJ0dS5gA2eU7';
    expect(secrets(`${'eyJ'.repeat(10_000)} ${tok}`)).toEqual([`github_token:${tok}`]);
  });
});

describe('scanText: context words are whole words', () => {
  it('does not take "company", "cancelled" or "database" as card, phone or routing context', () => {
    expect(els('company 630427373398 shipped', 'payment_card')).toEqual([]);
    expect(els('cancelled 467 3395 items', 'phone')).toEqual([]);
    expect(els('database 021000021', 'us_routing_number')).toEqual([]);
    expect(els('ABA routing 021000021', 'us_routing_number')).toEqual(['021000021']);
  });
});

describe('national IDs in free text: only the kind the context word names (issue 14 §4)', () => {
  const ids = (t: string) => scanText(t).elements.filter((f) => f.element === 'national_id').map((f) => `${f.kind}:${f.value}`);
  it('checks a BSN only as a BSN and a SIN only as a SIN', () => {
    // 046 454 286 passes the SIN's Luhn check but not the BSN's 11-test; 111222333 the reverse.
    expect(ids('my BSN: 046454286')).toEqual([]);
    expect(ids('my BSN: 111222333')).toEqual(['nl_bsn:111222333']);
    expect(ids('SIN: 111222333')).toEqual([]);
    expect(ids('SIN 046 454 286 ok')).toEqual(['ca_sin:046454286']);
    expect(ids('national id 046 454 286')).toEqual(['ca_sin:046454286']);
  });
  it('finds an Indian PAN and an Australian TFN after their words, not as phones', () => {
    expect(ids('PAN: ABCPD1234E on file')).toEqual(['in_pan:ABCPD1234E']);
    const r = scanText('TFN 123 456 782 lodged');
    expect(r.elements.map((f) => `${f.element}:${f.kind ?? ''}`)).toEqual(['national_id:au_tfn']);
    expect(ids('TFN 123 456 783')).toEqual([]);
  });
});

describe('e-mail in log lines (issue 20 §7): the same value as in a table', () => {
  it('does not take user=, quotes, slashes or a non-ASCII word into the local part', () => {
    const mails = (t: string) => scanText(t).elements.filter((f) => f.element === 'email').map((f) => f.value);
    for (const t of ['login ok user=Jane.Doe42@Example.com ip=10.0.0.1', "reset email='jane.doe42@example.com'", 'queued to=<jane.doe42@example.com>', 'user/jane.doe42@example.com'])
      expect(mails(t), t).toEqual(['jane.doe42@example.com']);
    expect(mails("publickey for o'brien+tag@mail.example.co.uk")).toEqual(["o'brien+tag@mail.example.co.uk"]);
    expect(mails('für jürgen.x@example.com')).toEqual([]);
  });
});
