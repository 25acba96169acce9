// Types of the stop-word lists of the stopwords-iso package (one JSON object, a list per ISO 639-1 code). Named
// imports let the bundler keep only the languages the detector uses (the whole file is 200 KB).
declare module 'stopwords-iso/stopwords-iso.json' {
  export const en: string[];
  export const de: string[];
  export const fr: string[];
  export const es: string[];
  export const it: string[];
  export const pt: string[];
  export const nl: string[];
  export const pl: string[];
  export const ru: string[];
  export const cs: string[];
  export const sv: string[];
  export const da: string[];
  export const fi: string[];
  export const ja: string[];
  export const zh: string[];
}
