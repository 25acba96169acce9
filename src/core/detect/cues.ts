// Phrasing cues of boilerplate: the words and shapes that sign-up prompts, cookie notices, share bars, "read more"
// trailers, photo credits, captions, timestamps, bylines, legal lines, ads, comment prompts and navigation use on
// news pages. Each cue applies only to lines up to a length (a long paragraph that mentions "subscribe" is prose).
// The regexes are compiled once, here; `matchCue` runs them in order and returns the first that fits.
import { BoilerplateCode } from '../findings';
import { wordHash } from './boilerplateUnits';
import { boilerplateScore } from './calibration';

export interface Cue {
  /** Stable finding code. */
  code: string;
  /** What a person reads in the finding: "newsletter sign-up prompt". */
  message: string;
  /** Case-insensitive unless written otherwise; tested against the line's trimmed text. */
  pattern: RegExp;
  /** The cue applies only to lines of at most this many UTF-16 code units. */
  maxChars: number;
  /** Probability that a line this cue matches is boilerplate, 0 to 1 (the default cues take calibration.ts's). */
  score: number;
  /** The line heads the comments: the running text ends there, and what follows weighs less as text. */
  startsComments?: boolean;
  /**
   * Words (lower case, as the detector splits them) of which the line must hold one for the pattern to be tried:
   * a cheap gate, so that most lines never run most patterns. With neither `triggers` nor `marks`, always tried.
   */
  triggers?: readonly string[];
  /** Characters (a `Mark` bit set) of which the line must hold one for the pattern to be tried (or a trigger). */
  marks?: number;
}

/** Characters that gate some cues: © ® ™, separators of menus and credits (› » | • · / >), and @. */
export const enum Mark { Legal = 1, Separator = 2, At = 4 }

/** Cues ready for matching: each gated cue gets a bit; `wordBits` maps a word's hash to the bits of its cues. */
export interface CompiledCues {
  readonly cues: readonly Cue[];
  readonly wordBits: ReadonlyMap<number, number>;
  readonly cueBits: readonly number[];
  /** Cues longer lines than this never match: such lines are not even sliced for matching. */
  readonly maxChars: number;
}

/** "Photo" in the devsets' other languages (German, Spanish, Italian, Portuguese, Polish, French, Russian), as credits use it. */
const creditWords = ['foto', 'fotos', 'fotografía', 'fotografia', 'fotografías', 'fotografias', 'bild', 'bilder', 'bildquelle', 'bildnachweis', 'fotoquelle', 'imagen', 'imágenes', 'zdjęcie', 'zdjęcia', 'fot', 'фото', 'crédit', 'crédits'];

const compiled = new WeakMap<readonly Cue[], CompiledCues>();

/** Compiles (once per cue list) the word gates of the cues. Cues past the 29th are never gated (see GATE_MASK). */
export function compileCues(cues: readonly Cue[]): CompiledCues {
  let c = compiled.get(cues);
  if (c) { return c; }
  const wordBits = new Map<number, number>();
  const cueBits = cues.map((cue, k) => {
    if (k >= 29 || !cue.triggers) { return 0; }
    const bit = 1 << k;
    for (const w of cue.triggers) { const h = wordHash(w); wordBits.set(h, (wordBits.get(h) ?? 0) | bit); }
    return bit;
  });
  c = { cues, wordBits, cueBits, maxChars: cues.reduce((a, cue) => Math.max(a, cue.maxChars), 0) };
  compiled.set(cues, c);
  return c;
}

/** Month and weekday names, for dates and for the shape fold. */
export const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
export const WEEKDAY = String.raw`(?:mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs?|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\.?`;
const UNIT = String.raw`(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mos?|months?|y|yrs?|years?)`;

/** Date and time expressions: "Nov. 19, 2019", "18 NOV 2019", "11/19/19", "2019-11-19T12:48:14Z", "8:03 am ET", "51 mins ago". */
export const dateTimePattern = new RegExp(
  [
    String.raw`\b${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s*\d{4})?`,
    String.raw`\b\d{1,2}(?:st|nd|rd|th)?\s+${MONTH}(?:,?\s*\d{4})?`,
    String.raw`\b${MONTH},?\s+\d{4}\b`,
    String.raw`\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}(?:T[\d:.]+Z?)?`,
    String.raw`\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*(?:[A-Z]{2,4}T|ET|PT|CT|GMT|UTC|IST|ist))?`,
    String.raw`\b\d{1,2}\s*[ap]\.?m\.?(?=\W|$)`,
    String.raw`\b(?:\d+|an?|one)\s*${UNIT}\s+ago\b`,
    String.raw`\b(?:yesterday|just now)\b`,
  ].join('|'),
  'gi',
);
/** Words that stand beside a date in a timestamp line and say nothing else. */
const timestampWords = new RegExp(String.raw`\b(?:updated|posted|published|first published|last (?:updated|modified)|modified|created|on|at|ago|am|pm|est|edt|pst|pdt|cst|cdt|gmt|utc|bst|cet|ist|et|pt|ct|date|time|read|min|mins|today|${WEEKDAY})(?=\W|$)`, 'gi');

/** The signature line of an embedded post, "— Name (@handle) November 18, 2019": part of the quote, not page furniture. */
const embeddedPostSignature = /^[—–-]\s*[^()]{1,80}\(@\w{1,30}\)/;

/** A timestamp line: mostly a date or time, with few other words ("Updated 3 hours ago - Politics & Policy"). */
export function isTimestampLine(text: string, maxOtherWords: number): boolean {
  if (embeddedPostSignature.test(text)) { return false; }
  dateTimePattern.lastIndex = 0;
  if (!dateTimePattern.test(text)) { return false; }
  dateTimePattern.lastIndex = 0;
  const rest = text.replace(dateTimePattern, ' ').replace(timestampWords, ' ');
  let words = 0;
  const re = /[\p{L}]{2,}/gu;
  while (re.exec(rest) !== null) {
    if (++words > maxOtherWords) { return false; }
  }
  return true;
}

const cap = String.raw`\p{Lu}[\p{L}.'’-]*`;
const social = String.raw`(?:share(?: (?:to|on|via|this))?|facebook|twitter|x|linkedin|pinterest|reddit|whatsapp|instagram|youtube|snapchat|tiktok|e-?mail|print|flipboard|pocket|tumblr|telegram|messenger|mix|stumbleupon|google\+|blogger|copy link|more)`;

/** A default cue, scored as calibration.ts measured its code. */
function cue(code: string, message: string, pattern: RegExp, maxChars: number, extra: Partial<Cue> = {}): Cue {
  return { code, message, pattern, maxChars, score: boilerplateScore(code), ...extra };
}

/** The default cues, most specific first. */
export const defaultCues: readonly Cue[] = [
  cue(BoilerplateCode.advertisement, 'advertisement marker',
    /^[\s\W]*(?:advertisement|advertising|advert|ads?|sponsored(?: content| links?| stories| posts?)?|promoted(?: content| stories)?|paid (?:content|post|partnership)|partner content|(?:story|article|content) continues below(?: (?:this )?(?:ad|advertisement))?|scroll to continue(?: with content)?|your ad choices|ad choices|advertise(?: with us| here)?)[\s\W]*$/i, 80, { triggers: ['advertisement', 'advertising', 'advert', 'ad', 'ads', 'sponsored', 'promoted', 'paid', 'partner', 'continues', 'scroll', 'advertise', 'choices'] }),
  cue(BoilerplateCode.cookie, 'cookie or consent notice',
    /\bcookies?\b.{0,200}\b(?:use|uses|using|accept|consent|agree|browsing|experience|policy|settings|preferences|personali[sz]ed|analytics|third[- ]party)\b|\b(?:use|uses|using|accept|consent to|agree to)\b.{0,80}\bcookies?\b|^[\s\W]*(?:i accept|accept(?: all)?(?: cookies)?|manage (?:cookies|preferences|settings|consent)|cookie settings|reject all|allow all)[\s\W]*$/i, 700, { triggers: ['cookie', 'cookies', 'accept', 'manage', 'reject', 'allow'] }),
  cue(BoilerplateCode.legal, 'copyright notice', /©|\(c\)\s*\d{4}|\bcopyright\b|\ball rights? reserved\b/i, 400, { triggers: ['copyright', 'rights', 'c'], marks: Mark.Legal }),
  cue(BoilerplateCode.legal, 'legal notice',
    /\bterms (?:of|&|and) (?:use|service|sale)\b|\bprivacy (?:policy|notice|statement|settings)\b|\b(?:user|subscriber) agreement\b|\bregistered trademarks?\b|\btrademarks? of\b|\bdisclaimer\b|\baffiliate (?:links?|commissions?|partnerships?)\b|\bmay (?:earn|get|receive) (?:a |an )?(?:small )?(?:share|commission|compensation)\b|\b(?:views|opinions) expressed\b.{0,120}\b(?:do not|don't|does not) (?:necessarily )?reflect\b/i, 200, { triggers: ['terms', 'privacy', 'agreement', 'trademark', 'trademarks', 'disclaimer', 'affiliate', 'earn', 'commission', 'compensation', 'expressed'] }),
  cue(BoilerplateCode.comments, 'comments prompt',
    /^[\s\W]*(?:\d+\s+)?(?:comments?|replies|talk|discuss(?:ion)?)[\s\W]*$|\b(?:view|show|hide|load|read|post|leave|add|write|see) (?:a |all |the |\d+ )?(?:comments?|replies|a reply)\b|\bjoin the (?:conversation|discussion|debate)\b|\bpowered by disqus\b|\bcommenters?\b|\bcomments? (?:are|is) (?:closed|moderated)\b|\btop rated comments\b|\[\s*\d+\s+comments?\s*\]/i, 400, { startsComments: true, triggers: ['comment', 'comments', 'replies', 'reply', 'talk', 'discuss', 'discussion', 'conversation', 'debate', 'disqus', 'commenter', 'commenters'] }),
  cue(BoilerplateCode.signUp, 'sign-up or subscription prompt',
    /\b(?:sign(?:ing)?[ -]?up|subscrib(?:e|ed|er|ers|ing)|subscriptions?|newsletters?|(?:in|to) your inbox|e-?mail (?:address|alerts?|updates|newsletters?)|valid e-?mail|opt[ -]?in|unsubscribe|log ?in|log ?out|sign ?in|already (?:a )?(?:member|subscriber|registered)|register (?:now|for free|today|here)|create (?:a |an |your )?(?:free )?account|my account|account settings|free trial)\b|^[\s\W]*(?:e-?mail(?: address)?(?: \(required\))?|your e-?mail|zip code|register|join(?: now| us| free)?|get it)[\s\W]*$/i, 120, { triggers: ['sign', 'signing', 'signup', 'subscribe', 'subscribed', 'subscriber', 'subscribers', 'subscribing', 'subscription', 'subscriptions', 'newsletter', 'newsletters', 'inbox', 'email', 'e', 'mail', 'opt', 'optin', 'unsubscribe', 'log', 'login', 'logout', 'signin', 'already', 'register', 'create', 'account', 'trial', 'zip', 'join', 'get'] }),
  cue(BoilerplateCode.share, 'share or follow buttons',
    new RegExp(String.raw`^[\s\W]*(?:(?:${social}|\d+\s*shares?)[\s\W]*)+$|^[\s\W]*(?:shares?|share (?:this|the|it|on|via|permalink|close).*|tweet|permalink|get short url|sharing is caring!?|follow(?: us)?(?: on .*)?|follow [\p{L}@ .]{1,30}(?: on(?: .*)?)?|like this (?:story|article|post)\?.*|share (?:it|this) with a friend.*|\d+\s*(?:shares?|views?|reads?))[\s\W]*$`, 'iu'), 160, { triggers: ['share', 'shares', 'sharing', 'facebook', 'twitter', 'x', 'linkedin', 'pinterest', 'reddit', 'whatsapp', 'instagram', 'youtube', 'snapchat', 'tiktok', 'email', 'e', 'mail', 'print', 'flipboard', 'pocket', 'tumblr', 'telegram', 'messenger', 'mix', 'stumbleupon', 'google', 'blogger', 'copy', 'more', 'tweet', 'permalink', 'get', 'follow', 'like', 'view', 'views', 'read', 'reads'] }),
  cue(BoilerplateCode.readMore, 'read-more or related-stories marker',
    /^[\s\W]*(?:read more|read (?:the )?(?:full|original|next) (?:story|article)|continue reading(?: the main story| below)?|keep reading|see (?:also|more)(?: photos| videos)?|more(?: stories| news| coverage| from [^.!?]{1,40}| on this(?: story)?| in [^.!?]{1,40}| like this)?|related(?: articles?| stories| posts?| coverage| content| links| reading| news| videos?| roundup)?|recommended(?: for you| stories| reading| videos?)?|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|(?:don't|do not) miss|trending(?: now| news| stories| topics)?|(?:most|top) (?:popular|read|viewed|shared|commented|emailed|recent)(?: \w+)?|popular (?:on|in|now|stories)(?: [^.!?]{1,30})?|go deeper|further reading|next up(?: in [^.!?]{1,40})?|up next|what to read next|editor'?s? picks?|latest(?: news| stories| headlines| articles| videos)?|also read|previous(?: post| article| story)?|next(?: post| article| story)?|more great [^.!?]{1,30} stories|around the web|from (?:the|our) (?:web|partners)|view all|see all(?: [\p{L} ]{1,30})?|load more|show more|must read[^.!?]{0,30}|now playing|watch next|more videos|in case you missed it)[\s\W]*$/iu, 80),
  cue(BoilerplateCode.readMore, 'link to another story',
    /^[\s[(]*(?:read more|read next|related(?: post| article| story| coverage)?|see also|also read|also on \S+|more|recommended|watch|listen|read)\s*:\s*\S/i, 200, { triggers: ['read', 'related', 'see', 'also', 'more', 'recommended', 'watch', 'listen'] }),
  cue(BoilerplateCode.photoCredit, 'photo credit',
    /\b(?:photo|photograph|image|picture|illustration|graphic|video|footage|photos|images)(?: credits?| courtesy)?\s*(?::|by\b)|^[\s(]*(?:source|credit|credits|courtesy)\s*:|\b(?:getty images?|shutterstock|istock(?:photo)?|alamy|ap photo|afp photo|epa-efe|via getty|file photo|handout photo)\b|^[\s(]*courtesy of\b|\/\s*(?:reuters|afp|ap|getty|epa)\b|\bcredit\s*(?::|\.\.\.)|^[\s\W]*(?:image|photo|picture|slide)?\s*\d+\s*(?:of|\/)\s*\d+[\s\W]*$/i, 320, { triggers: ['photo', 'photograph', 'image', 'picture', 'illustration', 'graphic', 'video', 'footage', 'photos', 'images', 'source', 'credit', 'credits', 'courtesy', 'getty', 'shutterstock', 'istock', 'istockphoto', 'alamy', 'ap', 'afp', 'epa', 'handout', 'file', 'reuters', 'slide', 'of'], marks: Mark.Separator }),
  // The same credit in the devsets' other languages: a cue of its own, tried only on lines holding one of its words.
  cue(BoilerplateCode.photoCredit, 'photo credit', /(?<!\p{L})(?:fotos?|fotograf[ií]as?|bild|bilder|bildquelle|bildnachweis|fotoquelle|im[aá]gen(?:es)?|zdj[eę]ci[ea]|фото|cr[ée]dits? photos?)\s*:|(?<!\p{L})fot\.\s+\p{Lu}/iu, 320, { triggers: creditWords }),
  cue(BoilerplateCode.photoCredit, 'photo credit', /\(\p{Lu}[^()]{1,60}\/\s*\p{Lu}[^()]{1,60}\)[\s\W]*$/u, 320, { marks: Mark.Separator }),
  cue(BoilerplateCode.caption, 'image caption',
    /^[\s(]*(?:above|below|top|pictured|inset|main image|file)\s*:|[(,]\s*(?:left|right|center|centre|top|bottom|far left|far right|second (?:from )?(?:left|right)|from left|front row|back row)\s*[),]|\b(?:is|are) pictured\b|\bposes? for\b|\blooks on\b|^(?:this|an?) (?:artist'?s? (?:impression|rendering|concept)|illustration|satellite image|screenshot|file photo|photo|image)\b/i, 300, { triggers: ['above', 'below', 'top', 'pictured', 'inset', 'main', 'file', 'left', 'right', 'center', 'centre', 'bottom', 'far', 'second', 'front', 'back', 'pose', 'poses', 'looks', 'impression', 'rendering', 'concept', 'illustration', 'satellite', 'screenshot', 'photo', 'image'] }),
  cue(BoilerplateCode.byline, 'byline',
    new RegExp(String.raw`^[\s\W]*(?:[Bb][Yy]|[Ww]ritten by|[Pp]osted by|[Ww]ords by|[Ss]tory by|[Tt]ext by|[Aa]uthor)\s*:?\s+${cap}(?:\s+${cap}){0,3}(?:\W.*)?$`, 'u'), 140),
  cue(BoilerplateCode.byline, 'author credit or contact',
    /\b(?:staff (?:writer|reporter)|senior (?:writer|editor|reporter|correspondent)|correspondent|columnist|contributor|contributing (?:writer|editor)|(?:associate|managing|news|deputy|executive|digital) editor|(?:auto|tech|science|business|sports|political|health|technology) (?:writer|reporter|editor))\b|\b(?:reporting|editing|writing|additional reporting|edited|compiled) by\b|\b(?:may|can) be (?:reached|contacted) at\b|^[^\s@]*@\S+$/i, 140, { triggers: ['staff', 'senior', 'correspondent', 'columnist', 'contributor', 'contributing', 'editor', 'writer', 'reporter', 'reporting', 'editing', 'writing', 'edited', 'compiled', 'reached', 'contacted'], marks: Mark.At }),
  cue(BoilerplateCode.tableOfContents, 'table-of-contents heading',
    /^[\s\W]*(?:table of contents|contents|in this (?:article|post|story|guide|piece)|jump to(?: section)?|on this page|quick links)[\s\W]*$/i, 60),
  cue(BoilerplateCode.navigation, 'navigation link',
    /^[\s\W]*(?:home(?: ?page)?|menu|search|sections|skip to (?:main )?content.*|skip to (?:site )?(?:index|navigation).*|back to (?:top|home|gallery).*|toggle navigation|main menu|site (?:index|map|navigation|search|information)(?: navigation)?|sitemap|about(?: us)?|contact(?: us)?|careers|faq|help(?: center)?|customer (?:service|center|care)|close|open|go to .*|print edition|today'?s paper|all sections|topics?|tags?:?.*|filed under:?.*|categories|related (?:topics|tags)|breaking|you are (?:here|at)|search (?:query|form).*|previous next|next|previous|prev|rss(?: feeds?)?|e-?edition|epaper|masthead|archives?|corrections)[\s\W]*$/i, 80),
  cue(BoilerplateCode.navigation, 'breadcrumb or menu trail',
    /^[^.!?]{1,60}(?:\s(?:[›»>|\/•·]|::)\s[^.!?]{1,40}){2,}$/u, 200, { marks: Mark.Separator }),
];

/**
 * The first cue whose pattern fits the line, within the cue's length limit. `words` and `marks` are the line's
 * gate bits (from `measure`); a cue gated by triggers or marks is tried only when the line has one of them.
 */
export function matchCue(text: string, c: CompiledCues, words: number, marks: number): Cue | undefined {
  for (let k = 0; k < c.cues.length; k++) {
    const cue = c.cues[k];
    if (text.length > cue.maxChars) { continue; }
    const gated = c.cueBits[k] !== 0 || cue.marks !== undefined;
    if (gated && (words & c.cueBits[k]) === 0 && (marks & (cue.marks ?? 0)) === 0) { continue; }
    if (cue.pattern.test(text)) { return cue; }
  }
  return undefined;
}
