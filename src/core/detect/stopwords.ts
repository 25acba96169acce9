// Function words ("stop words") per language, for the stop-word density cue of the boilerplate detector:
// prose is rich in them, navigation, headlines and link lists are poor in them (jusText's main signal).
// Lists are short on purpose: the density thresholds in the detector's options are calibrated on them.
import { wordHash } from './boilerplateUnits';

const english = `a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each either even ever every few for from further
had has have having he her here hers herself him himself his how however i if in into is it its itself just like
many may me might more most much must my myself neither no nor not now of off often on once one only or other our
ours ourselves out over own same she should since so some still such than that the their theirs them themselves
then there these they this those though through thus to too under until up upon us very was we were what when
where whether which while who whom whose why will with within without would yet you your yours yourself
yourselves it's he's she's that's there's they're we're you're i'm isn't aren't wasn't weren't don't doesn't
didn't won't wouldn't can't couldn't shouldn't hasn't haven't hadn't let's who's what's we've they've i've
you've we'll they'll i'll you'll he'd she'd they'd we'd i'd said says say told according back well another
around away because again already almost although among whose being`;

const german = `der die das den dem des ein eine einer eines einem einen und oder aber auch als am an auf aus bei bis
da dass daß durch für gegen hat haben hatte ich ihr im in ist es sie er wir man mit nach nicht noch nur ob ohne
schon sehr sich sind so über um und uns unter vom von vor war waren was weil wenn wie wird wurde wurden zu zum
zur zwischen kein keine mehr auch diese dieser dieses doch immer kann können muss soll sein seine ihre`;

const french = `le la les un une des du de d l et ou mais donc car ni que qui quoi dont où au aux ce cet cette ces
il elle ils elles on nous vous je tu se sa son ses leur leurs mon ma mes ton ta tes est sont était être avoir a ont
avait pas ne plus pour par avec sans sous sur dans en entre vers chez comme aussi très tout tous toute toutes
y été fait peut faire si même`;

const spanish = `el la los las un una unos unas de del y o pero que quien cual cuando donde como en con por para
sin sobre entre hasta desde al lo le les se su sus mi mis tu tus es son era fue ser estar está están ha han había
no más muy ya también porque si este esta estos estas ese esa esos esas todo todos toda todas otro otra hay yo él
ella nosotros ellos ellas`;

const italian = `il lo la i gli le un uno una di del della dei degli delle da dal dalla in nel nella con su sul
sulla per tra fra e ed o ma che chi cui non più anche come se si sono è era erano essere ha hanno aveva questo
questa questi queste quello quella al alla ai agli alle loro suo sua suoi sue mio mia tutto tutti molto già`;

const portuguese = `o a os as um uma uns umas de do da dos das e ou mas que quem qual quando onde como em no na nos
nas com por para sem sobre entre até desde ao aos à às se seu sua seus suas é são era foi ser estar está estão tem
têm não mais muito já também porque este esta estes estas esse essa isso todo todos toda todas outro outra há eu
ele ela nós eles elas`;

const dutch = `de het een en of maar dat die dit deze wie wat waar wanneer hoe in op aan met voor van door bij uit
naar over onder tot om als dan ook niet geen nog wel al is zijn was waren wordt werd worden heeft hebben had ik
je jij u hij zij ze wij we hun haar mijn ons er zo te`;

/** A language's function words, lower case. */
export interface StopwordList {
  readonly language: string;
  readonly words: readonly string[];
  /** `wordHash` of each word: the detector looks words up by hash, without slicing the text. */
  readonly hashes: ReadonlySet<number>;
}

function list(language: string, text: string): StopwordList {
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  return { language, words, hashes: new Set(words.map(wordHash)) };
}

/** The lists the detector chooses from, English first (the fallback when no list fits better). */
export const stopwordLists: readonly StopwordList[] = [
  list('en', english), list('de', german), list('fr', french), list('es', spanish),
  list('it', italian), list('pt', portuguese), list('nl', dutch),
];

/** Every list's hashes together: a word outside this set is a function word in none of the languages. */
export const anyStopword: ReadonlySet<number> = new Set(stopwordLists.flatMap((l) => [...l.hashes]));
