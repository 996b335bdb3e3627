// The HTML reports in headless Chromium (make browser): the report of the
// sample cases and the diff report of Hubei against Yichang load with no
// console error and no request for anything outside the file; choosing a
// verdict in the filter shows exactly the cases with that verdict, as
// `rongcuo run --format json` (or `diff --format json`) of the same cases
// counts them; a click on a heading sorts the table; a screenshot of each
// is saved in build/.
//
//   node tests/browser/report.js RONGCUO
//
// puppeteer-core comes from build/browser/node_modules (sh tests/deps.sh
// browser); the browser is Debian's chromium (CHROMIUM overrides).
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');
const build = path.join(root, 'build');
const puppeteer = require(path.join(build, 'browser', 'node_modules', 'puppeteer-core'));
const rongcuo = path.resolve(process.argv[2] || path.join(build, 'rongcuo'));
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
const cases = fs.readdirSync(path.join(root, 'rules', 'cases'))
  .filter((f) => f.endsWith('.case')).sort()
  .map((f) => path.join('rules', 'cases', f));

let passed = 0, failed = 0;
function check(ok, what) {
  if (ok) { passed++; return; }
  failed++;
  console.log('FAIL: ' + what);
}

function rongcuoRun(args) {
  const r = spawnSync(rongcuo, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0 && r.status !== 1)
    throw new Error('rongcuo ' + args.join(' ') + ': exit ' + r.status + '\n' + r.stderr);
  return r.stdout;
}

// The number of cases each option of the filter should show: its value is
// v and the verdict's index (its text: the verdict's name), u for
// undetermined, e for an error, n for no verdict.
function expected(states) {
  const n = new Map();
  for (const s of states) {
    const k = s.status === 'error' ? 'e' : s.status === 'undetermined' ? 'u'
      : s.verdict === null ? 'n' : 'v:' + s.verdict;
    n.set(k, (n.get(k) || 0) + 1);
  }
  return n;
}

function wantOf(want, o) {
  return want.get(o.value.startsWith('v') ? 'v:' + o.text : o.value) || 0;
}

async function load(browser, file, shot) {
  const page = await browser.newPage();
  const errors = [], outside = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => { if (!r.url().startsWith('file:')) outside.push(r.url()); });
  await page.setViewport({ width: 1200, height: 900 });
  await page.goto('file://' + file, { waitUntil: 'load' });
  return { page, errors, outside, shot };
}

// Every option of the filter: the rows and explanations shown are exactly
// those of its verdict, as many as expected.
async function filters(page, want, name) {
  const options = await page.$$eval('#filter option', (os) =>
    os.map((o) => ({ value: o.value, text: o.textContent })));
  check(options.length > 1, name + ': the filter has verdicts');
  let total = 0;
  for (const o of options.filter((x) => x.value !== '')) {
    await page.select('#filter', o.value);
    const seen = await page.$$eval('#cases tbody tr', (rs) => rs
      .filter((r) => !r.hidden && r.offsetParent !== null)
      .map((r) => ({ v: r.dataset.v, cells: [...r.cells].map((c) => c.textContent) })));
    const det = await page.$$eval('details.case', (ds) => ds
      .filter((d) => !d.hidden && d.offsetParent !== null).map((d) => d.dataset.v));
    check(seen.every((r) => r.v === o.value), name + ': ' + o.text + ': only its rows');
    check(det.every((v) => v === o.value), name + ': ' + o.text + ': only its explanations');
    check(seen.length === wantOf(want, o),
      name + ': ' + o.text + ': ' + seen.length + ' rows, expected ' + wantOf(want, o));
    total += seen.length;
  }
  const all = [...want.values()].reduce((a, b) => a + b, 0);
  check(total === all, name + ': the verdicts cover ' + total + ' of ' + all + ' cases');
  await page.select('#filter', '');
  const rows = await page.$$eval('#cases tbody tr', (rs) => rs.filter((r) => !r.hidden).length);
  check(rows === all, name + ': all shows every case');
}

// A click on the first heading sorts by number, up then down.
async function sorting(page, name) {
  const firsts = [];
  for (let i = 0; i < 2; i++) {
    await page.click('#cases thead th');
    firsts.push(await page.$eval('#cases tbody tr td', (c) => Number(c.textContent)));
  }
  const n = await page.$$eval('#cases tbody tr', (rs) => rs.length);
  check(firsts[0] === 1 && firsts[1] === n, name + ': sorting by number: ' + firsts);
}

async function finish(r, name) {
  check(r.errors.length === 0, name + ': console errors: ' + r.errors.join('; '));
  check(r.outside.length === 0, name + ': requests outside the file: ' + r.outside.join(' '));
  await r.page.screenshot({ path: r.shot, fullPage: true });
  console.log(name + ': screenshot ' + path.relative(root, r.shot));
  await r.page.close();
}

async function main() {
  fs.mkdirSync(build, { recursive: true });
  const report = path.join(build, 'report.html');
  const diff = path.join(build, 'report-diff.html');
  rongcuoRun(['run', '--format', 'html', '-q', '-o', report, 'rules/hubei.rules', ...cases]);
  rongcuoRun(['diff', '--format', 'html', '-o', diff, 'rules/hubei.rules', 'rules/yichang.rules', ...cases]);
  const runJson = rongcuoRun(['run', '--format', 'json', '-q', 'rules/hubei.rules', ...cases])
    .split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const diffJson = rongcuoRun(['diff', '--format', 'json', 'rules/hubei.rules', 'rules/yichang.rules', ...cases])
    .split('\n').filter(Boolean).map((l) => JSON.parse(l)).filter((o) => 'case' in o);
  const browser = await puppeteer.launch({
    executablePath: chromium, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--allow-file-access-from-files'],
  });
  try {
    for (const [file, states, name] of [[report, runJson, 'run'],
      [diff, diffJson.map((o) => o.new), 'diff']]) {
      const r = await load(browser, file, file.replace(/\.html$/, '.png'));
      await filters(r.page, expected(states), name);
      await sorting(r.page, name);
      await finish(r, name);
    }
  } finally {
    await browser.close();
  }
  console.log('browser: ' + passed + ' passed, ' + failed + ' failed');
  process.exit(failed ? 1 : 0);
}

main().catch((e) => { console.log(String(e && e.stack || e)); process.exit(1); });
