// What the CLI does when its report cannot be written: a closed pipe ends the run quietly, anything else (a full
// disk, /dev/full) is one line on stderr and exit 1, not an uncaught stack trace.
import * as assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { handleOutputErrors } from '../../../src/cli/main';

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected, write`), { code, syscall: 'write' });
}

function watched(): { stream: EventEmitter; err: string[]; exits: number[] } {
  const stream = new EventEmitter();
  const err: string[] = [];
  const exits: number[] = [];
  handleOutputErrors(stream, (s) => err.push(s), (code) => exits.push(code));
  return { stream, err, exits };
}

describe('CLI output errors', () => {
  it('says in one line that the report could not be written on a full disk, and exits 1', () => {
    const w = watched();
    w.stream.emit('error', errno('ENOSPC'));
    assert.deepEqual(w.err, ['corpus-lens: cannot write the output: no space left on the device (ENOSPC); what was written is incomplete\n']);
    assert.deepEqual(w.exits, [1]);
  });

  it('ends quietly with 0 when the reader closed the pipe', () => {
    const w = watched();
    w.stream.emit('error', errno('EPIPE'));
    assert.deepEqual(w.err, []);
    assert.deepEqual(w.exits, [0]);
  });
});
