// The demo blog's posts and comment threads: invented people and text, in English and French, in the shapes of the
// seed threads (nesting to depth 5 with the post author answering, a flat thread of "@ Name" replies, pingbacks).
// Rows are [id, parent, who, text, hours after the post]; `who` is a key of the thread's people ('author' is the
// post's author, logged in: bypostauthor), or { ping, url } for a pingback / { track, url } for a trackback.

/** Expands compact rows into the comment objects of tests/fixtures/markup/build/wp-core.mjs. */
function thread({ key, locale, lang, site, post, people, rows }) {
  const start = Date.parse(post.date);
  const comments = rows.map(([id, parent, who, text, hours]) => {
    if (typeof hours !== 'number') throw new Error(`${post.slug}: comment ${id} has no time`);
    const date = new Date(start + hours * 3_600_000).toISOString().replace('.000Z', '+00:00');
    const paragraphs = Array.isArray(text) ? text : [text];
    if (typeof who === 'object') {
      const type = who.ping ? 'pingback' : 'trackback';
      return { id, parent, type, approved: true, author: who.ping ?? who.track, url: who.url, date, text: paragraphs };
    }
    const person = who === 'author' ? post.author : people[who];
    if (!person) throw new Error(`${post.slug}: comment ${id} by unknown ${who}`);
    return { id, parent, type: 'comment', approved: true, author: person.name, url: person.url, userId: person.userId, nicename: person.nicename, date, text: paragraphs };
  });
  // WordPress lists comments by date (threads, then the replies under each): keep the rows in that order.
  comments.sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
  const ids = new Set();
  for (const c of comments) {
    if (c.parent && !ids.has(c.parent)) throw new Error(`${post.slug}: comment ${c.id} answers ${c.parent}, which comes later or does not exist`);
    ids.add(c.id);
  }
  return { key, locale, lang, site, post, comments };
}

const EN = { key: 'en', locale: 'en_US', lang: 'en-US' };
const FR = { key: 'fr', locale: 'fr_FR', lang: 'fr-FR' };
/** site.url is empty: every link the walker prints is root-relative, so the pages work on any local server. */
const workshop = { url: '', name: 'The Slow Workshop' };
const atelier = { url: '', name: 'Carnets d’atelier' };

/** Classic theme, English: 36 comments nested to depth 5, the author answering throughout, one pingback. */
export const radios = thread({
  ...EN,
  site: workshop,
  post: {
    id: 214,
    slug: 'forty-broken-radios',
    title: 'What forty broken radios taught me about patience',
    date: '2025-02-03T08:30:00+00:00',
    author: { name: 'Hollis Marchetti', userId: 1, nicename: 'hollis', url: 'https://slow-workshop.example' },
    body: [
      'Three years ago I bought a box of dead valve radios at a house clearance, mostly to see whether I could bring one back. Forty radios later, the workbench has taught me more about patience than about electronics.',
      'Most faults are boring: dried-out capacitors, a broken dial cord, a valve that lost its vacuum. The hard part is resisting the urge to change everything at once. Change one thing, listen, write it down.',
      'Below is what I would tell anyone starting out, and a few mistakes I made so that you do not have to.',
    ],
  },
  people: {
    wren: { name: 'Wren Okafor', url: 'https://wren-okafor.example' },
    tobias: { name: 'Tobias Lindqvist' },
    marisol: { name: 'Marisol Quenby', url: 'https://quenby.example/notes' },
    priya: { name: 'Priya Venkataraman' },
    dmitri: { name: 'Dmitri Halloran', url: 'https://halloran-repairs.example' },
    june: { name: 'June Abernathy' },
    kofi: { name: 'Kofi Mensah-Clarke', url: 'https://kofimc.example' },
    ines: { name: 'Inès Barraclough' },
    sam: { name: 'Sam Whitlow' },
    agnes: { name: 'Agnes Polworth', url: 'https://polworth.example' },
    felix: { name: 'Felix Oyelaran' },
    rosa: { name: 'Rosa Delacroix-Finn' },
  },
  rows: [
    [3001, 0, 'wren', 'This is the post I needed a year ago. I replaced every capacitor in my first set on day one and then could not tell which of my forty solder joints was the problem.', 2],
    [3002, 3001, 'author', 'We have all done it. The "one change, then listen" rule came out of exactly that weekend for me.', 3],
    [3004, 3002, 'wren', 'Do you keep a written log, or photos?', 4],
    [3006, 3004, 'author', 'Both. A photo before I touch anything, and a line in a notebook for every part I change, with the date. It sounds fussy until the day it saves you.', 5],
    [3009, 3006, 'tobias', 'A cheap trick: a strip of masking tape on each wire with a number before you unsolder it. The notebook says what the numbers mean.', 7],
    [3003, 0, 'marisol', 'How do you deal with the mains voltage? I would love to start but I am nervous about the high-tension side.', 3.5],
    [3005, 3003, 'author', ['Good instinct. Use an isolation transformer and a dim-bulb tester, and never work on a set that is plugged in when you do not need it to be.', 'The filter capacitors can stay charged for a while after you unplug: discharge them through a resistor before you touch anything.'], 4.5],
    [3008, 3005, 'priya', 'Seconding the dim-bulb tester. Mine cost less than a pizza to build and it saved a transformer on the second radio.', 6],
    [3010, 3008, 'marisol', 'Is there a guide you trust for building one?', 8],
    [3012, 3010, 'author', 'Any guide that puts the bulb in series with the live wire and the set, in a closed box, is fine. I will write mine up next month.', 9],
    [3007, 0, 'dmitri', 'Forty! I stopped at twelve when my partner pointed out that the spare room had become a radio room.', 5.5],
    [3011, 3007, 'june', 'Twelve is the point where it stops being a hobby and becomes a collection.', 8.5],
    [3014, 3011, 'dmitri', 'That is what I keep telling myself.', 10],
    [3013, 0, { ping: 'Bench Notes » Five blogs about fixing old things', url: 'https://benchnotes.example/2025/02/five-blogs/' }, '[…] Hollis writes about radios the way other people write about gardens […]', 10],
    [3015, 0, 'kofi', 'Which radio would you recommend as a first project? Something common, with parts that are still easy to find.', 12],
    [3016, 3015, 'author', 'A mains-powered five-valve superhet from the 1950s. They were made by the million, the circuits are well documented, and the faults are the classic ones.', 13],
    [3018, 3016, 'kofi', 'Avoid the ones with a live chassis, I assume?', 14],
    [3019, 3018, 'author', 'For a first set, yes. Keep those for when the isolation transformer is a habit.', 15],
    [3021, 3018, 'ines', 'I learnt that lesson with a small tingle. Nothing serious, but I listen to advice like this now.', 17],
    [3023, 3021, 'author', 'Glad it was only a tingle. That is exactly why I put the warning near the top.', 18],
    [3017, 0, 'sam', 'Patience is the real lesson, I think. Nothing on a workbench rewards hurrying.', 14],
    [3020, 3017, 'agnes', 'Except soldering: hold the iron too long and the board pays for it.', 16],
    [3022, 3020, 'sam', 'Fair. Patience in the planning, speed with the iron.', 17],
    [3024, 0, 'felix', 'Have you ever had a radio you could not fix?', 20],
    [3025, 3024, 'author', 'Two. One had a cracked dial glass I could not find anywhere, the other a transformer that had been cooked by a previous owner. Both are waiting on a shelf.', 21],
    [3027, 3025, 'felix', 'Waiting on a shelf is not the same as not fixed.', 22],
    [3028, 3027, 'rosa', 'That is the most optimistic sentence I have read this week.', 24],
    [3026, 0, 'priya', 'Slightly off topic: what do you do with the old capacitors? Some of them look like they should not go in the bin.', 22],
    [3029, 3026, 'author', 'The old wax ones go to the hazardous waste point at the tip. A few go in a jar on the shelf because they look nice.', 23],
    [3030, 3029, 'june', 'A jar of old capacitors is a very specific kind of decoration.', 25],
    [3031, 0, 'tobias', 'Thank you for writing this. I have a Bakelite set from my grandmother and I think this is the push I needed.', 30],
    [3032, 3031, 'author', 'Take photos before you start, and let us know how it goes. A family radio is worth the extra care.', 31],
    [3033, 3032, 'tobias', 'Will do. The dial still lights up, so there is hope.', 32],
    [3034, 3033, 'wren', 'A lit dial is a very good sign. Good luck!', 34],
    [3035, 0, 'agnes', 'Bookmarked. The masking tape trick from the comments alone was worth it.', 40],
    [3036, 3035, 'author', 'The comments are always the best part of these posts.', 41],
  ],
});

/** Block theme, English: 24 comments nested to depth 5, two author replies, a pingback. */
export const garden = thread({
  ...EN,
  site: { url: '', name: 'Allotment Diaries' },
  post: {
    id: 87,
    slug: 'shared-tool-shed',
    title: 'A shared tool shed, one year on',
    date: '2025-04-12T07:00:00+00:00',
    author: { name: 'Beatrix Onwuka', userId: 3, nicename: 'beatrix', url: 'https://allotment-diaries.example' },
    body: [
      'A year ago the twelve plots on our side of the allotment agreed to share one shed instead of twelve. One set of spades, one wheelbarrow, one very long hose.',
      'It mostly works. The rules we ended up with fit on one card pinned to the door: clean it, return it, write it down if it broke.',
    ],
  },
  people: {
    otto: { name: 'Otto Fairweather', url: 'https://ottofw.example' },
    lena: { name: 'Lena Sørby' },
    yusuf: { name: 'Yusuf Calloway', url: 'https://calloway.example' },
    maeve: { name: 'Maeve Treloar' },
    noor: { name: 'Noor Castellane', url: 'https://noorgrows.example' },
    ed: { name: 'Edmund Ashdown' },
    tilly: { name: 'Tilly Brandreth' },
    hugo: { name: 'Hugo Nakagawa-Bell' },
  },
  rows: [
    [501, 0, 'otto', 'We tried this and it lasted four months. The wheelbarrow was never where it should be.', 3],
    [502, 501, 'author', 'The wheelbarrow was our problem too. A hook on the wall with its outline painted behind it fixed most of it.', 4],
    [504, 502, 'otto', 'An outline on the wall. That is so simple it might just work.', 5],
    [506, 504, 'lena', 'It works for us at the community kitchen as well. People are oddly reluctant to leave a painted outline empty.', 7],
    [509, 506, 'yusuf', 'Shame is a powerful organising principle.', 8],
    [511, 506, 'maeve', 'Gentle shame. The outline does not judge, it just waits.', 10],
    [503, 0, 'noor', 'How do you handle tools that break? Does everyone chip in?', 4.5],
    [505, 503, 'author', 'We keep a small tin for repairs. Everyone puts in a little at the start of the season, and the tin pays for anything that wears out.', 6],
    [507, 505, 'ed', 'And if someone breaks something through carelessness?', 7],
    [510, 507, 'noor', 'I would rather have a rule that assumes good faith, personally.', 9],
    [512, 510, 'ed', 'Fair enough. It is an allotment, not a court.', 11],
    [508, 0, { ping: 'Grow Together » Links for the weekend', url: 'https://growtogether.example/links-weekend/' }, '[…] a lovely write-up of a shared tool shed […]', 8],
    [513, 0, 'tilly', 'What about the hose? Twelve plots and one hose sounds like a recipe for queues on a dry evening.', 12],
    [514, 513, 'hugo', 'We put a splitter on ours and bought two shorter hoses. Queues halved.', 14],
    [515, 514, 'tilly', 'A splitter, of course. Thank you.', 15],
    [516, 0, 'lena', 'Did anyone refuse to join?', 18],
    [517, 516, 'maeve', 'In our case one plot kept its own shed, which is completely fine. Sharing works better when it is a choice.', 20],
    [518, 517, 'lena', 'That is a good way to put it.', 21],
    [519, 0, 'yusuf', 'Any tips for the card on the door? Ours has grown to two pages.', 24],
    [520, 519, 'otto', 'If it does not fit on a card, nobody reads it.', 25],
    [521, 520, 'yusuf', 'Harsh but true.', 26],
    [522, 0, 'ed', 'I like that the rules are short. Long rules are mostly for the people who will never read them.', 30],
    [523, 522, 'noor', 'Exactly, and the people who follow them did not need them.', 31],
    [524, 0, 'hugo', 'Lovely post. The painted outlines are going up this weekend.', 36],
  ],
});

/** Classic theme, French: 30 comments nested to depth 5, the author answering, a pingback. */
export const reliure = thread({
  ...FR,
  site: atelier,
  post: {
    id: 318,
    slug: 'apprendre-la-reliure',
    title: 'Apprendre la reliure à la main, un cahier à la fois',
    date: '2025-03-09T09:00:00+00:00',
    author: { name: 'Clémence Audibert', userId: 2, nicename: 'clemence', url: 'https://carnets-atelier.example' },
    body: [
      'Il y a deux ans, j’ai relié mon premier cahier avec du fil de cuisine et une aiguille à laine. Il tient encore, mais il ne ferme plus tout à fait.',
      'Depuis, j’ai appris à plier dans le sens du papier, à coudre sur rubans et à laisser sécher sous presse plus longtemps que je ne le voudrais. Voici ce que j’aurais aimé savoir au début.',
    ],
  },
  people: {
    gaspard: { name: 'Gaspard Lemercier', url: 'https://gaspard-papiers.example' },
    ondine: { name: 'Ondine Vasseur' },
    karim: { name: 'Karim Belkacem', url: 'https://karimb.example' },
    solene: { name: 'Solène Riquier' },
    anatole: { name: 'Anatole Desforges' },
    maelys: { name: 'Maëlys Tessier', url: 'https://maelys.example' },
    yann: { name: 'Yann Le Goff' },
    romy: { name: 'Romy Chastel' },
    aurele: { name: 'Aurèle Mbemba' },
    lise: { name: 'Lise Hautecœur' },
  },
  rows: [
    [701, 0, 'gaspard', 'Merci pour ce billet ! Le sens du papier, c’est exactement ce que personne ne m’avait expliqué au début.', 2],
    [702, 701, 'author', 'C’est la première chose que je regarde maintenant : on plie le papier dans les deux sens et on sent tout de suite lequel résiste.', 3],
    [704, 702, 'gaspard', 'Et si le papier est déjà coupé dans le mauvais sens ?', 4],
    [706, 704, 'author', 'Alors on le garde pour les pages de garde ou les brouillons. On peut tricher un peu, mais le cahier gondolera toujours.', 5],
    [709, 706, 'ondine', 'J’ai appris ça à mes dépens avec un carnet de voyage qui s’ouvrait tout seul.', 7],
    [703, 0, 'karim', 'Quel fil conseillez-vous pour commencer ? Le fil de lin ciré me paraît cher.', 3.5],
    [705, 703, 'author', 'Le lin ciré dure très longtemps : une bobine m’a fait deux ans. Pour débuter, un fil de coton solide passé sur un pain de cire d’abeille suffit largement.', 4.5],
    [707, 705, 'solene', 'La cire d’abeille, on la trouve chez les apiculteurs du marché, pour presque rien.', 6],
    [710, 707, 'karim', 'Bonne idée, il y en a un tous les samedis près de chez moi.', 8],
    [712, 710, 'author', 'Parfait. Un petit bloc suffit pour des années de couture.', 9],
    [708, 0, { ping: 'Papiers et colles » Cinq lectures pour l’atelier', url: 'https://papiers-colles.example/cinq-lectures/' }, '[…] le billet de Clémence sur la reliure, à lire avant de couper la moindre feuille […]', 7],
    [711, 0, 'anatole', 'Vous utilisez une presse du commerce ou une presse maison ?', 9],
    [713, 711, 'author', 'Une presse maison : deux planches, quatre tiges filetées et des écrous papillon. Pour les petits formats, deux gros dictionnaires font aussi l’affaire.', 10],
    [715, 713, 'maelys', 'Les dictionnaires, enfin une utilité pour celui que je n’ouvre jamais.', 12],
    [717, 715, 'anatole', 'Le mien sert déjà de cale-porte, il va avoir une deuxième carrière.', 13],
    [714, 0, 'yann', 'Combien de temps laissez-vous sécher sous presse ?', 11],
    [716, 714, 'romy', 'Une nuit au minimum chez moi, et plutôt deux quand il fait humide.', 12.5],
    [718, 716, 'author', 'Pareil. La patience sous presse est ce qui fait la différence entre un cahier qui tient et un cahier qui bâille.', 14],
    [719, 718, 'yann', 'Un cahier qui bâille, l’image est parfaite.', 15],
    [720, 0, 'aurele', 'Pour la couverture, carton gris ou carton de récupération ?', 18],
    [721, 720, 'lise', 'Le carton de récupération est souvent trop mou. Le carton gris reste plat, même après des années.', 19],
    [722, 721, 'aurele', 'Entendu, je vais en commander un peu.', 20],
    [723, 722, 'author', 'Demandez des chutes à un encadreur : ils en jettent beaucoup.', 21],
    [724, 0, 'solene', 'Quel plaisir de lire un billet aussi concret. On sent les heures passées à l’établi.', 26],
    [725, 724, 'author', 'Merci ! Et beaucoup d’heures passées à tout recommencer, aussi.', 27],
    [726, 0, 'ondine', 'Vous donnez des ateliers ?', 30],
    [727, 726, 'author', 'Une fois par mois à la médiathèque du quartier, le samedi matin. Les dates sont dans la barre latérale.', 31],
    [728, 727, 'ondine', 'Je m’inscris pour le mois prochain !', 32],
    [729, 728, 'karim', 'Moi aussi, on se verra là-bas.', 34],
    [730, 0, 'maelys', 'Merci pour les astuces, je commence mon premier cahier ce week-end.', 40],
  ],
});

/** Flat thread (threading off), French: replies written "@ Name", the author answering in a row, pings. */
export const carnet = thread({
  ...FR,
  site: atelier,
  post: {
    id: 290,
    slug: 'carnet-papier',
    title: 'Le carnet papier a-t-il encore un avenir ?',
    date: '2025-01-20T08:00:00+00:00',
    author: { name: 'Clémence Audibert', userId: 2, nicename: 'clemence', url: 'https://carnets-atelier.example' },
    body: [
      'Tout le monde autour de moi prend ses notes sur son téléphone. Moi, je remplis encore trois carnets par an, et je me demande parfois si je ne suis pas en train de devenir une curiosité.',
      'Alors je vous pose la question : papier ou écran, et pourquoi ?',
    ],
  },
  people: {
    bastien: { name: 'Bastien Morvan', url: 'https://bastien-morvan.example' },
    chloe: { name: 'Chloé Ferrand' },
    hamid: { name: 'Hamid Saïdi' },
    jeanne: { name: 'Jeanne Castagnet', url: 'https://jeannec.example' },
    victor: { name: 'Victor Aubriot' },
    sarah: { name: 'Sarah Kowalczyk' },
    leon: { name: 'Léon Fauvel' },
    nadia: { name: 'Nadia Ferreira-Lopes', url: 'https://nadiafl.example' },
  },
  rows: [
    [801, 0, 'bastien', 'Papier, sans hésiter. Ce que j’écris à la main, je m’en souviens ; ce que je tape, je l’oublie aussitôt.', 1],
    [802, 0, 'chloe', 'Écran pour les listes de courses, papier pour tout le reste.', 2],
    [803, 0, 'hamid', '@ Bastien : c’est aussi mon expérience. Il paraît que des études le confirment, même si je ne saurais plus dire lesquelles.', 3],
    [804, 0, { ping: 'Le fil des carnets » Revue de la semaine', url: 'https://fildescarnets.example/revue-semaine/' }, '[…] Clémence se demande si le carnet papier a encore un avenir […]', 4],
    [805, 0, 'jeanne', 'Le papier ne tombe jamais en panne de batterie. C’est un argument qui me suffit.', 5],
    [806, 0, 'victor', '@ Chloé : la liste de courses sur papier, c’est pourtant la seule qu’on ne peut pas oublier dans sa poche… sauf quand on l’oublie sur la table.', 6],
    [807, 0, 'sarah', 'J’ai essayé de tout passer sur l’écran l’an dernier. Au bout de trois mois, j’ai racheté un carnet.', 8],
    [808, 0, 'leon', '@ Jeanne : et il ne vous envoie aucune notification, ce qui est reposant.', 9],
    [809, 0, 'nadia', 'Le papier, c’est aussi le plaisir de relire un carnet d’il y a dix ans et de retrouver son écriture de l’époque.', 11],
    [810, 0, 'chloe', '@ Victor : touché. Ma liste de courses papier est restée sur la table hier.', 12],
    [811, 0, { ping: 'Papiers et colles » Écrire à la main', url: 'https://papiers-colles.example/ecrire-a-la-main/' }, '[…] une discussion animée chez Clémence sur les carnets […]', 14],
    [812, 0, 'hamid', '@ Nadia : relire ses vieux carnets est un plaisir un peu vertigineux, je trouve.', 15],
    [813, 0, 'bastien', '@ Sarah : trois mois, c’est déjà bien. J’ai tenu trois semaines.', 16],
    [814, 0, { track: 'Le blog de Mathurin', url: 'https://mathurin.example/2025/01/carnets/' }, 'Mes carnets de l’année, en réponse à Clémence.', 18],
    [815, 0, 'author', '@ Bastien : la mémoire de la main, oui. C’est aussi ce que je constate.', 20],
    [816, 0, 'author', '@ Chloé et @ Victor : vous me faites rire. Je crois que la liste de courses est le vrai champ de bataille.', 20.2],
    [817, 0, 'author', '@ Jeanne : et le papier ne se met pas à jour pendant la nuit !', 20.4],
    [818, 0, 'author', '@ Nadia : oui, relire ses anciens carnets, c’est revoir la personne qu’on était. Merci à tous pour cette discussion.', 20.6],
  ],
});

/** Paginated thread (two comment pages of three threads each), English, classic theme. */
export const kiln = thread({
  ...EN,
  site: workshop,
  post: {
    id: 233,
    slug: 'first-kiln-firing',
    title: 'Notes from my first kiln firing',
    date: '2025-05-18T10:00:00+00:00',
    author: { name: 'Hollis Marchetti', userId: 1, nicename: 'hollis', url: 'https://slow-workshop.example' },
    body: [
      'The kiln arrived in March, a second-hand electric one that a school was getting rid of. It took two months of reading before I dared to fill it.',
      'Nine pots went in. Seven came out whole, one cracked, and one glaze ran onto the shelf. Here is what I learned, and what I will do differently.',
    ],
  },
  people: {
    bea: { name: 'Beatriz Hollingworth' },
    cal: { name: 'Callum Oduya', url: 'https://oduya-pots.example' },
    fen: { name: 'Fenella Marsh' },
    gil: { name: 'Gilbert Achterberg' },
    hana: { name: 'Hana Lindgren-Obi', url: 'https://hanamakes.example' },
    ivo: { name: 'Ivo Prentice' },
    jade: { name: 'Jade Winterbourne' },
  },
  rows: [
    [901, 0, 'bea', 'Seven out of nine on a first firing is a very good result. My first load was more like three.', 2],
    [902, 901, 'author', 'I think I was lucky with the drying. I left everything a week longer than the book said.', 3],
    [904, 902, 'bea', 'That is not luck, that is patience.', 4],
    [903, 0, 'cal', 'The glaze that ran: was it on a vertical surface? Some glazes move a lot more than the label suggests.', 3],
    [905, 903, 'author', 'On the inside of a bowl that was too steep. Lesson learnt: test tiles first.', 4],
    [907, 905, 'cal', 'Kiln wash on the shelves saves a lot of grief as well.', 5],
    [909, 907, 'author', 'Already ordered. The shelf I ruined was a good one.', 6],
    [906, 0, 'fen', 'What cone did you fire to?', 5],
    [908, 906, 'author', 'Cone 6 for the glaze firing, with a slow cool.', 6],
    [910, 908, 'fen', 'The slow cool makes such a difference to the matte glazes.', 7],
    [911, 0, 'gil', 'Did you have the kiln checked by an electrician before using it?', 9],
    [912, 911, 'author', 'Yes, and the socket moved to its own circuit. That part was not optional.', 10],
    [914, 912, 'gil', 'Good. A lot of second-hand kilns come with old wiring.', 11],
    [913, 0, 'hana', 'Please post photos of the pot that cracked. Cracks are the best teachers.', 10],
    [915, 913, 'author', 'Next post! It cracked right along the base, which I think means uneven drying.', 11],
    [916, 915, 'hana', 'That matches what I have seen: thick base, thin walls.', 12],
    [918, 916, 'ivo', 'Drying upside down on a bit of foam helped me with that.', 14],
    [917, 0, 'jade', 'Lovely writing, as always. I will be following along.', 13],
    [919, 917, 'author', 'Thank you! The next firing is in two weeks.', 14],
  ],
});

/** The posts of the demo blog without comments (the home page links them too). */
export const quietPost = {
  ...EN,
  site: workshop,
  post: {
    id: 240,
    slug: 'workbench-lighting',
    title: 'Lighting a workbench on a budget',
    date: '2025-06-02T09:00:00+00:00',
    author: { name: 'Hollis Marchetti', userId: 1, nicename: 'hollis', url: 'https://slow-workshop.example' },
    body: [
      'A workbench needs two kinds of light: a broad, even one for the whole surface and a small, movable one for the detail. Neither has to be expensive.',
      'I use an old fluorescent fitting converted to an LED tube, and a clamp lamp from a charity shop. Together they cost less than a good screwdriver.',
      'The trick is the angle: light from the side shows the relief of a solder joint far better than light from above.',
    ],
  },
  comments: [],
};
