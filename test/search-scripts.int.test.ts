// Search finds what it stores, in every script (issue 11): a name is found by its exact text and by
// the prefix of any of its words, whatever the script, case or accents, through every door that
// writes a name; and no search text is an internal error.
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../src/db/migrate.js';
import { importEcosystem } from '../src/interchange/import.js';
import { expectData, runOperation } from './support/api.js';
import { removeByPrefix, testExecutor, uniquePrefix } from './support/db.js';

const db = testExecutor();
const px = uniquePrefix('scripts');
// A made-up Latin word per run, so a test can tell its own nodes from everyone else's.
const word = Array.from({ length: 9 }, () => String.fromCharCode(97 + randomInt(26))).join('');
const Word = word[0]!.toUpperCase() + word.slice(1);

const SEARCH = `query($text: String!, $first: Int) { search(text: $text, first: $first) { node {
  __typename ... on Partner { id } ... on Capability { id } ... on Customer { id } ... on Solution { id } } } }`;

/** The ids of this file's nodes among the hits (ids carry the run's prefix). */
async function found(text: string): Promise<string[]> {
  const { data } = await expectData(db, SEARCH, { text, first: 100 });
  return data.search
    .map((h: any) => h.node.id as string)
    .filter((id: string) => id.startsWith(px))
    .sort();
}

// Each name, and texts that must find it: the exact text, prefixes of its words, other cases and
// accents, full-width forms. A few per script; the unit tests try every word prefix.
const NAMES: { key: string; name: string; finds: string[] }[] = [
  { key: 'ja', name: '星川製作所', finds: ['星川製作所', '星川', '製作所', '星川製', '製作', '星'] },
  {
    key: 'ja2',
    name: '東京スカイツリー株式会社',
    finds: ['東京スカイツリー株式会社', 'スカイツリー', '株式会社', '東京スカイ', 'ツリー', 'スカイ'],
  },
  { key: 'zh', name: '华为技术有限公司', finds: ['华为技术有限公司', '华为', '技术', '有限公司'] },
  { key: 'th', name: 'บริษัทไทยเบฟเวอเรจ จำกัด', finds: ['บริษัทไทยเบฟเวอเรจ จำกัด', 'ไทย', 'ไทยเบฟ', 'เบฟเวอเรจ', 'จำกัด', 'บริษัท', 'บริษั'] },
  {
    key: 'th2',
    name: 'น้ำตาลมิตรผล ปูนซิเมนต์ไทย',
    finds: ['น้ำตาลมิตรผล ปูนซิเมนต์ไทย', 'น้ำตาล', 'น้ำ', 'มิตรผล', 'มิตร', 'ซิเมนต์', 'ปูนซิเมนต์ไทย', 'ไทย'],
  },
  { key: 'hi', name: 'हिन्दी कंपनी लिमिटेड', finds: ['हिन्दी कंपनी लिमिटेड', 'हिन्दी', 'हिन', 'कंपनी', 'लिमि'] },
  { key: 'tr', name: 'İstanbul Ticaret', finds: ['İstanbul Ticaret', 'İstanbul', 'istanbul', 'ISTANBUL', 'ıstanbul', 'ista', 'TİCARET'] },
  { key: 'fr', name: 'Société Générale', finds: ['Société Générale', 'Societe', 'société', 'SOCIÉTÉ', 'SOCIETE GENERALE', 'gén', 'Socie'] },
  { key: 'vi', name: 'Công ty Việt Nam', finds: ['Công ty Việt Nam', 'viet', 'Việt', 'cong ty'] },
  { key: 'de', name: 'Straße Łódź Ærø', finds: ['Straße Łódź Ærø', 'strasse', 'STRASSE', 'lodz', 'Łódź', 'aero'] },
  { key: 'el', name: 'Ελληνική Εταιρεία', finds: ['Ελληνική Εταιρεία', 'ελληνικη', 'ΕΛΛΗΝΙΚΉ', 'εταιρ'] },
  { key: 'ru', name: 'Газпром нефть', finds: ['Газпром нефть', 'газпром', 'ГАЗ', 'нефть'] },
  { key: 'ar', name: 'شركة الاتصالات السعودية', finds: ['شركة الاتصالات السعودية', 'شركة', 'الاتصا', 'السعودية'] },
  { key: 'ko', name: '한국전력공사 서울', finds: ['한국전력공사 서울', '한국전력공사', '한국', '서울'] },
  { key: 'fw', name: 'ＡＢＣ ﾄﾖﾀ', finds: ['ＡＢＣ ﾄﾖﾀ', 'abc', 'ABC', 'トヨタ', 'ﾄﾖﾀ', 'ＡＢ'] },
  { key: 'mix', name: 'AT&T Ōsaka-branch', finds: ['AT&T Ōsaka-branch', 'AT&T', 'at', 'osaka', 'branch', 'Osaka branch'] },
];

async function waitForIndex(text: string, count: number): Promise<void> {
  for (let i = 0; i < 50; i++) {
    if ((await found(text)).length >= count) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('search in every script', () => {
  beforeAll(async () => {
    for (const { key, name } of NAMES) {
      await expectData(db, `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { errors { message } } }`, {
        input: { id: `${px}-${key}`, name },
      });
    }
    await db.runText('CALL db.awaitIndexes(60)');
  });
  afterAll(() => removeByPrefix(db, px));

  it.each(NAMES)('finds $name by its exact text and by the prefix of any of its words ($key)', async ({ key, name, finds }) => {
    await waitForIndex(name, 1);
    for (const text of finds) expect(await found(text), `search ${JSON.stringify(text)}`).toContain(`${px}-${key}`);
  });

  it('still requires every word, in every script', async () => {
    expect(await found('Société Zzyzxq')).toEqual([]);
    expect(await found('星川 東京')).toEqual([]);
    expect(await found('ไทย สยาม')).toEqual([]);
    // A word that is not at the start of a word of the name is not a prefix.
    expect(await found('ciété')).not.toContain(`${px}-fr`);
  });
});

describe('every door writes what search reads', () => {
  const ids = {
    p: `${px}-door-p`,
    c: `${px}-door-c`,
    u: `${px}-door-u`,
    s: `${px}-door-s`,
    saved: `${px}-door-saved`,
    imported: `${px}-door-imp`,
  };
  afterAll(() => removeByPrefix(db, px));

  it('create, update, saveSolution and the import', async () => {
    const create = async (mutation: string, type: string, input: object) =>
      expectData(db, `mutation($input: ${type}!) { ${mutation}(input: $input) { errors { path message } } }`, { input });
    await create('createPartner', 'CreatePartnerInput', { id: ids.p, name: `${Word} Réseaux`, types: ['TECHNOLOGY'] });
    await create('createCapability', 'CreateCapabilityInput', { id: ids.c, name: `${Word} Übersetzung` });
    await create('createCustomer', 'CreateCustomerInput', { id: ids.u, name: `${Word} 星川製作所` });
    await create('createSolution', 'CreateSolutionInput', { id: ids.s, name: `${Word} ไทยเบฟ` });
    const saved = await expectData(db, `mutation($input: SaveSolutionInput!) { saveSolution(input: $input) { errors { message } } }`, {
      input: { id: ids.saved, name: `${Word} İzmir`, capabilityIds: [ids.c], members: [{ partnerId: ids.p }] },
    });
    expect(saved.data.saveSolution.errors).toEqual([]);
    const imported = await importEcosystem(db, { formatVersion: 1, customers: [{ id: ids.imported, name: `${Word} Ñandú` }] });
    expect(imported.ok).toBe(true);
    await waitForIndex(word, 6);
    expect(await found(`${word} reseaux`)).toEqual([ids.p]);
    expect(await found(`${word} ubersetz`)).toEqual([ids.c]);
    expect(await found(`${word} 製作所`)).toEqual([ids.u]);
    expect(await found(`${word} เบฟ`)).toEqual([ids.s]);
    expect(await found(`${word} izmir`)).toEqual([ids.saved]);
    expect(await found(`${word} nandu`)).toEqual([ids.imported]);

    // A rename is found by the new name only.
    const update = (mutation: string, type: string, input: object) =>
      expectData(db, `mutation($input: ${type}!) { ${mutation}(input: $input) { errors { path message } } }`, { input });
    await update('updatePartner', 'UpdatePartnerInput', { id: ids.p, name: `${Word} Škoda` });
    await update('updateCapability', 'UpdateCapabilityInput', { id: ids.c, name: `${Word} Çeviri` });
    await update('updateCustomer', 'UpdateCustomerInput', { id: ids.u, name: `${Word} 東京` });
    await update('updateSolution', 'UpdateSolutionInput', { id: ids.s, name: `${Word} Ağ` });
    // Updating other fields leaves the name and its searchName alone.
    await update('updateCustomer', 'UpdateCustomerInput', { id: ids.u, industry: 'RETAIL' });
    expect(await found(`${word} skoda`)).toEqual([ids.p]);
    expect(await found(`${word} ceviri`)).toEqual([ids.c]);
    expect(await found(`${word} 東京`)).toEqual([ids.u]);
    expect(await found(`${word} ag`)).toEqual([ids.s]);
    for (const old of ['reseaux', 'ubersetz', '製作所', 'เบฟ']) expect(await found(`${word} ${old}`)).toEqual([]);
  });

  it('names written before searchName existed are found after start-up (the migration)', async () => {
    // An old database: the old index and names without searchName.
    await db.runText(
      `CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Partner|Capability|Customer|Solution) ON EACH [n.name]`,
      {},
      'WRITE',
    );
    await db.runText(`CREATE (:Customer {id: $id, name: $name})`, { id: `${px}-old`, name: `${Word} Ålesund Ürün` }, 'WRITE');
    expect(await found(`${word} alesund`)).toEqual([]);
    await applyMigrations(db);
    expect(await found(`${word} alesund urun`)).toEqual([`${px}-old`]);
    const indexes = await db.runText<{ name: string }>(`SHOW FULLTEXT INDEXES YIELD name RETURN name`);
    expect(indexes.map((i) => i.name)).toContain('entity_search_names');
    expect(indexes.map((i) => i.name)).not.toContain('entity_names');
  });
});

describe('no search text is an internal error', () => {
  const long = `${px}-long`;
  const longWord = `${Word}${'ö'.repeat(150)}`;
  beforeAll(async () => {
    await expectData(db, `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { errors { message } } }`, {
      input: { id: long, name: `${longWord} Bank` },
    });
    await waitForIndex(word, 1);
  });
  afterAll(() => removeByPrefix(db, px));

  it('searches a long word by prefix, without the typo clause', async () => {
    expect(await found(longWord)).toEqual([long]);
    expect(await found(`${longWord.toUpperCase()} bank`)).toEqual([long]);
    // 2,000 letters: the first 64 are the word's prefix, as in the stored name.
    expect(await found(`${word}${'o'.repeat(2000 - word.length)}`)).toEqual([long]);
    for (const text of [
      'x'.repeat(2000),
      'ab'.repeat(1000),
      '星'.repeat(2000),
      'ไทย'.repeat(666),
      'ö'.repeat(2000).normalize('NFD').slice(0, 2000),
    ]) {
      const result = await runOperation(db, SEARCH, { text });
      expect(result.errors, `a ${text.length}-letter word`).toBeUndefined();
    }
  });

  it('refuses a text longer than 2,000 characters as BAD_USER_INPUT at its path', async () => {
    const result = await runOperation(db, SEARCH, { text: 'x'.repeat(2001) });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', path: ['text'] });
  });

  it('answers very many words, Lucene syntax, punctuation only and blank text', async () => {
    const many = Array.from({ length: 200 }, (_, i) => `w${i}`).join(' ');
    const texts = [
      many,
      `${word} `.repeat(150),
      '&& || ! ( ) { } [ ] ^ " ~ * ? : \\ /',
      '***',
      '~~~',
      '.,;!?',
      '   ',
      '',
      '\u3000\t\n',
      '\u0000\u0001',
      '\u200d\u200c',
      '\u0301\u0308',
    ];
    for (const text of texts) {
      const result = await runOperation(db, SEARCH, { text });
      expect(result.errors, `text ${JSON.stringify(text.slice(0, 40))}`).toBeUndefined();
    }
    // Only the first 32 words are required: the long name is found after 40 copies of its word.
    expect(await found(`${word} `.repeat(40) + 'nothing')).toEqual([long]);
  });
});
