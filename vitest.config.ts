import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    // jsdom, not happy-dom: DOMPurify >= 3.4.8 sanitizes wrongly under happy-dom (../shared/docs/toolchain.md).
    environment: 'jsdom',
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    mockReset: true,
    restoreMocks: true,
    testTimeout: 60_000,
    setupFiles: ['tests/setup/i18n.ts'],
  },
});
