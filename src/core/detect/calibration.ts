// What a boilerplate finding's score means: the probability that a finding of its code is boilerplate, as measured
// on the dev halves of the two dev sets (`npm run eval:boilerplate`, "by code" under the reliability table): the
// news pages (line labels) and trafilatura's pages in many languages (snippets). The two sets disagree (a rule
// that is nearly always right on English news, such as context, is right one time in two on shop and blog pages),
// so each figure is the mean of the two sets' rates, rounded, and capped at 0.98 (no rule is certain on pages
// it has not seen). A code with findings in one set only takes that set's rate, shrunk towards 0.9.
import { BoilerplateCode } from '../findings';

export const boilerplateScores: Readonly<Record<string, number>> = {
  [BoilerplateCode.repeatedAcrossFiles]: 0.91, // news 0.998, snippets 0.827
  [BoilerplateCode.repeatedInFile]: 0.96, // 0.999, 0.918
  [BoilerplateCode.signUp]: 0.98, // 1.000, 1.000
  [BoilerplateCode.cookie]: 0.98, // 1.000, none judged
  [BoilerplateCode.share]: 0.98, // 1.000, 1.000
  [BoilerplateCode.readMore]: 0.98, // 0.980, 1.000
  [BoilerplateCode.photoCredit]: 0.89, // 0.913, 0.875
  [BoilerplateCode.timestamp]: 0.95, // 0.985, 0.909
  [BoilerplateCode.byline]: 0.95, // 0.968, none judged
  [BoilerplateCode.navigation]: 0.9, // 1.000, 0.800
  [BoilerplateCode.linkList]: 0.89, // 0.987, 0.783
  [BoilerplateCode.tableOfContents]: 0.85, // none judged in either set
  [BoilerplateCode.legal]: 0.87, // 0.966, 0.769
  [BoilerplateCode.advertisement]: 0.95, // 1.000, none judged
  [BoilerplateCode.shortLine]: 0.86, // 0.957, 0.764
  [BoilerplateCode.context]: 0.77, // 0.909, 0.629
  [BoilerplateCode.caption]: 0.9, // 1.000 (7 findings), none judged: shrunk towards 0.9
  [BoilerplateCode.comments]: 0.98, // 1.000, 1.000
  [BoilerplateCode.notProse]: 0.8, // 0.967, 0.625
  [BoilerplateCode.outsideMainText]: 0.81, // 0.884, 0.733
};

/** The score of a finding of `code`: its measured probability (0.5 for a code never measured). */
export function boilerplateScore(code: string): number {
  return boilerplateScores[code] ?? 0.5;
}

/**
 * The least score of the findings that removing boilerplate (export's `--min-score`) should act on by default.
 * Removing findings scored at least 0.85 keeps, of the judged article text, 97.9% / 97.7% (dev / test half) on
 * trafilatura's pages and 99.2% / 98.7% on the news pages, while removing 52% / 39% and 69% / 70% of the
 * boilerplate; removing every finding keeps only 95.5% / 92.7% and 98.0% / 97.0%. (0.75 kept 97.4% on the dev
 * half of trafilatura's pages but less on its test half: too close to the edge.) Below it stand not-prose, context
 * and outside-main-text, wrong one time in five or more on some pages; short-line (0.86) is wrong one time in four
 * on trafilatura's pages, but its lines are short, so removing it costs little article text.
 */
export const defaultMinScore = 0.85;
