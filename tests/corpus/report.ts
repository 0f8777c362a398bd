/**
 * Developer report: parse every corpus, realworld and fixture page and print where the parse differs from the truth.
 * Run: npx tsx tests/corpus/report.ts [filter]
 */
import { closeDocument, corpusPages, diffAgainstTruth, fixturePages, loadDocument, parseDocument, readTruthFile, realworldPages } from './corpus-pages';

const filter = process.argv[2] ?? '';
let failures = 0;
let total = 0;
for (const page of [...corpusPages(), ...realworldPages(), ...fixturePages()]) {
  if (!page.label.includes(filter)) continue;
  total++;
  const truth = readTruthFile(page.truthPath);
  const started = performance.now();
  const doc = loadDocument(page);
  const loaded = performance.now();
  const parse = parseDocument(doc);
  const parsed = performance.now();
  const problems = diffAgainstTruth(parse.comments, truth);
  closeDocument(doc);
  // jsdom frees a closed window only once the event loop turns.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const status = parse.detection.status === 'unreadable' ? `unreadable:${parse.detection.system}` : parse.detection.status;
  const timing = `dom ${Math.round(loaded - started)} ms, parse ${Math.round(parsed - loaded)} ms`;
  if (problems.length > 0) {
    failures++;
    console.log(`FAIL ${page.label} [${status}, ${parse.comments.length} comments, ${timing}]`);
    for (const problem of problems) console.log(`   ${problem}`);
  } else if (process.env.VERBOSE) {
    console.log(`ok   ${page.label} [${status}, ${parse.comments.length} comments, ${timing}]`);
  }
}
console.log(`${total - failures}/${total} pages match their truth`);
