/**
 * The extension built unminified into .output/bench-readable/ (for `npm run bench -- --profile`): the same config,
 * so the CPU profile names the real functions. Never shipped.
 */
import { defineConfig, type UserConfig } from 'wxt';
import base from '../wxt.config';

const baseVite = base.vite;

export default defineConfig({
  ...base,
  outDir: '.output/bench-readable',
  vite: async (env) => {
    const vite = typeof baseVite === 'function' ? await baseVite(env) : {};
    return { ...vite, build: { ...vite.build, minify: false } };
  },
} satisfies UserConfig);
