// A big generated thread for the demo (1,600 comments): invented names and sentences combined by a seeded random
// generator, so every run writes the same page. Nesting to depth 5, the post author answering about one comment in
// eleven, a few pingbacks.

/** mulberry32: a small deterministic PRNG. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Ada', 'Basil', 'Cora', 'Dorian', 'Elsie', 'Florian', 'Greta', 'Hamish', 'Ilse', 'Jasper', 'Keziah', 'Lucan', 'Mira', 'Nils', 'Odette', 'Piers', 'Quilla', 'Rufus', 'Saoirse', 'Thaddeus', 'Ula', 'Vesna', 'Wilf', 'Xanthe', 'Yorick', 'Zadie', 'Anouk', 'Bram', 'Cosima', 'Dov', 'Eamon', 'Fleur', 'Gideon', 'Hester', 'Ike', 'Juno', 'Kit', 'Lior', 'Marek', 'Nell'];
const LAST = ['Ashcombe', 'Bellweather', 'Crantock', 'Dunmore', 'Elphick', 'Farrow', 'Gunnell', 'Hallam', 'Ingleby', 'Jardine', 'Kellaway', 'Lowther', 'Mapplebeck', 'Nettleford', 'Orchard', 'Pellow', 'Quarrie', 'Rudd', 'Strand', 'Tolley', 'Umber', 'Vane', 'Wickham', 'Yarrow'];
const OPEN = ['Quick question:', 'Slightly off topic, but', 'Same experience here:', 'I have been wondering about this:', 'For what it is worth,', 'A small data point:', 'Late to the party, but', 'Agreed, and', 'Not sure I agree:', 'This matches what I saw:'];
const MIDDLE = [
  'the dial cord on my set slips as soon as it warms up',
  'replacing the filter capacitors fixed the hum completely',
  'the output valve glows but there is no sound at all',
  'I cleaned the wave-change switch and two stations came back',
  'a dim-bulb tester saved my mains transformer on the first power-up',
  'the cabinet had woodworm, so I treated it before anything else',
  'the speaker cone was torn and a tissue-paper patch held surprisingly well',
  'my multimeter disagrees with the service sheet by a few volts',
  'the tuning eye has gone pale after sixty years of work',
  'I found a mouse nest behind the chassis, which explained the smell',
  'the volume control crackles even after cleaning it twice',
  'the long-wave band works but medium wave is silent',
  're-stringing the dial took me an entire evening and a lot of patience',
  'the original knobs were missing, so I printed copies',
  'the hum only appears when the set is warm',
];
const CLOSE = ['Any ideas?', 'Has anyone else seen this?', 'Thanks for the thread.', 'I will report back.', 'Curious what others think.', 'Lesson learnt.', 'It took me a week to work that out.', 'Worth checking first.', 'Happy to share photos.', ''];
const AUTHOR_REPLY = [
  'Good question. Start with the simplest explanation and measure before you change anything.',
  'That is a classic. Check the solder joints around it first; they crack with age.',
  'Thanks for reporting back, this will help the next person with the same set.',
  'I had exactly that on the third radio. Patience, and one change at a time.',
  'Photos would be great, there is a gallery post coming next month.',
  'Careful with the mains side on that one. Isolation transformer first.',
];

/** The big thread: `count` comments (English), in the shape of wp-core.mjs threads. */
export function bigThread(count = 1600, seed = 20250301) {
  const rand = random(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const people = FIRST.flatMap((first, i) => LAST.filter((_, j) => (i + j) % 4 === 0).map((last) => ({ name: `${first} ${last}` })));
  for (const [i, person] of people.entries()) if (i % 3 === 0) person.url = `https://${person.name.toLowerCase().replace(/[^a-z]+/g, '-')}.example`;
  const author = { name: 'Hollis Marchetti', userId: 1, nicename: 'hollis', url: 'https://slow-workshop.example' };
  const start = Date.parse('2025-03-01T08:00:00+00:00');
  const comments = [];
  const depthOf = new Map();
  const pings = new Set([40, 310, 777, 1203, 1490, 1588]);
  for (let n = 0; n < count; n++) {
    const id = 10_000 + n * 2 + (n % 3 === 0 ? 1 : 0);
    const date = new Date(start + n * 41 * 60_000).toISOString().replace('.000Z', '+00:00');
    if (pings.has(n)) {
      comments.push({ id, parent: 0, type: 'pingback', approved: true, author: `Workbench Links » Roundup no. ${n}`, url: `https://workbench-links.example/roundup-${n}/`, date, text: ['[…] the big radio thread keeps growing […]'] });
      depthOf.set(id, 1);
      continue;
    }
    // A reply to one of the last forty comments (conversations stay local), a new thread about one time in seven.
    const recent = comments.slice(-40).filter((c) => c.type === 'comment' && depthOf.get(c.id) < 5);
    const parent = n > 0 && recent.length > 0 && rand() > 0.14 ? pick(recent) : null;
    const byAuthor = parent !== null && rand() < 0.09;
    const person = byAuthor ? author : pick(people);
    const text = byAuthor ? [pick(AUTHOR_REPLY)] : [`${pick(OPEN)} ${pick(MIDDLE)}. ${pick(CLOSE)}`.trim()];
    comments.push({ id, parent: parent?.id ?? 0, type: 'comment', approved: true, author: person.name, url: person.url, userId: byAuthor ? 1 : undefined, nicename: byAuthor ? 'hollis' : undefined, date, text });
    depthOf.set(id, parent ? depthOf.get(parent.id) + 1 : 1);
  }
  return {
    key: 'en',
    locale: 'en_US',
    lang: 'en-US',
    site: { url: '', name: 'The Slow Workshop' },
    post: {
      id: 199,
      slug: 'the-big-radio-thread',
      title: 'The big radio repair thread: ask anything',
      date: '2025-03-01T07:00:00+00:00',
      author: { name: author.name, userId: 1, nicename: 'hollis', url: author.url },
      body: [
        'This post has become the place where readers bring their broken radios. Ask anything, share what worked, and please say which set you are working on.',
        'I answer when I can; the regulars answer faster.',
      ],
    },
    comments,
  };
}
