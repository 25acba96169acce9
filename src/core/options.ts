// Engine options with their defaults. Every front end (CLI, editor, benchmark) starts from these.
import { BoilerplateOptions, defaultBoilerplateOptions } from './detect/boilerplate';
import { DuplicateOptions, defaultDuplicateOptions } from './detect/duplicates';

export interface EngineOptions {
  /** Files larger than this are skipped with a reason. Default 5 MB. */
  maxFileBytes: number;
  boilerplate: BoilerplateOptions;
  duplicates: DuplicateOptions;
  /** At most this many other copies are listed on one duplicate finding. Default 20. */
  maxRelated: number;
  /** Two documents whose shared passages cover at least this share of one of them are near-duplicates. Default 0.5. */
  nearDuplicateThreshold: number;
}

export interface EngineOptionsInput {
  maxFileBytes?: number;
  boilerplate?: Partial<BoilerplateOptions>;
  duplicates?: Partial<DuplicateOptions>;
  maxRelated?: number;
  nearDuplicateThreshold?: number;
}

/** Files larger than this are not read into the corpus (5 MB): one limit for the index, the workers and the editor. */
export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

export function resolveOptions(input: EngineOptionsInput = {}): EngineOptions {
  return {
    maxFileBytes: input.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
    boilerplate: { ...defaultBoilerplateOptions, ...input.boilerplate },
    duplicates: { ...defaultDuplicateOptions, ...input.duplicates },
    maxRelated: input.maxRelated ?? 20,
    nearDuplicateThreshold: input.nearDuplicateThreshold ?? 0.5,
  };
}
