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
/** The cue lists compiled last, for a list equal to one of them that is another object (see compileCues). */
const recent: CompiledCues[] = [];

/**
 * Compiles (once per cue list) the word gates of the cues. Cues past the 29th are never gated (see GATE_MASK).
 * A worker thread gets its own copy of the options with every batch of files; a copy equal to a list compiled
 * before takes that list's compilation, patterns included, so V8 compiles no pattern twice.
 */
export function compileCues(cues: readonly Cue[]): CompiledCues {
  let c = compiled.get(cues);
  if (c) { return c; }
  c = recent.find((r) => sameCues(r.cues, cues));
  if (c) { compiled.set(cues, c); return c; }
  const wordBits = new Map<number, number>();
  const cueBits = cues.map((cue, k) => {
    if (k >= 29 || !cue.triggers) { return 0; }
    const bit = 1 << k;
    for (const w of cue.triggers) { const h = wordHash(w); wordBits.set(h, (wordBits.get(h) ?? 0) | bit); }
    return bit;
  });
  c = { cues, wordBits, cueBits, maxChars: cues.reduce((a, cue) => Math.max(a, cue.maxChars), 0) };
  compiled.set(cues, c);
  recent.unshift(c);
  if (recent.length > 4) { recent.pop(); }
  return c;
}

/** Two cue lists that match alike: every cue the same, field by field (a pattern by its source and flags). */
function sameCues(a: readonly Cue[], b: readonly Cue[]): boolean {
  return a.length === b.length && a.every((x, i) => {
    const y = b[i];
    return x.code === y.code && x.message === y.message && x.maxChars === y.maxChars && x.score === y.score
      && x.startsComments === y.startsComments && x.marks === y.marks
      && x.pattern.source === y.pattern.source && x.pattern.flags === y.pattern.flags
      && sameWords(x.triggers, y.triggers);
  });
}

function sameWords(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.length === b.length && a.every((w, i) => w === b[i]));
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
  // "Copyright" as a notice says whose and since when ("Copyright © 2020 X", "Copyright 2020", "Copyright: X"); in a
  // sentence ("free copyright licenses", "Erdogans Copyright") it is a word of the text.
  // The cues below in the devsets' other languages (German, Spanish, French, Italian, Portuguese, Polish, Dutch):
  // each a cue of its own, tried only on lines holding one of its words, with the length limit of its English one.
  cue(BoilerplateCode.cookie, 'cookie or consent notice',
    /(?<!\p{L})cookies?(?!\p{L}).{0,200}(?<!\p{L})(?:verwenden|verwendet|nutzen|nutzt|einsatz|setzen|einverstanden|zustimm\p{L}*|akzeptier\p{L}*|datenschutz\p{L}*|utiliza\p{L}*|usamos|acepta\p{L}*|pol[ií]tica|utilis\p{L}*|accept\p{L}*|consentement|używa\p{L}*|wykorzystuje|korzysta\p{L}*|zgod\p{L}*|utilizz\p{L}*|usiamo|consenso|gebruik\p{L}*|toestemming)(?!\p{L})|(?<!\p{L})(?:verwenden|nutzen|setzen|utilizamos|usamos|utilisons|używamy|wykorzystujemy|utilizziamo|usiamo|gebruiken)(?!\p{L}).{0,80}(?<!\p{L})cookies?(?!\p{L})/iu, 700, { triggers: ['cookie', 'cookies'] }),
  cue(BoilerplateCode.legal, 'copyright notice', /©|\(c\)\s*\d{4}|^[\s\W]*copyright\b|\bcopyright\s*(?:©|\(c\)|\d{4}|by\b|:)|\ball rights? reserved\b|(?<!\p{L})(?:alle rechte vorbehalten|(?:todos los )?derechos reservados|tous droits réservés|tutti i diritti riservati|todos os direitos reservados|wszelkie prawa zastrzeżone|все права защищены|alle rechten voorbehouden)(?!\p{L})/iu, 400, { triggers: ['copyright', 'rights', 'c', 'rechte', 'derechos', 'droits', 'diritti', 'direitos', 'prawa', 'права', 'rechten'], marks: Mark.Legal }),
  cue(BoilerplateCode.legal, 'legal notice',
    /\bterms (?:of|&|and) (?:use|service|sale)\b|\bprivacy (?:policy|notice|statement|settings)\b|\b(?:user|subscriber) agreement\b|\bregistered trademarks?\b|\btrademarks? of\b|\bdisclaimer\b|\baffiliate (?:links?|commissions?|partnerships?)\b|\bmay (?:earn|get|receive) (?:a |an )?(?:small )?(?:share|commission|compensation)\b|\b(?:views|opinions) expressed\b.{0,120}\b(?:do not|don't|does not) (?:necessarily )?reflect\b/i, 200, { triggers: ['terms', 'privacy', 'agreement', 'trademark', 'trademarks', 'disclaimer', 'affiliate', 'earn', 'commission', 'compensation', 'expressed'] }),
  cue(BoilerplateCode.legal, 'legal notice',
    /(?<!\p{L})(?:datenschutzerklärung|datenschutzhinweise|nutzungsbedingungen|allgemeine geschäftsbedingungen|haftungsausschluss|affiliate-links?|werbelinks?|(?:erhält|erhalten|bekommen|verdienen) (?:\p{L}+ ){0,3}(?:ggf\. |eventuell |unter umständen )?eine (?:kleine )?provision|aviso legal|pol[ií]tica de privacidad|t[ée]rminos y condiciones|mentions légales|politique de confidentialité|conditions générales|informativa (?:sulla )?privacy|termini e condizioni|pol[ií]tica de privacidade|termos de uso|polityka prywatności|regulamin|les opinions exprimées .{0,80}n'engagent que)(?!\p{L})/iu, 200, { triggers: ['datenschutzerklärung', 'datenschutzhinweise', 'nutzungsbedingungen', 'allgemeine', 'haftungsausschluss', 'affiliate', 'werbelink', 'werbelinks', 'provision', 'aviso', 'política', 'politica', 'términos', 'terminos', 'mentions', 'politique', 'conditions', 'informativa', 'termini', 'termos', 'polityka', 'regulamin', 'opinions'] }),
  cue(BoilerplateCode.comments, 'comments prompt',
    /^[\s\W]*(?:\d+\s+)?(?:comments?|replies|talk|discuss(?:ion)?)[\s\W]*$|\b(?:view|show|hide|load|read|post|leave|add|write|see) (?:a |all |the |\d+ )?(?:comments?|replies|a reply)\b|\bjoin the (?:conversation|discussion|debate)\b|\bpowered by disqus\b|\bcommenters?\b|\bcomments? (?:are|is) (?:closed|moderated)\b|\btop rated comments\b|\[\s*\d+\s+comments?\s*\]/i, 400, { startsComments: true, triggers: ['comment', 'comments', 'replies', 'reply', 'talk', 'discuss', 'discussion', 'conversation', 'debate', 'disqus', 'commenter', 'commenters'] }),
  cue(BoilerplateCode.comments, 'comments prompt',
    /^[\s\W]*(?:\d+\s+)?(?:kommentare?|comentarios?|commentaires?|commenti|comentários?|komentarz[ey]?|reacties)[\s\W]*$|(?<!\p{L})(?:schreib(?:e|en sie)? einen kommentar|hinterlasse(?:n sie)? einen kommentar|kommentar (?:schreiben|verfassen|abgeben|hinterlassen)|keine kommentare|deja (?:un|tu) comentario|dejar un comentario|escribe un comentario|laisser un commentaire|ajouter un commentaire|lascia un commento|deixe (?:um|seu) comentário|dodaj komentarz|laat een reactie achter)(?!\p{L})/iu, 120, { startsComments: true, triggers: ['kommentar', 'kommentare', 'comentario', 'comentarios', 'commentaire', 'commentaires', 'commento', 'commenti', 'comentário', 'comentários', 'komentarz', 'komentarze', 'komentarzy', 'reactie', 'reacties'] }),
  cue(BoilerplateCode.signUp, 'sign-up or subscription prompt',
    /\b(?:sign(?:ing)?[ -]?up|subscrib(?:e|ed|er|ers|ing)|subscriptions?|newsletters?|(?:in|to) your inbox|e-?mail (?:address|alerts?|updates|newsletters?)|valid e-?mail|opt[ -]?in|unsubscribe|log ?in|log ?out|sign ?in|already (?:a )?(?:member|subscriber|registered)|register (?:now|for free|today|here)|create (?:a |an |your )?(?:free )?account|my account|account settings|free trial)\b|^[\s\W]*(?:e-?mail(?: address)?(?: \(required\))?|your e-?mail|zip code|register|join(?: now| us| free)?|get it)[\s\W]*$/i, 120, { triggers: ['sign', 'signing', 'signup', 'subscribe', 'subscribed', 'subscriber', 'subscribers', 'subscribing', 'subscription', 'subscriptions', 'newsletter', 'newsletters', 'inbox', 'email', 'e', 'mail', 'opt', 'optin', 'unsubscribe', 'log', 'login', 'logout', 'signin', 'already', 'register', 'create', 'account', 'trial', 'zip', 'join', 'get'] }),
  cue(BoilerplateCode.signUp, 'sign-up or subscription prompt',
    /(?<!\p{L})(?:abonnier\p{L}*|e-?mail-adresse|einloggen|eingeloggt|posteingang|(?:jetzt|hier|kostenlos|gratis) (?:anmelden|registrieren)|suscr[ií]b\p{L}*|suscripci[oó]n|bolet[ií]n|iniciar sesi[oó]n|reg[ií]strate|s'abonner|abonnez-vous|inscrivez-vous|se connecter|iscriviti|inscreva-se|assine|zapisz się|subskryb\p{L}*|subskrypcj\p{L}*|zaloguj(?: się)?|prenumerat\p{L}*|inschrijven)(?!\p{L})|^[\s\W]*(?:anmelden|registrieren|login|connexion|accedi|entrar|zaloguj|inloggen|aanmelden)[\s\W]*$/iu, 120, { triggers: ['abonnieren', 'abonniere', 'abonniert', 'abonnierst', 'abonniere', 'adresse', 'einloggen', 'eingeloggt', 'posteingang', 'anmelden', 'registrieren', 'suscríbete', 'suscribete', 'suscribirse', 'suscríbase', 'suscripción', 'suscripcion', 'boletín', 'boletin', 'sesión', 'sesion', 'regístrate', 'registrate', "s'abonner", 'abonnez', 'inscrivez', 'connecter', 'iscriviti', 'inscreva', 'assine', 'zapisz', 'subskrybuj', 'subskrypcji', 'subskrypcja', 'subskrypcję', 'zaloguj', 'prenumerata', 'prenumeraty', 'prenumeratę', 'inschrijven', 'login', 'connexion', 'accedi', 'entrar', 'inloggen', 'aanmelden'] }),
  cue(BoilerplateCode.share, 'share or follow buttons',
    new RegExp(String.raw`^[\s\W]*(?:(?:${social}|\d+\s*shares?)[\s\W]*)+$|^[\s\W]*(?:shares?|share (?:this|the|it|on|via|permalink|close).*|tweet|permalink|get short url|sharing is caring!?|follow(?: us)?(?: on .*)?|follow [\p{L}@ .]{1,30}(?: on(?: .*)?)?|like this (?:story|article|post)\?.*|share (?:it|this) with a friend.*|\d+\s*(?:shares?|views?|reads?))[\s\W]*$`, 'iu'), 160, { triggers: ['share', 'shares', 'sharing', 'facebook', 'twitter', 'x', 'linkedin', 'pinterest', 'reddit', 'whatsapp', 'instagram', 'youtube', 'snapchat', 'tiktok', 'email', 'e', 'mail', 'print', 'flipboard', 'pocket', 'tumblr', 'telegram', 'messenger', 'mix', 'stumbleupon', 'google', 'blogger', 'copy', 'more', 'tweet', 'permalink', 'get', 'follow', 'like', 'view', 'views', 'read', 'reads'] }),
  cue(BoilerplateCode.share, 'share or follow buttons',
    /^[\s\W]*(?:(?:jetzt |artikel |beitrag |seite )?teilen|teilen sie (?:dies|diesen (?:artikel|beitrag)) mit|compartir(?: en)?|partager(?: sur)?|condividi(?: su)?|compartilh(?:ar|e)|udostępnij|delen|folg(?:en sie|t|e) uns(?: auf .*)?|s[ií]guenos(?: en .*)?|suivez-nous(?: sur .*)?|seguici(?: su .*)?|siga-nos(?: .*)?|obserwuj nas(?: .*)?|volg ons(?: op .*)?)[\s\W]*$|(?<!\p{L})(?:jetzt|artikel|beitrag) teilen(?!\p{L})/iu, 160, { triggers: ['teilen', 'compartir', 'partager', 'condividi', 'compartilhar', 'compartilhe', 'udostępnij', 'delen', 'folgen', 'folgt', 'folge', 'síguenos', 'siguenos', 'suivez', 'seguici', 'siga', 'obserwuj', 'volg'] }),
  cue(BoilerplateCode.readMore, 'read-more or related-stories marker',
    /^[\s\W]*(?:read more|read (?:the )?(?:full|original|next) (?:story|article)|continue reading(?: the main story| below)?|keep reading|see (?:also|more)(?: photos| videos)?|more(?: stories| news| coverage| from [^.!?]{1,40}| on this(?: story)?| in [^.!?]{1,40}| like this)?|related(?: articles?| stories| posts?| coverage| content| links| reading| news| videos?| roundup)?|recommended(?: for you| stories| reading| videos?)?|you (?:may|might) (?:also )?(?:like|enjoy|be interested in)|(?:don't|do not) miss|trending(?: now| news| stories| topics)?|(?:most|top) (?:popular|read|viewed|shared|commented|emailed|recent)(?: \w+)?|popular (?:on|in|now|stories)(?: [^.!?]{1,30})?|go deeper|further reading|next up(?: in [^.!?]{1,40})?|up next|what to read next|editor'?s? picks?|latest(?: news| stories| headlines| articles| videos)?|also read|previous(?: post| article| story)?|next(?: post| article| story)?|more great [^.!?]{1,30} stories|around the web|from (?:the|our) (?:web|partners)|view all|see all(?: [\p{L} ]{1,30})?|load more|show more|must read[^.!?]{0,30}|now playing|watch next|more videos|in case you missed it)[\s\W]*$/iu, 80),
  cue(BoilerplateCode.readMore, 'link to another story',
    /^[\s[(]*(?:read more|read next|related(?: post| article| story| coverage)?|see also|also read|also on \S+|more|recommended|watch|listen|read)\s*:\s*\S/i, 200, { triggers: ['read', 'related', 'see', 'also', 'more', 'recommended', 'watch', 'listen'] }),
  cue(BoilerplateCode.readMore, 'read-more or related-stories marker',
    /^[\s\W]*(?:weiterlesen|mehr lesen|mehr erfahren|mehr (?:zum thema|dazu)(?: [^.!?]{1,40})?|(?:verwandte|ähnliche|weitere|empfohlene|beliebte|neueste|aktuelle|alle) (?:artikel|beiträge|themen|news|nachrichten)|(?:das|dies|diese)(?: (?:thema|themen|artikel|beitrag|beiträge))? könnten? (?:dich|sie|euch) (?:auch )?interessieren|(?:auch|ebenfalls) interessant|lesen sie auch|lies auch|siehe auch|meistgelesen(?:e (?:artikel|beiträge))?|vorheriger (?:artikel|beitrag)|nächster (?:artikel|beitrag)|le[ea]r? más|le[ea] también|(?:también )?te (?:puede|podría) interesar|(?:artículos|noticias|entradas) relacionad[ao]s|más noticias|lo más (?:leído|visto)|lire (?:la suite|aussi|plus)|à lire (?:aussi|également)|voir aussi|articles (?:similaires|liés|connexes)|sur le même sujet|les plus lus|vous aimerez aussi|leggi (?:anche|tutto|di più)|articoli correlati|potrebbe interessarti|leia (?:mais|também)|veja também|(?:artigos|notícias) relacionad[ao]s|czytaj (?:też|także|więcej|również)|zobacz (?:też|także|również)|podobne artykuły|lees (?:meer|ook)|gerelateerde artikelen)[\s\W]*$|^[\s[(]*(?:weiterlesen|lesen sie auch|lies auch|mehr zum thema|auch interessant|siehe auch|le[ea] también|le[ea] más|lire aussi|à lire aussi|voir aussi|leggi anche|leia também|veja também|czytaj (?:też|także|również)|zobacz (?:też|także|również)|lees ook)\s*:\s*\S/iu, 200, { triggers: ['weiterlesen', 'mehr', 'verwandte', 'ähnliche', 'weitere', 'empfohlene', 'beliebte', 'neueste', 'aktuelle', 'alle', 'könnte', 'könnten', 'interessant', 'lesen', 'lies', 'siehe', 'meistgelesen', 'meistgelesene', 'vorheriger', 'nächster', 'leer', 'lea', 'lee', 'interesar', 'relacionados', 'relacionadas', 'más', 'lire', 'voir', 'articles', 'sujet', 'lus', 'aimerez', 'leggi', 'correlati', 'interessarti', 'leia', 'veja', 'relacionados', 'czytaj', 'zobacz', 'podobne', 'lees', 'gerelateerde'] }),
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
