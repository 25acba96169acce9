// hyparquet-writer's Node entry (what `require` and esbuild load on Node) adds a buffered file writer; its
// published types describe only the browser entry, which TypeScript's commonjs resolution picks.
import type { Writer } from 'hyparquet-writer/src/types';

declare module 'hyparquet-writer' {
  export function fileWriter(filename: string): Writer;
}
