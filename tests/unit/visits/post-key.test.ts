import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { normalizePostUrl, postIdentity } from '@/utils/visits/post-key';
import { closeDocument, corpusPages, loadDocument, realworldPages, readTruthFile } from '../../corpus/corpus-pages';
import { sharedOrNotice } from '../../shared-material';

const POST = 'https://blog.example/2024/05/my-post/';

/** A document whose head holds `head`. */
function page(head: string): Document {
  return new JSDOM(`<!doctype html><html><head>${head}</head><body><p>post</p></body></html>`).window.document;
}
const bare = page('');
const keyOf = (url: string, doc: Document = bare) => postIdentity(doc, url);

describe('post key from the page URL', () => {
  it.each([
    ['https://blog.example/2024/05/my-post/', 'blog.example/2024/05/my-post'],
    ['http://blog.example/2024/05/my-post', 'blog.example/2024/05/my-post'],
    ['https://www.blog.example/2024/05/my-post/', 'blog.example/2024/05/my-post'],
    ['https://BLOG.example/2024/05/my-post/#comment-42', 'blog.example/2024/05/my-post'],
    ['https://blog.example/2024/05/my-post/comment-page-3/', 'blog.example/2024/05/my-post'],
    ['https://blog.example/2024/05/my-post/comment-page-3/#comments', 'blog.example/2024/05/my-post'],
    ['https://blog.example/2024/05/my-post/comment-page-12', 'blog.example/2024/05/my-post'],
    ['https://blog.example/2024/05/my-post/?cpage=2#comment-7', 'blog.example/2024/05/my-post'],
    ['https://blog.example/2024/05/my-post/?replytocom=42#respond', 'blog.example/2024/05/my-post'],
    ['https://blog.example/2024/05/my-post/?unapproved=88&moderation-hash=abc123#comment-88', 'blog.example/2024/05/my-post'],
    ['https://blog.example/2024/05/my-post/?utm_source=feed&utm_medium=rss&utm_campaign=x', 'blog.example/2024/05/my-post'],
    ['https://blog.example/2024/05/my-post/?fbclid=IwAR0abc&gclid=xyz&mc_cid=1&mc_eid=2', 'blog.example/2024/05/my-post'],
    ['https://blog.example/2024/05/my-post/?UTM_Source=x&_ga=1.2&pk_campaign=c&mtm_kwd=k', 'blog.example/2024/05/my-post'],
    ['https://blog.example/2024/05/my-post/amp/', 'blog.example/2024/05/my-post'],
    ['https://blog.example/2024/05/my-post/?amp=1', 'blog.example/2024/05/my-post'],
    ['https://blog.example/?p=8', 'blog.example?p=8'],
    ['https://blog.example/?p=8&cpage=2&replytocom=5#comment-9', 'blog.example?p=8'],
    ['https://blog.example/index.php?utm_source=x&p=8', 'blog.example/index.php?p=8'],
    ['https://blog.example/?page_id=5&p=8', 'blog.example?p=8&page_id=5'],
    ['https://blog.example:8443/post/', 'blog.example:8443/post'],
    ['https://blog.example:443/post/', 'blog.example/post'],
  ])('%s → %s', (url, key) => {
    expect(keyOf(url)).toEqual({ key, source: 'url' });
  });

  it('keeps what tells posts apart: the path, its case, meaningful parameters, the port, subdomains', () => {
    const keys = [
      'https://blog.example/2024/05/my-post/',
      'https://blog.example/2024/05/My-Post/',
      'https://blog.example/2024/05/other-post/',
      'https://blog.example/?p=8',
      'https://blog.example/?p=9',
      'https://blog.example:8080/2024/05/my-post/',
      'https://news.blog.example/2024/05/my-post/',
      'https://blog.example/amp/',
    ].map((url) => keyOf(url)!.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('is null for pages that are not on the web', () => {
    for (const url of ['file:///home/me/post.html', 'about:blank', 'chrome-extension://abc/popup.html', 'not a url']) {
      expect(keyOf(url)).toBeNull();
    }
  });

  it('shortens very long keys with a stable hash', () => {
    const long = `https://blog.example/${'a'.repeat(600)}/`;
    const other = `https://blog.example/${'a'.repeat(599)}b/`;
    const key = keyOf(long)!.key;
    expect(key.length).toBeLessThanOrEqual(400);
    expect(keyOf(long)!.key).toBe(key);
    expect(keyOf(other)!.key).not.toBe(key);
  });
});

describe('post key from what the page claims', () => {
  it('prefers the canonical link, normalized like a URL', () => {
    const doc = page('<link rel="canonical" href="https://blog.example/2024/05/my-post/comment-page-2/#comments">');
    expect(postIdentity(doc, 'https://blog.example/?p=8&cpage=2&utm_source=x')).toEqual({
      key: 'blog.example/2024/05/my-post',
      source: 'canonical',
    });
  });

  it('resolves a relative canonical and reads rel case-insensitively among other tokens', () => {
    const doc = page('<link rel="Alternate CANONICAL" href="/2024/05/my-post/">');
    expect(postIdentity(doc, 'https://blog.example/?p=8')).toEqual({ key: 'blog.example/2024/05/my-post', source: 'canonical' });
  });

  it('falls back to og:url, then to the WordPress shortlink', () => {
    const og = page('<meta property="og:url" content="https://blog.example/2024/05/my-post/">');
    expect(postIdentity(og, 'https://blog.example/?p=8')).toEqual({ key: 'blog.example/2024/05/my-post', source: 'og:url' });
    const short = page("<link rel='shortlink' href='https://blog.example/?p=8'>");
    expect(postIdentity(short, 'https://blog.example/2024/05/my-post/?cpage=2')).toEqual({
      key: 'blog.example?p=8',
      source: 'shortlink',
    });
  });

  it("ignores another site's canonical, og:url and shortlink (a page cannot borrow another blog's record)", () => {
    const doc = page(`
      <link rel="canonical" href="https://victim.example/2024/05/their-post/">
      <meta property="og:url" content="https://victim.example/2024/05/their-post/">
      <link rel="shortlink" href="https://victim.example/?p=8">`);
    expect(postIdentity(doc, 'https://evil.example/copy/')).toEqual({ key: 'evil.example/copy', source: 'url' });
    // A sibling subdomain (a blog host's other tenant) is another site too.
    const tenant = page('<link rel="canonical" href="https://bob.host.example/post/">');
    expect(postIdentity(tenant, 'https://alice.host.example/post/')).toEqual({ key: 'alice.host.example/post', source: 'url' });
  });

  it('accepts a canonical that differs only by www. or scheme', () => {
    const doc = page('<link rel="canonical" href="http://www.blog.example/2024/05/my-post/">');
    expect(postIdentity(doc, POST)).toEqual({ key: 'blog.example/2024/05/my-post', source: 'canonical' });
  });

  it("ignores a canonical pointing at the site's home page from a post (SEO plugin misconfiguration)", () => {
    const doc = page('<link rel="canonical" href="https://blog.example/"><meta property="og:url" content="https://blog.example/">');
    expect(postIdentity(doc, POST)).toEqual({ key: 'blog.example/2024/05/my-post', source: 'url' });
    // …but the home page itself may say so.
    expect(postIdentity(doc, 'https://blog.example/?utm_source=x')).toEqual({ key: 'blog.example', source: 'canonical' });
  });

  it('ignores conflicting canonicals, and claims that are not web addresses', () => {
    const conflicting = page(
      '<link rel="canonical" href="https://blog.example/a/"><link rel="canonical" href="https://blog.example/b/">' +
        '<meta property="og:url" content="https://blog.example/b/">',
    );
    expect(postIdentity(conflicting, POST)).toEqual({ key: 'blog.example/b', source: 'og:url' });
    const junk = page('<link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="">');
    expect(postIdentity(junk, POST)).toEqual({ key: 'blog.example/2024/05/my-post', source: 'url' });
    // The same canonical twice is no conflict.
    const twice = page('<link rel="canonical" href="/a/"><link rel="canonical" href="https://blog.example/a">');
    expect(postIdentity(twice, POST)).toEqual({ key: 'blog.example/a', source: 'canonical' });
  });

  it('uses only shortlinks that name a post (?p=N)', () => {
    const doc = page('<link rel="shortlink" href="https://blog.example/s/xyz">');
    expect(postIdentity(doc, POST)).toEqual({ key: 'blog.example/2024/05/my-post', source: 'url' });
  });

  it('reads only the head: a link in the body (comment text, a widget) claims nothing', () => {
    const doc = new JSDOM(
      `<!doctype html><html><head></head><body><p>text</p><link rel="canonical" href="https://blog.example/other/"></body></html>`,
    ).window.document;
    expect(postIdentity(doc, POST)).toEqual({ key: 'blog.example/2024/05/my-post', source: 'url' });
  });
});

describe.skipIf(!sharedOrNotice('post keys of the corpus and real-world pages (../shared)'))('post key on the corpus', () => {
  const pages = corpusPages().filter((p) => /\/seed-004/.test(p.label));
  const themes = ['twentytwentyone', 'twentytwentytwo', 'twentytwentythree'];

  it('finds the seed-004 pages of every theme', () => {
    expect(pages.length).toBe(themes.length * 4);
  });

  it.each(themes)('%s: seed-004, its French rendering and both comment pages share one key (canonical)', (theme) => {
    const variants = ['seed-004', 'seed-004-fr', 'seed-004-paged-p1', 'seed-004-paged-last'];
    const identities = variants.map((variant) => {
      const corpusPage = pages.find((p) => p.label === `corpus/${theme}/${variant}`)!;
      const doc = loadDocument(corpusPage);
      try {
        // WordPress's canonical of a comment page is `…/comment-page-N/#comments`: the same post once normalized.
        const canonical = doc.head.querySelector('link[rel=canonical]')!.getAttribute('href')!;
        if (variant.includes('paged')) expect(canonical).toMatch(/\/comment-page-\d\/#comments$/);
        return postIdentity(doc, corpusPage.url!);
      } finally {
        closeDocument(doc);
      }
    });
    expect(identities).toEqual(variants.map(() => ({ key: '127.0.0.1:8089/lettre-ouverte-charlatans-managers', source: 'canonical' })));
  });

  it('gives different posts different keys', () => {
    const keys = new Map<string, string>();
    // The big generated threads are left out: parsing them adds seconds and no new kind of URL.
    for (const corpusPage of corpusPages().filter((p) => p.label.startsWith('corpus/twentytwentyone/') && !/\/big-/.test(p.label))) {
      const doc = loadDocument(corpusPage);
      try {
        keys.set(corpusPage.label, postIdentity(doc, corpusPage.url!)!.key);
      } finally {
        closeDocument(doc);
      }
    }
    const byPost = new Map<string, Set<string>>();
    for (const [label, key] of keys) {
      const post = label.replace(/-(fr|paged-p1|paged-last|flat)$/, '');
      byPost.set(post, (byPost.get(post) ?? new Set()).add(key));
    }
    expect(byPost.size).toBeGreaterThanOrEqual(6);
    for (const postKeys of byPost.values()) expect(postKeys.size).toBe(1);
    const distinct = new Set([...byPost.values()].map((set) => [...set][0]));
    expect(distinct.size).toBe(byPost.size);
  });

  it('reads the canonical of real captured pages with threads, whatever fragment or tracker the URL carries', () => {
    let checked = 0;
    for (const corpusPage of realworldPages()) {
      if (!readTruthFile(corpusPage.truthPath).comments.length) continue; // skip: `checked` counts the pages checked, asserted ≥ 5 below
      const doc = loadDocument(corpusPage);
      try {
        const href = doc.head?.querySelector('link[rel~=canonical]')?.getAttribute('href');
        const canonical = href && /^https?:\/\//.test(href) ? new URL(href) : null;
        if (!canonical || canonical.pathname === '/') continue; // skip: `checked` counts the pages checked, asserted ≥ 5 below
        const expected = normalizePostUrl(canonical);
        const visitUrl = `${canonical.origin}${canonical.pathname}?utm_source=feed&replytocom=3#comment-3`;
        expect(postIdentity(doc, visitUrl), corpusPage.label).toEqual({ key: expected, source: 'canonical' });
        checked++;
      } finally {
        closeDocument(doc);
      }
    }
    expect(checked).toBeGreaterThanOrEqual(5);
  });
});
