/**
 * The last step of `npm run zip`: `.output/threadlight-<version>-store-listing.zip`, what the stores ask for BESIDE
 * the extension package (in their dashboards, not inside the zip): the listing texts in English and French, the
 * privacy statement, the 1280 × 800 screenshots and the 128 px store icon. See store/README.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { renderIcon } from '../tools/icons.ts';

const root = path.resolve(import.meta.dirname, '..');
const storeDir = path.join(root, 'store');
const SCREENSHOT = { width: 1280, height: 800 };

function fail(message: string): never {
  console.error(`✖ ${message}`);
  process.exit(1);
}

/** PNG width and height, from its IHDR chunk. */
function pngSize(bytes: Buffer): [number, number] {
  if (bytes.toString('latin1', 1, 4) !== 'PNG') return [0, 0];
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

async function main(): Promise<void> {
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  const zip = new JSZip();
  for (const name of ['README.md', 'listing.en.md', 'listing.fr.md', 'privacy.md']) {
    const file = path.join(storeDir, name);
    if (!fs.existsSync(file)) fail(`store/${name} is missing`);
    zip.file(name, fs.readFileSync(file));
  }
  const shots = fs.readdirSync(path.join(storeDir, 'screenshots')).filter((name) => name.endsWith('.png')).sort();
  if (shots.length === 0) fail('no store screenshots: run `npm run store:screenshots`');
  for (const name of shots) {
    const bytes = fs.readFileSync(path.join(storeDir, 'screenshots', name));
    const [width, height] = pngSize(bytes);
    if (width !== SCREENSHOT.width || height !== SCREENSHOT.height) fail(`store/screenshots/${name} is ${width} × ${height}, not ${SCREENSHOT.width} × ${SCREENSHOT.height}`);
    zip.file(`screenshots/${name}`, bytes);
  }
  zip.file('icon-128.png', await renderIcon(fs.readFileSync(path.join(root, 'assets/icon.svg'), 'utf8'), 128));
  // A fixed date: the same inputs give the same zip.
  const date = new Date('2026-01-01T00:00:00Z');
  for (const entry of Object.values(zip.files)) entry.date = date;
  const out = path.join(root, '.output', `threadlight-${version}-store-listing.zip`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  console.log(`✔ ${path.relative(root, out)}: ${Object.keys(zip.files).filter((name) => !name.endsWith('/')).join(', ')}`);
}

main().catch((error: unknown) => fail(error instanceof Error ? (error.stack ?? error.message) : String(error)));
