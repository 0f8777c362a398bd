/**
 * Accessibility on the repository's markup fixtures (third-party themes and plugins): axe-core finds nothing that
 * Threadlight adds, unfolded and folded (how: a11y-checks.ts).
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { check, FIXTURES, fixturePage } from './a11y-checks.ts';
import { inEachBrowser, TEST_TIMEOUT } from './lib/session.ts';

inEachBrowser('accessibility on the markup fixtures (axe-core)', (session) => {
  it('has the fixtures with a thread to check', () => {
    assert.ok(FIXTURES.length >= 20, `fixtures with threads: ${FIXTURES.join(', ')}`);
  });

  // Two halves, each well inside a test's time on a busy machine.
  const half = Math.ceil(FIXTURES.length / 2);
  for (const part of [FIXTURES.slice(0, half), FIXTURES.slice(half)]) {
    it(`adds no violation on ${part[0]} … ${part[part.length - 1]} (${part.length} fixtures), unfolded and folded`, { timeout: 4 * TEST_TIMEOUT }, async () => {
      const problems: string[] = [];
      for (const name of part) problems.push(...(await check(session(), fixturePage(session(), name), `fixture ${name}`, null)));
      assert.deepEqual(problems, []);
    });
  }
});
