// What a boilerplate finding's score means: the probability that a finding of its code is boilerplate, as measured
// on all the pages of the two dev sets (`npm run eval:boilerplate -- --split all`, "by code" under the reliability
// table; the dev halves alone judge too few findings of some codes, 4 not-prose ones on trafilatura's): the
// news pages (line labels) and trafilatura's pages in many languages (snippets). The two sets disagree (a rule
// that is nearly always right on English news, such as context, is right one time in two on shop and blog pages),
// so each figure is the mean of the two sets' rates, rounded, and capped at 0.98 (no rule is certain on pages
// it has not seen). A code with findings in one set only takes that set's rate, shrunk towards 0.9.
import { BoilerplateCode } from '../findings';

export const boilerplateScores: Readonly<Record<string, number>> = {
  [BoilerplateCode.repeatedAcrossFiles]: 0.89, // news 0.998, snippets 0.772
  [BoilerplateCode.repeatedInFile]: 0.91, // 0.991, 0.825
  [BoilerplateCode.signUp]: 0.98, // 0.983, 0.980
  [BoilerplateCode.cookie]: 0.98, // 1.000, 1.000 (2 findings)
  [BoilerplateCode.share]: 0.98, // 1.000, 0.958
  [BoilerplateCode.readMore]: 0.98, // 0.990, 1.000
  [BoilerplateCode.photoCredit]: 0.91, // 0.947, 0.882
  [BoilerplateCode.timestamp]: 0.97, // 0.995, 0.947
  [BoilerplateCode.byline]: 0.95, // 0.979, one finding judged (wrong): shrunk towards 0.9
  [BoilerplateCode.navigation]: 0.94, // 1.000, 0.889
  [BoilerplateCode.linkList]: 0.9, // 0.989, 0.817
  [BoilerplateCode.tableOfContents]: 0.85, // 1.000 (6 findings), none judged: too few to move it
  [BoilerplateCode.legal]: 0.95, // 0.975, 0.919
  [BoilerplateCode.advertisement]: 0.95, // 1.000, none judged
  [BoilerplateCode.shortLine]: 0.87, // 0.963, 0.770
  [BoilerplateCode.context]: 0.83, // 0.956, 0.707
  [BoilerplateCode.caption]: 0.9, // 0.875 (8 findings), one judged (right): shrunk towards 0.9
  [BoilerplateCode.comments]: 0.98, // 1.000, 1.000
  [BoilerplateCode.notProse]: 0.82, // 0.851, 0.786
  [BoilerplateCode.outsideMainText]: 0.96, // 0.987, 0.926
};

/** The score of a finding of `code`: its measured probability (0.5 for a code never measured). */
export function boilerplateScore(code: string): number {
  return boilerplateScores[code] ?? 0.5;
}

/**
 * The least score of the findings that removing boilerplate (export's `--min-score`) should act on by default.
 * Removing findings scored at least 0.85 keeps, of the judged article text, 98.0% on trafilatura's pages and 98.9% on
 * the news pages (all pages of each set), while removing 59% and 78% of the boilerplate; removing every finding keeps
 * only 95.8% and 97.7%. (0.80 keeps 95.8% on trafilatura's pages: below 97%.) Below it stand not-prose and context,
 * wrong one time in five or more on trafilatura's pages; short-line (0.87) is wrong one time in four there too, but
 * its lines are short, so removing it costs little article text.
 */
export const defaultMinScore = 0.85;
