/**
 * The e2e harness itself: a mistyped browser list must fail the run, never select zero browsers and pass.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { it } from 'node:test';
import { parseBrowserList } from './lib/browsers.ts';
import { repoRoot } from './lib/paths.ts';

it('E2E_BROWSERS: known names, in any order, de-duplicated', () => {
  assert.deepEqual(parseBrowserList('chromium,firefox'), ['chromium', 'firefox']);
  assert.deepEqual(parseBrowserList(' firefox '), ['firefox']);
  assert.deepEqual(parseBrowserList('firefox,chromium,firefox'), ['firefox', 'chromium']);
});

it('E2E_BROWSERS: an unknown or empty list throws', () => {
  for (const list of ['chrome', 'chromium,chrome', '', ' , ', 'Firefox']) {
    assert.throws(() => parseBrowserList(list), /E2E_BROWSERS/, `"${list}"`);
  }
});

it('E2E_BROWSERS=chrome makes the e2e run fail, not pass with no browser', () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', "await import('./tests/e2e/lib/browsers.ts')"], {
    cwd: repoRoot,
    env: { ...process.env, E2E_BROWSERS: 'chrome', TSX_TSCONFIG_PATH: 'tests/e2e/tsconfig.json' },
    encoding: 'utf8',
  });
  assert.notEqual(run.status, 0, run.stdout + run.stderr);
  assert.match(run.stderr, /E2E_BROWSERS="chrome"/);
});
