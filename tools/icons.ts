/**
 * The extension's toolbar and store icons: PNGs rendered from the one SVG source (assets/icon.svg) at build time,
 * by resvg compiled to WebAssembly (@resvg/resvg-wasm: an npm package with no native binary and no download at
 * install, so the build works offline on any platform and gives the same bytes everywhere, which the sources zip
 * for add-on review relies on). wxt.config.ts calls it from its `build:publicAssets` hook.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { initWasm, Resvg } from '@resvg/resvg-wasm';

/** Chrome Web Store and addons.mozilla.org sizes: toolbar (16, 32), extensions page (48), store and install (128). */
export const ICON_SIZES = [16, 32, 48, 128] as const;

let ready: Promise<void> | null = null;

function init(): Promise<void> {
  const wasm = createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm');
  ready ??= initWasm(fs.readFileSync(wasm));
  return ready;
}

/** The SVG rendered as a PNG `size` pixels square. */
export async function renderIcon(svg: string, size: number): Promise<Buffer> {
  await init();
  const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: size } });
  const png = resvg.render().asPng();
  return Buffer.from(png);
}

/** Renders every size of `svgFile` into `outDir/<size>.png`; returns the files by size. */
export async function renderIcons(svgFile: string, outDir: string): Promise<Map<number, string>> {
  const svg = fs.readFileSync(svgFile, 'utf8');
  fs.mkdirSync(outDir, { recursive: true });
  const files = new Map<number, string>();
  for (const size of ICON_SIZES) {
    const file = path.join(outDir, `${size}.png`);
    fs.writeFileSync(file, await renderIcon(svg, size));
    files.set(size, file);
  }
  return files;
}
