// A synthetic corpus for the benchmark, shaped like scraped news: paragraphs drawn from a Zipf-weighted vocabulary
// (a few accented syllables, commas, quoted speech, subheadings), 1,200 "sites" of skewed popularity, each with one
// to four templates (article, brief, long read, live blog) that mix some of twenty kinds of boilerplate
// (mastheads, navigation, breadcrumbs, datelines and bylines in many styles, reading times, newsletter, cookie,
// paywall and app prompts, share bars, related and most-read lists drawn from the site's recent headlines, topic
// tags, author bios, disclaimers, corrections, comment counts, footers, in-body advertisement markers, captions and
// read-more links). Sites differ in layout too: most separate paragraphs by blank lines, some hard-wrap them, some
// write one block per line (a scraper's output), some use CRLF, and a tenth are bare text with no chrome at all.
// Files run from 200 bytes to 200 KB (briefs, articles, long reads, live blogs; about 7.9 KB on average, so 1 GB
// is about 133,000 files). Planted copies of passages from other files (verbatim, or with a few words changed,
// inserted or deleted), some as their own paragraph and some embedded in other text, are the truth that recall is
// measured against; passages repeated inside one document and whole articles republished by another site (with
// its own chrome) are there too, unrecorded. The generator is seeded, so the same size gives the same corpus, and
// holds only a bounded pool of earlier documents in memory, so a 1 GB corpus costs no more to generate than a
// small one.
import * as fs from 'fs';
import * as path from 'path';

/** Part of the cache folders' names under bench-corpus/: bumped whenever the generator's output changes. */
export const CORPUS_VERSION = 'v3';

export interface PlantedCopy {
  source: string;
  sourceStart: number;
  sourceEnd: number;
  target: string;
  targetStart: number;
  targetEnd: number;
  edited: boolean;
  words: number;
}

export interface GeneratedCorpus {
  root: string;
  files: number;
  bytes: number;
  planted: PlantedCopy[];
  /** A document of about 20 KB, for the re-analysis measure. */
  editTarget: string;
  /** Where each file's article text (after its headline, before its footer) starts and ends: file n at 2n, 2n+1. */
  bodies: number[];
}

/** Mulberry32: a small, fast, seeded PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tas', 'vor', 'el', 'un', 'bri', 'sto', 'de', 'an', 'qui', 'por', 'zel', 'ma', 'tor', 'in', 've', 'sa', 'ju', 'ost', 'ne', 'ri'];
/** Now and then a syllable with a letter outside ASCII (a name, a borrowed word). */
const ACCENTED = ['é', 'ün', 'ña', 'ør', 'ça'];
const FUNCTION_WORDS = ['the', 'of', 'and', 'to', 'in', 'a', 'that', 'is', 'for', 'on', 'was', 'with', 'he', 'it', 'as', 'at', 'by', 'said', 'from', 'they'];
const SECTIONS = ['World', 'Politics', 'Business', 'Sport', 'Culture', 'Science', 'Opinion', 'Travel', 'Health', 'Money', 'Tech', 'Local', 'Weather', 'Education', 'Environment', 'Lifestyle', 'Food', 'Books', 'Film', 'Music'];
const SITE_KINDS = ['News', 'Times', 'Post', 'Daily', 'Herald', 'Observer', 'Wire', 'Gazette', 'Chronicle', 'Courier', 'Tribune', 'Journal', 'Examiner', 'Review', 'Today', 'Online'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function vocabulary(rand: () => number, size: number): string[] {
  const words = new Set<string>(FUNCTION_WORDS);
  while (words.size < size) {
    const n = 1 + Math.floor(rand() * 4);
    let w = '';
    for (let i = 0; i < n; i++) {
      w += rand() < 0.02 ? ACCENTED[Math.floor(rand() * ACCENTED.length)] : SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
    }
    words.add(w);
  }
  return [...words];
}

const cap = (w: string) => w[0].toUpperCase() + w.slice(1);

class TextMaker {
  private readonly cumulative: Float64Array;

  constructor(readonly rand: () => number, private readonly words: string[]) {
    // Zipf weights 1/rank, so a few words are common and most are rare, as in prose.
    this.cumulative = new Float64Array(words.length);
    let sum = 0;
    for (let i = 0; i < words.length; i++) { sum += 1 / (i + 1); this.cumulative[i] = sum; }
    for (let i = 0; i < words.length; i++) { this.cumulative[i] /= sum; }
  }

  int(lo: number, hi: number): number { return lo + Math.floor(this.rand() * (hi - lo + 1)); }

  pick<T>(xs: readonly T[]): T { return xs[Math.floor(this.rand() * xs.length)]; }

  word(): string {
    const r = this.rand();
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (this.cumulative[mid] < r) { lo = mid + 1; } else { hi = mid; } }
    return this.words[lo];
  }

  /** A word from the rarer part of the vocabulary: names, places. */
  name(): string { return cap(this.words[100 + Math.floor(this.rand() * (this.words.length - 100))]); }

  title(n: number): string {
    return Array.from({ length: n }, () => cap(this.word())).join(' ');
  }

  sentence(): string {
    const n = 6 + Math.floor(this.rand() * 22);
    const ws: string[] = [];
    for (let i = 0; i < n; i++) { ws.push(this.word()); }
    if (n > 12 && this.rand() < 0.35) { ws[Math.floor(n / 2)] += ','; }
    ws[0] = cap(ws[0]);
    const r = this.rand();
    if (r < 0.06) { return `“${ws.join(' ')},” said ${this.name()} ${this.name()}.`; }
    if (r < 0.09) { return `${ws.slice(0, n >> 1).join(' ')} – ${ws.slice(n >> 1).join(' ')}.`; }
    return ws.join(' ') + (r < 0.17 ? '?' : '.');
  }

  paragraph(): string {
    const n = 1 + Math.floor(this.rand() * 7);
    const ss: string[] = [];
    for (let i = 0; i < n; i++) { ss.push(this.sentence()); }
    return ss.join(' ');
  }

  date(): { d: number; m: number; y: number; h: number; min: number } {
    return { d: this.int(1, 28), m: this.int(0, 11), y: this.int(2008, 2026), h: this.int(0, 23), min: this.int(0, 59) };
  }
}

const two = (n: number) => String(n).padStart(2, '0');

/** One template of a site: the boilerplate it puts around (and inside) an article, and the article's length. */
interface Template {
  header: (() => string)[];
  footer: (() => string)[];
  /** Blocks dropped between paragraphs now and then (advertisement markers, read-more links, captions). */
  inserts: (() => string)[];
  insertRate: number;
  /** The body's length in characters. */
  size: () => number;
  /** Live blogs: a timestamp line before each update. */
  live: boolean;
}

interface Site {
  templates: Template[];
  /** Between blocks: a blank line, a single line break (one block per line), or a CRLF blank line. */
  sep: string;
  /** Inside a block of several lines (a list). */
  lineBreak: string;
  /** Hard-wrap paragraphs at this many columns (0: one line per paragraph). */
  wrap: number;
}

function logNormal(rand: () => number, median: number, sigma: number): number {
  const gauss = Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  return Math.exp(Math.log(median) + sigma * gauss);
}

/** The boilerplate kinds, each built once per site (its wording and habits) and drawn per article. */
function makeSite(i: number, m: TextMaker): Site {
  const r = m.rand;
  const pick = (p: number) => r() < p;
  const name = `${m.title(1 + Math.floor(r() * 2))} ${SITE_KINDS[i % SITE_KINDS.length]}`;
  const sections = SECTIONS.filter(() => pick(0.5));
  if (sections.length === 0) { sections.push('News'); }
  const staff = Array.from({ length: m.int(2, 25) }, () => {
    const who = `${m.name()} ${m.name()}`;
    return { who, bio: `${who} is ${m.pick(['a senior reporter', 'our correspondent', 'a staff writer', 'the editor', 'a contributing writer'])} at ${name}. ${m.sentence()} ${m.sentence()}` };
  });
  const headlines = Array.from({ length: m.int(8, 60) }, () => m.title(m.int(4, 9)));
  const layout = r();
  const sep = layout < 0.72 ? '\n\n' : layout < 0.87 ? '\n' : '\r\n\r\n';
  const lineBreak = sep === '\r\n\r\n' ? '\r\n' : '\n';
  const wrap = sep === '\n\n' && pick(0.2) ? m.int(60, 90) : 0;
  const list = (lines: string[]) => lines.join(lineBreak);
  const dateStyle = m.int(0, 7);
  const dateLine = () => {
    const t = m.date();
    switch (dateStyle) {
      case 0: return `Updated ${m.int(1, 23)} hours ago`;
      case 1: return `Published ${t.d} ${MONTHS[t.m]} ${t.y}`;
      case 2: return `${two(t.d)}/${two(t.m + 1)}/${t.y} ${two(t.h)}:${two(t.min)}`;
      case 3: return `${m.pick(DAYS)} ${t.d} ${MONTHS[t.m].slice(0, 3)} ${t.y} ${two(t.h)}.${two(t.min)} GMT`;
      case 4: return `${t.y}-${two(t.m + 1)}-${two(t.d)}T${two(t.h)}:${two(t.min)}:00Z`;
      case 5: return `Last modified on ${m.pick(DAYS)} ${t.d} ${MONTHS[t.m]} ${t.y}`;
      case 6: return `${m.int(1, 59)} mins ago - ${m.pick(sections)}`;
      default: return `${MONTHS[t.m]} ${t.d}, ${t.y} at ${1 + (t.h % 12)}:${two(t.min)} ${t.h < 12 ? 'a.m.' : 'p.m.'}`;
    }
  };
  let author = staff[0];
  const bylineStyle = m.int(0, 3);
  const byline = () => {
    author = m.pick(staff);
    return [`By ${author.who}`, `${author.who}, Staff Writer`, `Words by ${author.who}`, `${author.who} | ${name}`][bylineStyle];
  };
  const navSep = m.pick([' | ', ' · ', ' / ', '  ']);
  const kinds = {
    masthead: () => (pick(0.5) ? name : `${name} - ${m.pick(['Independent journalism since', 'Your local paper since', 'News you can trust since'])} ${1850 + (i % 170)}`),
    nav: () => ['Home', ...sections].join(navSep),
    breadcrumbs: () => `Home > ${m.pick(sections)} > ${m.title(m.int(1, 2))}`,
    newsletter: () => `${m.pick(['Sign up for', 'Subscribe to', 'Get'])} the ${name} ${m.pick(['newsletter', 'morning briefing', 'daily digest'])}${pick(0.5) ? '. Enter your email address' : ''}`,
    cookie: () => m.pick([
      'We use cookies to improve your experience. By continuing you accept our cookie policy.',
      'This site uses cookies. Some of them are essential, while others help us improve your experience. Accept all | Manage preferences',
      `${name} and its partners use cookies and similar technologies to personalise content and ads. Learn more in our privacy notice.`,
    ]),
    paywall: () => `You have read ${m.int(1, 9)} of ${m.pick([5, 10, 20])} free articles this month. Subscribe for unlimited access.`,
    date: dateLine,
    byline,
    readingTime: () => (pick(0.5) ? `${m.int(2, 14)} min read` : `Reading time: ${m.int(2, 14)} minutes`),
    listen: () => `Listen to this article (${m.int(2, 12)} min)`,
    share: () => `Share this article: ${['Facebook', 'Twitter', 'Email', 'WhatsApp', 'LinkedIn', 'Reddit'].filter(() => pick(0.6)).join(' | ') || 'Email'}`,
    related: () => list([m.pick(['Related articles:', 'You may also like', 'More from this section']), ...Array.from({ length: m.int(2, 6) }, () => `- ${m.pick(headlines)}`)]),
    mostRead: () => list(['Most read', ...Array.from({ length: m.int(3, 5) }, (_, k) => `${k + 1}. ${m.pick(headlines)}`)]),
    tags: () => `${m.pick(['Topics:', 'Tags:', 'More on:'])} ${Array.from({ length: m.int(2, 5) }, () => m.title(m.int(1, 2))).join(', ')}`,
    bio: () => author.bio,
    correction: () => (pick(0.04) ? `Correction: an earlier version of this article ${m.sentence().toLowerCase()}` : ''),
    comments: () => (pick(0.3) ? 'Comments are closed for this article.' : `${m.int(0, 900)} comments`),
    disclaimer: () => `The views expressed are those of the author and do not necessarily reflect those of ${name}. ${name} accepts no responsibility for the content of external sites.`,
    copyright: () => `Copyright ${1995 + (i % 31)} ${name} Media. All rights reserved.`,
    links: () => ['Privacy policy', 'Terms of use', 'Contact', 'About us', 'Advertise', 'Careers', 'Accessibility'].filter(() => pick(0.6)).join(navSep) || 'Contact',
    app: () => `Download the ${name} app for iPhone and Android`,
    follow: () => `Follow us on ${['Facebook', 'Twitter', 'Instagram', 'TikTok', 'YouTube'].filter(() => pick(0.6)).join(', ') || 'Facebook'}`,
  };
  type Kind = keyof typeof kinds;
  const choose = (ks: Kind[], p: number) => ks.filter(() => pick(p)).map((k) => kinds[k]);
  const insertKinds = [
    () => 'Advertisement',
    () => `Read more: ${m.pick(headlines)}`,
    () => `Photo: ${author.who} / ${name}`,
    () => `${m.sentence()} (Photo: ${m.name()} ${m.name()})`,
    () => m.pick(['Continue reading below', 'Story continues below advertisement', 'Article continues after this ad']),
    () => `RELATED: ${m.pick(headlines)}`,
    () => `${m.pick(['Sign up', 'Subscribe'])} to our newsletter for the latest ${m.pick(sections).toLowerCase()} news`,
    () => m.title(m.int(2, 6)), // a subheading
  ];
  const inserts = insertKinds.filter(() => pick(0.4));
  const median = logNormal(r, 3080, 0.35);
  const bare = pick(0.1);
  const template = (kind: 'article' | 'brief' | 'long' | 'live'): Template => {
    if (bare) {
      return { header: [], footer: [], inserts: [], insertRate: 0, size: () => logNormal(r, kind === 'brief' ? 400 : median, 1), live: false };
    }
    const header = [
      ...choose(['masthead'], 0.85), ...choose(['nav'], 0.7), ...choose(['cookie', 'paywall', 'newsletter', 'breadcrumbs'], 0.3),
      ...choose(['date'], 0.9), ...choose(['byline'], kind === 'brief' ? 0.4 : 0.8), ...choose(['readingTime', 'listen'], kind === 'long' ? 0.6 : 0.2),
    ];
    const footer = [
      ...choose(['correction', 'tags', 'share'], 0.45), ...choose(['bio'], kind === 'long' ? 0.7 : 0.25),
      ...choose(['related', 'mostRead', 'comments', 'disclaimer', 'app', 'follow'], 0.3), ...choose(['copyright', 'links'], 0.75),
    ];
    const size = kind === 'brief' ? () => logNormal(r, 700, 0.6)
      : kind === 'long' ? () => logNormal(r, 22000, 0.6)
        : kind === 'live' ? () => logNormal(r, 12000, 0.5)
          : () => logNormal(r, median, 0.75);
    return { header, footer, inserts, insertRate: kind === 'brief' ? 0 : r() * 0.15, size, live: kind === 'live' };
  };
  const templates = [template('article')];
  if (pick(0.5)) { templates.push(template('brief')); }
  if (pick(0.3)) { templates.push(template('long')); }
  if (pick(0.2)) { templates.push(template('live')); }
  return { templates, sep, lineBreak, wrap };
}

/** Hard-wraps a paragraph at `width` columns by turning spaces into line breaks: the length stays the same. */
function wrapAt(p: string, width: number): string {
  if (width === 0 || p.length <= width) { return p; }
  const cs = p.split('');
  let lineStart = 0;
  let lastSpace = -1;
  for (let i = 0; i < cs.length; i++) {
    if (cs[i] === ' ') { lastSpace = i; }
    if (i - lineStart >= width && lastSpace > lineStart) { cs[lastSpace] = '\n'; lineStart = lastSpace + 1; }
  }
  return cs.join('');
}

/** Changes about one word in 25: a substitution, an insertion or a deletion. */
function lightlyEdit(passage: string, rand: () => number, maker: TextMaker): string {
  const ws = passage.split(' ');
  const out: string[] = [];
  for (const w of ws) {
    const r = rand();
    if (r < 0.015) { out.push(maker.word()); } else if (r < 0.025) { out.push(w, maker.word()); } else if (r < 0.035) { continue; } else { out.push(w); }
  }
  return out.join(' ');
}

/** An earlier document kept as a copy source: its long paragraphs (unwrapped, with their offsets) and its body. */
interface Pooled {
  name: string;
  long: { text: string; at: number }[];
  body: string[];
}

/** How many earlier documents stay available as copy sources: bounded, so memory does not grow with the corpus. */
const POOL = 4000;
const MAX_BODY = 196 * 1024;
/**
 * The mean file size the corpus is held to: 1,000 MB in 133,018 files, the corpus (and about 13,300 files
 * in 100 MB). Each article's drawn length is scaled by a factor that follows how far the running mean is from it,
 * bounded to 0.8-1.25 and slow (about 200 files to take back one file's worth), so the few long files of the
 * distribution's tail do not move the file count of a given size by several per cent, and the shape stays.
 */
const MEAN_FILE_BYTES = 1000 * 1024 * 1024 / 133018;

export function generateCorpus(root: string, targetBytes: number, seed = 42, maxFiles = Infinity): GeneratedCorpus {
  const rand = prng(seed);
  const maker = new TextMaker(rand, vocabulary(rand, 40000));
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(root, { recursive: true });
  const sites = Array.from({ length: 1200 }, (_, i) => makeSite(i, maker));
  const pool: Pooled[] = [];
  const planted: PlantedCopy[] = [];
  let bytes = 0;
  let n = 0;
  let editTarget = '';
  const bodies: number[] = [];
  while (bytes < targetBytes && n < maxFiles) {
    const name = `doc${String(n).padStart(6, '0')}.txt`;
    // Site popularity is skewed: a few sites carry many of the articles.
    const site = sites[Math.floor(sites.length * rand() * rand())];
    const tpl = site.templates[Math.floor(rand() * site.templates.length)];
    const blocks: string[] = [];
    const long: Pooled['long'] = [];
    const body: string[] = [];
    let offset = 0;
    const push = (p: string): number => {
      if (p === '') { return offset; }
      const at = offset;
      blocks.push(site.wrap ? wrapAt(p, site.wrap) : p);
      offset += p.length + site.sep.length;
      return at;
    };
    const prose = (p: string): number => {
      const at = push(p);
      body.push(p);
      if (p.split(' ').length >= 60) { long.push({ text: p, at }); }
      return at;
    };
    for (const h of tpl.header) { push(h()); }
    push(maker.title(4 + Math.floor(rand() * 6)));
    const bodyStart = offset;
    const republished = pool.length > 10 && rand() < 0.01 ? pool[Math.floor(rand() * pool.length)] : undefined;
    if (republished) {
      // Another site's article taken whole, under this site's chrome, its first paragraph rewritten.
      republished.body.forEach((p, k) => prose(k === 0 ? maker.paragraph() : p));
    } else {
      const steer = Math.min(1.25, Math.max(0.8, 1 + (MEAN_FILE_BYTES * n - bytes) / (MEAN_FILE_BYTES * 200)));
      const size = n === 7 ? 20 * 1024 : Math.round(Math.min(MAX_BODY, Math.max(200, tpl.size() * steer)));
      let plantAfter = pool.length > 10 && rand() < 0.3 ? Math.floor(rand() * 4) : -1;
      const repeatInFile = rand() < 0.05;
      while (offset - bodyStart < size) {
        if (plantAfter === 0) {
          plantAfter = -1;
          plant(pool, planted, name, rand, maker, prose);
          continue;
        }
        if (tpl.inserts.length && rand() < tpl.insertRate) { push(tpl.inserts[Math.floor(rand() * tpl.inserts.length)]()); continue; }
        if (tpl.live) { push(`${two(maker.int(0, 23))}:${two(maker.int(0, 59))}`); }
        prose(maker.paragraph());
        if (plantAfter > 0) { plantAfter--; }
      }
      // A paragraph repeated later in the same document (a pull quote, a scraped page's second copy).
      if (repeatInFile && body.length > 8) { push(body[Math.floor(body.length / 2)]); }
    }
    bodies.push(bodyStart, Math.max(bodyStart, offset - site.sep.length));
    for (const f of tpl.footer) { push(f()); }
    const text = blocks.join(site.sep) + site.lineBreak;
    fs.writeFileSync(path.join(root, name), text);
    if (n === 7) { editTarget = name; }
    const entry = { name, long, body };
    if (pool.length < POOL) { pool.push(entry); } else { pool[Math.floor(rand() * POOL)] = entry; }
    bytes += Buffer.byteLength(text);
    n++;
  }
  return { root, files: n, bytes, planted, editTarget, bodies };
}

/** Copies 50-300 words from one paragraph of an earlier document, as its own paragraph or inside a new one. */
function plant(pool: Pooled[], planted: PlantedCopy[], target: string, rand: () => number,
  maker: TextMaker, push: (p: string) => number): void {
  const src = pool[Math.floor(rand() * pool.length)];
  if (src.long.length === 0) { return; }
  const run = src.long[Math.floor(rand() * src.long.length)];
  const runWords = run.text.split(' ');
  const len = Math.min(runWords.length, 50 + Math.floor(rand() * 250));
  const from = Math.floor(rand() * (runWords.length - len + 1));
  const piece = runWords.slice(from, from + len).join(' ');
  const sourceStart = run.at + (from === 0 ? 0 : runWords.slice(0, from).join(' ').length + 1);
  const edited = rand() < 0.5;
  const copied = edited ? lightlyEdit(piece, rand, maker) : piece;
  // A third of the copies are embedded: new sentences before and after them in the same paragraph.
  const embedded = rand() < 0.33;
  const before = embedded ? `${maker.sentence()} ${maker.sentence()} ` : '';
  const after = embedded ? ` ${maker.sentence()}` : '';
  const at = push(before + copied + after) + before.length;
  planted.push({
    source: src.name, sourceStart, sourceEnd: sourceStart + piece.length,
    target, targetStart: at, targetEnd: at + copied.length, edited, words: len,
  });
}
