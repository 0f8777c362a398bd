/**
 * The built extension as the stores and browsers see it: both manifests carry the icons (PNG files of the right
 * size), the only content script every page gets is the small loader, and the install-time permission warning in
 * Chromium is the same one line it was before the loader asked for `scripting` and host access.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import { BROWSERS, launchBrowser } from './lib/browsers.ts';
import { chromeBuildDir, firefoxBuildDir } from './lib/paths.ts';

const SIZES = ['16', '32', '48', '128'];
/** "A few KB": the loader must not pull the rest of Threadlight in (it is 6 KB; the full script is about 150). */
const LOADER_MAX_BYTES = 12 * 1024;

interface Manifest {
  icons?: Record<string, string>;
  action?: { default_icon?: Record<string, string> };
  browser_action?: { default_icon?: Record<string, string> };
  content_scripts?: { matches: string[]; js: string[] }[];
  permissions?: string[];
  host_permissions?: string[];
}

const readManifest = (dir: string) => JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;

function pngSize(file: string): [number, number] {
  const header = fs.readFileSync(file).subarray(0, 24);
  assert.equal(header.toString('latin1', 1, 4), 'PNG', `${file} is a PNG`);
  return [header.readUInt32BE(16), header.readUInt32BE(20)];
}

for (const [name, dir] of [['chrome', chromeBuildDir], ['firefox', firefoxBuildDir]] as const) {
  it(`${name}: the manifest names icons of 16, 32, 48 and 128 px, and the toolbar button 16 and 32`, () => {
    const manifest = readManifest(dir);
    assert.deepEqual(Object.keys(manifest.icons ?? {}).sort(), [...SIZES].sort());
    for (const size of SIZES) assert.deepEqual(pngSize(path.join(dir, manifest.icons![size]!)), [Number(size), Number(size)], `icon ${size}`);
    const button = (manifest.action ?? manifest.browser_action)?.default_icon;
    assert.deepEqual(button, { 16: manifest.icons!['16'], 32: manifest.icons!['32'] });
  });

  it(`${name}: every page gets the loader only; the full content script is in the package for injection`, () => {
    const manifest = readManifest(dir);
    assert.deepEqual(manifest.content_scripts?.map((script) => script.js), [['loader.js']]);
    assert.ok(fs.statSync(path.join(dir, 'loader.js')).size <= LOADER_MAX_BYTES, 'the loader stays a few KB');
    assert.ok(fs.existsSync(path.join(dir, 'content-scripts/content.js')));
    const hosts = [...(manifest.host_permissions ?? []), ...(manifest.permissions ?? []).filter((p) => p.includes('://'))];
    assert.deepEqual(hosts.sort(), ['http://*/*', 'https://*/*'], 'host access: the same sites the loader runs on');
    assert.deepEqual((manifest.permissions ?? []).filter((p) => !p.includes('://')).sort(), ['scripting', 'storage']);
  });
}

it('chromium: the install-time warning did not grow with the loader (scripting + host permissions)', { skip: !BROWSERS.includes('chromium'), timeout: 60_000 }, async () => {
  const manifest = readManifest(chromeBuildDir);
  // The manifest as it was before the loader: the full script declared on every site, `storage` only.
  const before: Manifest = { ...manifest, permissions: ['storage'], content_scripts: [{ matches: ['http://*/*', 'https://*/*'], js: ['content-scripts/content.js'] }] };
  delete before.host_permissions;
  const browser = await launchBrowser('chromium');
  try {
    const [now, then] = await browser.inExtension(
      async (manifests: string[]) => {
        // Available to every extension, without the `management` permission.
        const { management } = (globalThis as unknown as { chrome: { management: { getPermissionWarningsByManifest(m: string): Promise<string[]> } } }).chrome;
        return Promise.all(manifests.map((text) => management.getPermissionWarningsByManifest(text)));
      },
      [JSON.stringify(manifest), JSON.stringify(before)],
    );
    assert.deepEqual(now, then);
    assert.deepEqual(now, ['Read and change all your data on all websites']);
  } finally {
    await browser.close();
  }
});
