// Claim candidates: sentences that make a check-worthy factual statement. Each sentence is scored from cues
// (attribution, figures and dates, comparisons and records, events with consequences, quotations that report)
// against signs of what is not checkable (questions, opinions and feelings, promises, greetings, scene-setting,
// site boilerplate), and the speaker is proposed where the sentence names one.
import { SPEAKER_LABEL, Span } from './sentences';
import { CLAIM_MODEL, ClaimModel } from './claimModel';
import { ClaimSuggestion, EntitySuggestion } from './types';

export interface ClaimOptions {
  /** Sentences scoring below this are not proposed. */
  minScore: number;
}

export const defaultClaimOptions: ClaimOptions = { minScore: 0.45 };

const ATTRIBUTION = /\b(said|says|told|tells|according to|stated|states|announced|reported|reports|confirmed|confirms|admitted|admits|claimed|claims|noted|notes|estimated|estimates|found|finds|showed|shows|revealed|reveals|testified|ruled|concluded|wrote|added|acknowledged|disclosed|insisted|insists|argued|argues|alleged|alleges|alleging|warned|warns)\b/i;
const NUMBER = /\d/;
const FIGURE = /(\d[\d,.]*-(?:ship|day|week|month|year|hour|mile|point|seat|member|page|bed|acre|ton|tonne|percent)s?\b|\d[\d,.]*\s*(%|percent|per cent|percentage points?|million|billion|trillion|bn|m\b|k\b|km|kilomet|metres|meters|miles|acres|hectares|tonnes|tons|barrels|votes|years?|months?|weeks?|days|hours|people|deaths|cases|jobs|homes|patients|passengers|seats|beds)|[$£€¥]\s?\d|\d\s?(USD|EUR|GBP)\b)/i;
/** Numbers written as words, as speakers say them ("eight hundred thousand", "nine out of ten"). */
const NUMBER_WORD = '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred|hundreds?|a thousand|thousands?|a million|millions?|a billion|billions?|dozens?|half|a third|a quarter|a fifth|a tenth)';
const NUMBER_WORDS = new RegExp(`\\b(${NUMBER_WORD.slice(3, -1)}|twice|double|doubled|tripled|halved|majority|minority)\\b`, 'i');
/** A quantity in words: a number word before a unit or a counted noun ("nine years", "forty percent", "three times"). */
const QUANTITY_IN_WORDS = new RegExp(`\\b${NUMBER_WORD}(?:[ -]${NUMBER_WORD})*(?: and ${NUMBER_WORD})?\\s+(?:percent|per cent|percentage points?|times|years?|months?|weeks?|days|hours|dollars|pounds|euros|people|children|jobs|homes|families|workers|patients|prisoners|officers|nurses|doctors|teachers|students|votes|barrels|tonnes|tons|miles|acres|cases|deaths|out of|in (?:four|five|ten|twenty|a hundred))\\b|\\b(?:one|two|three|four|five|six|seven|eight|nine) in (?:three|four|five|six|ten|twenty|a hundred)\\b`, 'i');
/** Counted things in words: "five nations", "two boxes", "thousands of jobs", "millions of Americans". */
const COUNTED = /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|thousand|million|billion)\s+(?:[a-z]+\s)?(?!(?:things|ways|times|reasons|points|questions|minutes|seconds|words|ideas|parts|steps|issues|occasions|sides|days|weeks|months|years|hours|areas|kinds|sorts|types|candidates|debates|terms|friends|options|choices)\b)[a-z]{3,}(?<!ss|us|is)s\b|\b(?:dozens|hundreds|thousands|millions|billions|trillions|tens of thousands) of \p{L}+/iu;
/** A voting or legislative record, the most checked kind of political claim: "voted against", "vetoed", "co-sponsored". */
const RECORD = /\b(voted (?:for|against|to|no|yes|twice|three times)|vetoed|(?:co-?)?sponsored|filibustered|signed into law|cast the deciding vote)\b/i;
/** A rank or a ratio: "the fourth highest", "the bottom quarter", "twice as long", "per prisoner", "the only member". */
const RANK_OR_RATIO = /\b((?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)[ -](?:highest|lowest|largest|biggest|smallest|most|least|worst|best|fastest|slowest)|(?:bottom|top) (?:half|third|quarter|fifth|ten|five)|twice as|(?:three|four|five|ten) times (?:as|more|less|faster|slower|higher|lower)|per (?:person|head|capita|pupil|student|prisoner|patient|household|family|worker|resident|citizen)|the (?:top|bottom|richest|wealthiest|poorest) (?:\d+(?:\.\d+)?|one|ten|tenth of one|1\/10th of 1) (?:percent|per cent)|the only (?:country|state|city|member|party|one|nation|province|region)|among the (?:first|last)|ranks?|ranked)\b/i;
/** A claim over a whole population or period: "than any other", "in every region", "in our history", "on record". */
const SCOPE = /\b(than (?:any|every|anywhere|all|ever|before|almost)|any other|no other|only (?:in|one|two|three|country|state|nation)|anywhere else|every (?:single )?(?:year|month|region|state|county|city|district|one)|in (?:the|our|this) (?:country|world|region|state|history|union|nation|province|capital)|in (?:a|the last|the past) (?:decade|generation|century)|(?:in|over|during) the (?:last|past) (?:\d+|two|three|four|five|six|seven|eight|ten|twenty|thirty|forty|fifty) (?:years|decades)|on record|since (?:the|records|he|she|they|we|it)|for the first time|in (?:nine|ten|twenty|thirty|fifty|a hundred) years)\b/i;
/** A cause stated as fact: "because of the sanctions", "the closure led to", "as a result". */
const CAUSAL = /\b(because of|as a result|led to|leads to|caused|causes|due to|resulted in|results in|thanks to|blamed on|driven by|(?:when|after|since) (?:the|they|he|she|we) (?:\w+ ){0,3}(?:was|were|cut|raised|closed|abolished|introduced|passed|came in|imposed))\b/i;
/** What a policy does or costs, stated as fact though in the future: "the plan would take cover from ...". */
const POLICY_EFFECT = /\b(?:the|this|that|his|her|their|our|your|my opponent's) (?:[a-z]+ )?(?:plan|bill|law|policy|budget|deal|treaty|tax|tariffs?|levy|toll|fees?|fares?|charge|subsidy|scheme|programme|program|reform|proposal|cut|cuts|ban|pipeline|runway|project) (?:(?:he|she|they|you|we) (?:supported|proposed|negotiated|signed|wants|backed) )?(?:would|will|could)(?: have)? (?:cost|take|put|raise|cut|carry|add|remove|close|mean|leave|force|double|halve|reduce|increase|lose|create|destroy|ban)\b/i;

/** Public actors and the public: the subjects whose records are checked ("the governor", "his administration"). */
const PUBLIC_ACTOR = /\b(government|administration|minister|ministry|governor|senator|congress(?:man|woman)?|parliament|legislature|council|mayor|president|party|my opponent|his party|her party|their party|the state|our state|this state|the country|our country|this country|the nation|the province|the city|the capital|taxpayers|federal|national|public)\b/i;
/** The speaker's own life, family and campaign: facts of no public interest ("my wife", "I visited"). */
const PERSONAL = /\b(my (?:wife|husband|mother|father|mum|mom|dad|son|daughter|kids|children|family|parents|grandfather|grandmother|brother|sister|campaign|friend|neighbour|neighbor)|I(?:'ve|’ve| have)? (?:visited|met|grew up|was born|went|drove|talked|spoke|knocked|held|ran|raised|started|taught|worked|lived|served|chaired|spent|been to)|we(?:'ve|’ve| have)? (?:held|visited|met|knocked))\b/i;
const DATE = /\b(1[89]\d\d|20\d\d|January|February|March|April|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|last (week|month|year|night)|this (week|month|year)|since (19|20)\d\d)\b/;
const COMPARISON = /\b(more|less|fewer|higher|lower|greater|larger|smaller|bigger|faster|slower|cheaper|better|worse|than|most|least|largest|biggest|highest|lowest|oldest|youngest|longest|shortest|fastest|best|worst|fewest|record|first time|for the first time|rose|risen|rise|rising|fell|fallen|falling|dropped|drop|increased|increase|decreased|decrease|grew|grown|shrank|shrunk|declined|doubled|tripled|halved|surged|soared|plunged|slumped|overtook|outnumber|compared with|compared to|up from|down from|in a row|straight|running|ever recorded|since records began|average|median|per capita|rate)\b/i;
const EVENT = /\b(killed|died|dead|injured|wounded|arrested|charged|convicted|sentenced|jailed|acquitted|executed|elected|voted|vote|votes|passed|signed|approved|rejected|banned|launched|founded|opened|closed|cancell?ed|recalled|resigned|fired|sacked|hired|appointed|won|lost|cut|cuts|raised|raise|paid|spent|sent|received|donated|admitted|evacuated|destroyed|damaged|flooded|burned|collapsed|seized|detained|deported|sued|fined|bought|sold|acquired|merged|employs|employed|produced|produces|built|born|married|left|joined|invaded|attacked|fired|struck|hit|landed|caused|missed|transferred|owned|own|owns|earned|earn|earns|ranked|tested positive|violated|annexed|pardoned|deleted|released|supported|opposed|vetoed|blocked|shut|moved|abolish|repealed|expanded|privati[sz]ed|borrowed|owed|refused|failed|broke|broken|took|written|deny|denied|invested|funded|defunded|outsourced|installed|deployed|negotiated|endorsed|enforced|overturned|terminated|increased|reduced|slashed|imposed|lifted|withdrew|pulled out)\b/i;
/** Past-tense verbs: a report of what happened (irregular ones are mostly in EVENT). */
const PAST = /\b[a-z]{3,}ed\b|\b(went|was|were|had|did|took|gave|made|came|became|grew|fell|rose|began|knew|told|wrote|spent|sent|lost|won|paid|built|sold|bought|left|met|ran|brought|held|kept)\b/;
/** Subjects that public claims are about: money, jobs, health, crime, war, law, trade, the environment. */
const TOPIC = /\b(tax|taxes|tariffs?|jobs?|wages?|unemployment|economy|economic|inflation|debt|deficit|budget|spending|funding|health|healthcare|insurance|medicare|medicaid|hospitals?|schools?|education|crime|murders?|police|prisons?|guns?|immigra\w*|refugees?|border|wall|war|troops|military|nuclear|weapons|sanctions|trade|deal|treaty|agreement|law|bill|court|vote|election|ballots?|climate|emissions|energy|oil|coal|pollution|drugs?|vaccines?|virus|emails|returns|corporate|industry|companies|lobbyists|pensions?|housing|rent|poverty|benefits|welfare|subsidies|regulations?)\b/i;
const QUESTION_END = /\?["”’']*\s*$/;
const EXCLAIM_END = /!["”’']*\s*$/;
const OPINION = /\b(I|we)\s+(think|believe|feel|hope|wish|want|love|like|hate|guess|suppose|am proud|are proud|'m proud|’m proud|am so|am not going|will never|must|need|should|can't|cannot|won't)\b|\b(in my view|in my opinion|personally|frankly|honestly|of course|let me|let's|let us|thank you|god bless)\b/i;
const EVALUATIVE = /\b(thrilled|delighted|excited|pleased|worried|disappointed|upset|grateful|glad|beautiful|wonderful|great|terrible|awful|horrible|amazing|fantastic|incredible|disgraceful|shameful|embarrassing|breathtaking|lovely|pleasant|sad|happy|proud|honou?r|disaster|tragedy|hopeful|inspiring|angry|shame|love)\b/i;
const MODAL = /\b(will|would|should|could|might|may|must|going to|gonna|ought to|can)\b/i;
const BOILERPLATE = /\b(sign up|subscribe|newsletter|click|read more|read the full|follow us|share this|cookies?|terms and conditions|terms of use|privacy policy|all rights reserved|advertisement|sponsored|podcast|listen to|watch the|stay tuned|updated|this story|this article|inbox|our website|download the app|log in|sign in|enter a valid|email address|see also|related:|photo:|image:|credit:|getty|ap photo|reuters photo|copyright|©)\b/i;
const GREETING = /^(thank you|thanks|good (morning|afternoon|evening|night)|welcome|hello|hi|ladies and gentlemen|wow|please|tonight,? i)\b/i;
/** A turn's opening word ("Well,", "Look,", "Yes,", "No,"): a speaker's habit, which often comes before a fact. */
const DISCOURSE_MARKER = /^(let me|let's|look,|well,|okay|ok\b|yes\b|no,|no\.|see,|listen,|now,|so,)/i;
// "See," and "Listen," open a spoken sentence (a discourse marker), not an instruction.
const IMPERATIVE = /^["“]?(click|read|sign|follow|share|subscribe|watch|listen|see|get|join|download|contact|don't|do not|please|stay|enter|visit|learn|find out|check out|tell us|send)\b(?!,)/i;
const DESCRIPTIVE = /\b(smiled|smiling|laughed|laughing|looked|looking|wearing|walked|stood|sat|shrugged|nodded|sighed|glanced|stared|whispered|cheered|applauded)\b/i;
const FIRST_PERSON = /\b(I|I'm|I’m|I've|I’ve|we|we're|we’re|we've|we’ve|our|my|me|us)\b/;
/** The speaker alone ("I", "my"), as against "we" and "our", which in a debate are often the state or the country. */
const FIRST_SINGULAR = /\b(I|I'm|I’m|I've|I’ve|I'd|I’d|I'll|I’ll|my|me)\b/;
const SECOND_PERSON = /\b(you|your|you're|you’re)\b/i;
const QUOTE = /["“”]/;
/** A share stated as a figure ("12 percent", "40%"): the kind of number fact-checkers pick most. */
const PERCENT = /\d\s*(?:%|percent\b|per cent\b)/i;
/**
 * A sentence that opens by addressing someone by title and name ("Senator Sanders, you said ..."): a moderator's or
 * a questioner's, whose premises are not what gets checked, even where the transcript names no speaker.
 */
const ADDRESS = /^\W*(?:(?:and|but|so|now),? )?(?:senator|secretary|governor|mr\.|mrs\.|ms\.|madam|congressman|congresswoman|mayor|president|general|dr\.) \p{Lu}\p{Ll}+,/iu;

/**
 * Inputs that carry no hand-set weight in the cue logit: their weights are learned from the training transcripts
 * alone (scripts/train-claims.mjs gives them their own, weaker penalty). `context` is the previous sentence's cue
 * logit where it is positive: check-worthy lines come in runs (a claim spread over several sentences), so a line
 * after a strong one is more likely checked itself.
 */
export const LEARNED_FEATURES = ['percent', 'address', 'context'];

/**
 * Labels that name the one who asks rather than the one who answers: in an interview, a press conference or a
 * debate the questions and their premises are not what gets checked, the answers are.
 */
const QUESTIONER = /^(?:Q|QUESTION|QUESTIONER|MODERATOR|INTERVIEWER|REPORTER|AUDIENCE|AUDIENCE MEMBER|HOST|PRESENTER|ANCHOR)$/;
/**
 * A record or a superlative over a period or a population ("the biggest win since 1984", "the lowest rate ever
 * recorded", "more than any other country in the world"): checkable even when the speaker hedges it ("I guess").
 */
const SUPERLATIVE_SCOPE = /\b(?:the (?:\w+ ){0,3}(?:biggest|largest|highest|lowest|smallest|most|fewest|least|worst|best|fastest|slowest|first|only)\b[^.!?;]{0,60}?\b(?:since|ever|in (?:our |the )?history|on record|in (?:\d+|\w+) years|in (?:a|the last) (?:decade|generation|century)|anywhere in the world|on earth|in the (?:country|world|nation))|(?:more|fewer|less|lower|higher|bigger|larger) \w+(?: \w+){0,3} than (?:any other|at any (?:other )?time))\b/i;

/** The words of a sentence without a transcript's speaker label, and whether the label names a questioner. */
function unlabelled(s: string): { text: string; questioner: boolean } {
  const m = SPEAKER_LABEL.exec(s);
  if (!m || m[0].length >= s.length) { return { text: s, questioner: false }; }
  return { text: s.slice(m[0].length), questioner: QUESTIONER.test(m[1]) };
}

/** Features of one sentence, for the score and for the documentation of why a sentence was proposed. */
export function features(sentence: string, entities: number): Record<string, number> {
  const { text: s, questioner } = unlabelled(sentence);
  const words = s.split(/\s+/).filter(Boolean).length;
  const attribution = ATTRIBUTION.test(s);
  const first = FIRST_PERSON.test(s);
  return {
    attribution: attribution ? 1 : 0,
    figure: FIGURE.test(s) ? 1 : 0,
    number: NUMBER.test(s) ? 1 : 0,
    numberWord: NUMBER_WORDS.test(s) ? 1 : 0,
    quantityInWords: QUANTITY_IN_WORDS.test(s) ? 1 : 0,
    counted: COUNTED.test(s) ? 1 : 0,
    record: RECORD.test(s) ? 1 : 0,
    superlativeScope: SUPERLATIVE_SCOPE.test(s) ? 1 : 0,
    questioner: questioner ? 1 : 0,
    rank: RANK_OR_RATIO.test(s) ? 1 : 0,
    scope: SCOPE.test(s) ? 1 : 0,
    publicActor: PUBLIC_ACTOR.test(s) ? 1 : 0,
    causal: CAUSAL.test(s) ? 1 : 0,
    policyEffect: POLICY_EFFECT.test(s) ? 1 : 0,
    personal: PERSONAL.test(s) ? 1 : 0,
    firstSingular: FIRST_SINGULAR.test(s) ? 1 : 0,
    date: DATE.test(s) ? 1 : 0,
    comparison: COMPARISON.test(s) ? 1 : 0,
    event: EVENT.test(s) ? 1 : 0,
    question: QUESTION_END.test(s) ? 1 : 0,
    exclaim: EXCLAIM_END.test(s) ? 1 : 0,
    opinion: OPINION.test(s) ? 1 : 0,
    evaluative: EVALUATIVE.test(s) ? 1 : 0,
    modal: MODAL.test(s) ? 1 : 0,
    boilerplate: BOILERPLATE.test(s) || /©|\(c\) \d{4}/i.test(s) ? 1 : 0,
    greeting: GREETING.test(s) ? 1 : 0,
    marker: DISCOURSE_MARKER.test(s) ? 1 : 0,
    imperative: IMPERATIVE.test(s) ? 1 : 0,
    descriptive: DESCRIPTIVE.test(s) ? 1 : 0,
    firstPerson: first ? 1 : 0,
    secondPerson: SECOND_PERSON.test(s) ? 1 : 0,
    quote: QUOTE.test(s) ? 1 : 0,
    percent: PERCENT.test(s) ? 1 : 0,
    address: ADDRESS.test(s) ? 1 : 0,
    // Very short sentences rarely state a checkable fact; five words can ("Iran has violated the agreement").
    short: words < 4 ? 1 : words < 6 ? 0.4 : 0,
    long: words >= 12 ? 1 : 0,
    past: PAST.test(s) ? 1 : 0,
    topic: TOPIC.test(s) ? 1 : 0,
    entity: entities > 0 ? 1 : 0,
    noEnd: /[.!?]["”’')\]]*\s*$/.test(s) ? 0 : 1,
  };
}

const WEIGHTS: Record<string, number> = {
  attribution: 1.1, figure: 1.6, number: 0.9, numberWord: 0.6, date: 0.8, comparison: 0.9, event: 1.0, past: 0.5,
  topic: 0.6, entity: 0.5, quantityInWords: 1.2, counted: 0.8, record: 0.8, rank: 1.0, scope: 0.9, publicActor: 0.6, personal: -1.5,
  firstSingular: -0.6, causal: 0.7, policyEffect: 1.0, superlativeScope: 0.8, questioner: -3.0,
  question: -3.5, exclaim: -1.5, opinion: -2.2, evaluative: -1.3, modal: -0.6, boilerplate: -3.0, greeting: -2.0, marker: -0.3,
  imperative: -2.0, descriptive: -1.5, firstPerson: -0.2, secondPerson: -0.7, quote: 0.1, short: -1.5, long: 0.3,
  noEnd: -1.5,
};
const BIAS = -1.6;
const SATURATION = 3.5;
/** Signs of speech rather than of an unfactual sentence: they weigh half against a sentence with a figure. */
const SOFT = new Set(['firstPerson', 'firstSingular', 'secondPerson', 'modal', 'marker', 'opinion', 'evaluative']);

/**
 * The cue logit of one sentence (the hand-set weights above) with the features it was computed from and the words
 * after any speaker label: the inputs of the trained model in claimModel.ts. `entities` is how many names the
 * sentence holds; without it, capitalized words after the first stand in for names. `asked`: the sentence is a
 * questioner's (a moderator found in the document, see `questioners`), whatever its own label says.
 */
export function cueLogit(sentence: string, entities?: number, asked = false): { z: number; features: Record<string, number>; text: string } {
  const f = features(sentence, entities ?? (sentence.slice(1).match(/(?<![.!?]\s)\b(?!I\b)\p{Lu}\p{Ll}+/gu)?.length ?? 0));
  if (asked) { f.questioner = 1; }
  // A figure or a count is checkable whoever states it: in a debate it comes wrapped in "I", "you", "we would",
  // "Well," and "I think", which then count for half.
  // So is a record set over a period or a population, hedged or not ("I guess it was the biggest win since 1984").
  const hard = f.figure || f.quantityInWords || f.counted || (f.number && f.event) || f.superlativeScope;
  let pos = 0; let neg = 0;
  for (const k in f) {
    const w = (WEIGHTS[k] ?? 0) * f[k];
    if (w > 0) { pos += w; } else { neg += hard && SOFT.has(k) ? w / 2 : w; }
  }
  // Cues add up with diminishing returns: a long sentence that touches many topics in passing is not surer than a
  // short one that states a record.
  let z = BIAS + neg + (pos <= SATURATION ? pos : SATURATION + (pos - SATURATION) * 0.4);
  // Figures and dates count once together, so that a sentence full of numbers is not surer than one with one.
  if (f.figure && f.number) { z -= 0.5; }
  return { z, features: f, text: unlabelled(sentence).text };
}

/**
 * The words of a sentence as the trained model reads them: lower case, each once, apostrophes kept inside a word
 * ("don't", "it's"), digits left to the number cues.
 */
export function claimWords(text: string): Set<string> {
  return new Set(text.toLowerCase().replace(/[’‘]/g, "'").match(/[a-z]+(?:'[a-z]+)?/g) ?? []);
}

/**
 * The model's logit for one sentence: the cue logit, each cue and each frequent word weighted as the training
 * transcripts taught (scripts/train-claims.mjs), mapped back onto the cue logit's scale so that thresholds keep
 * their meaning.
 */
export function modelLogit(cue: { z: number; features: Record<string, number>; text: string }, model: ClaimModel = CLAIM_MODEL): number {
  let z = model.bias + model.cue * cue.z;
  for (const k in cue.features) { z += (model.features[k] ?? 0) * cue.features[k]; }
  // A model trained without words spends no time reading them.
  if (Object.keys(model.words).length > 0) {
    for (const w of claimWords(cue.text)) { z += model.words[w] ?? 0; }
  }
  return z;
}

/**
 * The check-worthiness score of one sentence, in [0, 1]: the trained model over the cues and the words (see
 * `cueLogit` for the arguments).
 */
export function claimScore(sentence: string, entities?: number, asked = false, previous?: number): number {
  return scoreOf(cueLogit(sentence, entities, asked), previous);
}

/** The score of a sentence's cue inputs, `previous` the cue logit of the sentence before it in the document, if any. */
function scoreOf(cue: { z: number; features: Record<string, number>; text: string }, previous?: number): number {
  cue.features.context = contextOf(previous);
  return 1 / (1 + Math.exp(-modelLogit(cue)));
}

/** The context input from the previous sentence's cue logit: only a strong neighbour says anything. */
export function contextOf(previous?: number): number {
  return previous !== undefined && previous > 0 ? previous : 0;
}

/**
 * The speaker of each sentence of a transcript: the last speaker label ("NAME:") at or before it, if any.
 */
function turnSpeakers(text: string, sentences: readonly Span[]): (string | undefined)[] {
  let current: string | undefined;
  return sentences.map((span) => {
    const m = SPEAKER_LABEL.exec(text.slice(span.start, Math.min(span.end, span.start + 60)));
    if (m) { current = m[1]; }
    return current;
  });
}

/**
 * The speakers of a transcript who mostly ask: a moderator or an interviewer named by name ("RADDATZ:"), whose
 * lines carry the premises of questions rather than the claims that get checked. A speaker with at least six
 * sentences, a quarter of them questions, is one; a candidate's rhetorical questions stay well under that share.
 */
function questioners(text: string, sentences: readonly Span[], speakers: readonly (string | undefined)[]): Set<string> {
  const count = new Map<string, { all: number; asked: number }>();
  sentences.forEach((span, k) => {
    const who = speakers[k];
    if (!who) { return; }
    const c = count.get(who) ?? { all: 0, asked: 0 };
    c.all++;
    if (QUESTION_END.test(text.slice(span.start, span.end))) { c.asked++; }
    count.set(who, c);
  });
  return new Set([...count].filter(([, c]) => c.all >= 6 && c.asked >= c.all / 4).map(([who]) => who));
}

/** The cue inputs of one sentence of a document, as the claim score reads it (see `claimInputs`). */
export interface ClaimInput {
  span: Span;
  /** The names inside the sentence. */
  inside: EntitySuggestion[];
  cue: { z: number; features: Record<string, number>; text: string };
  /** The cue logit of the sentence before it, if any: the context input. */
  previous?: number;
}

/**
 * The cue inputs of every sentence of `text`, in order: the words after any speaker label, the names inside the
 * sentence (a name in the label is who speaks, not a name the sentence is about), whether the speaker is one the
 * document shows to be a questioner, and the previous sentence's cue logit. One function for the score and for
 * scripts/train-claims.mjs, so the model learns from the inputs it is given.
 */
export function claimInputs(text: string, sentences: readonly Span[], entities: readonly EntitySuggestion[]): ClaimInput[] {
  const out: ClaimInput[] = [];
  let e = 0;
  const speakers = turnSpeakers(text, sentences);
  const asking = questioners(text, sentences, speakers);
  let previous: number | undefined;
  for (const [k, span] of sentences.entries()) {
    const sentence = text.slice(span.start, span.end);
    const inside: EntitySuggestion[] = [];
    while (e < entities.length && entities[e].start < span.end) {
      if (entities[e].start >= span.start) { inside.push(entities[e]); }
      e++;
    }
    const label = SPEAKER_LABEL.exec(sentence)?.[0].length ?? 0;
    const who = speakers[k];
    const cue = cueLogit(sentence, inside.filter((x) => x.start >= span.start + label).length, who !== undefined && asking.has(who));
    out.push({ span, inside, cue, previous });
    previous = cue.z;
  }
  return out;
}

/** Claims among the sentences of `text`; `entities` (of the same text) help name the speaker. */
export function findClaims(
  text: string, sentences: readonly Span[], entities: readonly EntitySuggestion[], options: ClaimOptions = defaultClaimOptions,
): ClaimSuggestion[] {
  const out: ClaimSuggestion[] = [];
  let lastPerson: EntitySuggestion | undefined;
  for (const { span, inside, cue, previous } of claimInputs(text, sentences, entities)) {
    const sentence = text.slice(span.start, span.end);
    const score = scoreOf(cue, previous);
    if (score >= options.minScore) {
      // Four decimals, not two: a transcript ranked by its claims (a threshold of 0) has thousands of lines, and
      // at two decimals the strong ones tie in a few steps of the score near 1, where their order is lost.
      const claim: ClaimSuggestion = { kind: 'claim', text: sentence, start: span.start, end: span.end, score: Math.round(score * 10000) / 10000 };
      const speaker = findSpeaker(sentence, span.start, inside, lastPerson);
      if (speaker) { claim.speaker = speaker; }
      out.push(claim);
    }
    for (const x of inside) { if (x.label === 'person') { lastPerson = x; } }
  }
  return out;
}

const SPEECH = 'said|says|say|told|tells|added|adds|stated|states|announced|announces|wrote|writes|confirmed|confirms|admitted|admits|noted|notes|claimed|claims|insisted|insists|argued|argues|warned|warns|explained|explains|estimated|estimates|testified|found|finds|showed|shows|ruled|reported|reports|concluded|acknowledged|alleged|alleges|replied|recalled|predicted|tweeted|posted|declared|conceded|denied|denies|stressed';
const PRONOUN_SPEAKER = /^(he|she|they|it)$/i;
const NOT_SPEAKER = /^(i|we|you|one|this|that|there|it)$/i;

/**
 * The speaker a sentence names: "according to X", "..., X said", "..., said X", "X said ...". A pronoun is
 * resolved to the last person named before; a speaker phrase that holds a name gives the name.
 */
export function findSpeaker(
  sentence: string, offset: number, entities: readonly EntitySuggestion[], lastPerson?: EntitySuggestion,
): string | undefined {
  const phrase = speakerPhrase(sentence);
  if (!phrase) { return undefined; }
  const at = phrase.at;
  const text = phrase.text.replace(/^[\s,"“”'‘’]+|[\s,"“”'‘’]+$/g, '');
  if (text === '' || NOT_SPEAKER.test(text)) { return undefined; }
  if (PRONOUN_SPEAKER.test(text)) {
    return text.toLowerCase() === 'it' || text.toLowerCase() === 'they' ? undefined : lastPerson?.text;
  }
  // A name inside the phrase ("Secretary of State Mike Pompeo", "the mayor, John Smith,") is the speaker.
  const start = offset + at;
  const end = start + phrase.text.length;
  const named = entities.filter((x) => x.start >= start && x.end <= end && (x.label === 'person' || x.label === 'organization'));
  const person = named.find((x) => x.label === 'person');
  if (person) { return person.text; }
  // A role named in an apposition ("The harbour master, Ingrid Solvang, told ..."): the name is the speaker.
  const apposition = /^,\s*([^,]{2,60}?)\s*,/.exec(sentence.slice(at + phrase.text.length));
  if (apposition) {
    const from = end + apposition[0].indexOf(apposition[1]);
    const name = entities.find((x) => x.label === 'person' && x.start === from && x.end === from + apposition[1].length);
    if (name) { return name.text; }
  }
  if (named.length === 1 && named[0].text.length >= text.length - 4) { return named[0].text; }
  return text;
}

/** Titles and initials whose full stop does not end a phrase; masked so that "Gov. Hale" reads as one name. */
const ABBREVIATION = /\b(?:Mr|Mrs|Ms|Dr|Prof|Gov|Sen|Rep|Gen|Lt|Col|Capt|Sgt|Adm|Det|Rev|Fr|St|Jr|Sr|Hon|[A-Z])\.(?=\s)/g;

function speakerPhrase(original: string): { text: string; at: number } | undefined {
  // The same length as the original, so that offsets found in it hold in the original.
  const s = original.replace(ABBREVIATION, (m) => m.slice(0, -1) + '\u2024');
  const found = speakerPhraseIn(s);
  return found && { text: original.slice(found.at, found.at + found.text.length), at: found.at };
}

function speakerPhraseIn(s: string): { text: string; at: number } | undefined {
  let m = /\baccording to ((?:the |a |an )?[^,.;:"“”()]{2,80}?)(?=[,.;:"“”()]|\s+(?:on|in|at|which|who|that)\b|$)/i.exec(s);
  if (m) { return { text: m[1], at: m.index + m[0].length - m[1].length }; }
  // "..., the mayor said." / "...," Pompeo told reporters. / ..., the World Bank said in its latest outlook.
  m = new RegExp(`[,”"’]\\s*((?:[^,.;:"“”]{1,60}?))\\s+(?:${SPEECH})\\b(?:\\s+(?:on|in|at|to|by|during)\\b[^.]*|\\s+[^,.;:"“”]{1,40})?\\s*[.!?]?["”’]?\\s*$`, 'i').exec(s);
  if (m && m[1].split(/\s+/).length <= 8 && !/\b(that|which|and|but)\b/i.test(m[1])) {
    return { text: m[1], at: m.index + m[0].indexOf(m[1]) };
  }
  // "...," said Pompeo.
  m = new RegExp(`[,”"’]\\s*(?:${SPEECH})\\s+([^,.;:"“”]{2,60}?)\\s*[.!?]?\\s*$`, 'i').exec(s);
  // "said Pompeo", "said the mayor" — not "said he had run ...", nor "said the fees had risen ..." (a clause).
  if (m && m[1].split(/\s+/).length <= 7 && /^(?:\p{Lu}|(?:the|a|an)\s)/u.test(m[1])
    && !/\b(?:had|has|have|was|were|is|are|would|will|could|did)\b/i.test(m[1])) {
    return { text: m[1], at: m.index + m[0].indexOf(m[1]) };
  }
  // "Pompeo said Iran had ..." / "A spokeswoman for the airline said ..." / "Kipchoge, who won ..., said ...".
  m = new RegExp(`^["“]?((?:[^,.;:"“”]|\\.(?=\\S))+?)(?:,[^"“”]{0,120}?,)?\\s+(?:has |had |have |was |is )?(?:${SPEECH})\\b`, 'i').exec(s);
  if (m && m[1].split(/\s+/).length <= 8) {
    return { text: m[1], at: m.index + m[0].indexOf(m[1]) };
  }
  return undefined;
}
