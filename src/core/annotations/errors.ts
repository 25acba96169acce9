// Errors a sidecar can raise. Each names the file and, where the problem has a place, its line and column, so
// that a person can open the file and fix it; an invalid sidecar is never written over.

export type SidecarErrorReason =
  | 'syntax'        // not well-formed YAML
  | 'schema'        // well-formed, but not a valid sidecar
  | 'version'       // written by a newer Corpus Lens
  | 'too-large'     // over the size limit
  | 'encoding'      // not valid UTF-8 (never decoded lossily, so never rewritten)
  | 'aliases'       // too many YAML aliases (a resource exhaustion attack, or a mistake)
  | 'source'        // the source it names cannot be used
  | 'io';           // the file could not be read or written

export interface SidecarIssue {
  message: string;
  /** 1-based line and column, when the issue has a place in the file. */
  line?: number;
  col?: number;
}

export class SidecarError extends Error {
  constructor(
    readonly file: string,
    readonly reason: SidecarErrorReason,
    readonly issues: SidecarIssue[],
  ) {
    super(formatIssues(file, issues));
    this.name = 'SidecarError';
  }
}

/** `file:line:col: message` for each issue, one a line, the way compilers print them. */
export function formatIssues(file: string, issues: SidecarIssue[]): string {
  return issues.map((i) => (i.line !== undefined ? `${file}:${i.line}:${i.col ?? 1}: ` : `${file}: `) + i.message).join('\n');
}
