// The index worker's service, driven in this thread: a scan indexes a folder (with the texts the document channel
// sent over the disk's), an edit re-analyses the document at the version named and the documents that shared
// passages with it, disk changes are read, walked or removed, an edit overtaken by a queued one or naming a version
// the channel has moved past is skipped, and every reply names its request's generation and the editor version it
// was computed for.
import * as assert from 'assert';
import { ChildProcess, execFileSync, fork } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { IndexService } from '../../../src/worker/scanWorker';
import { FileFindings, IndexReply, IndexRequest, UnsentRequest } from '../../../src/protocol/indexProtocol';
import { WORKER_PROCESS_ENV } from '../../../src/protocol/workerProcess';
import { unpackFiles } from '../../../src/protocol/packedFiles';

const SHARED = 'The island council has agreed to subsidise a second daily crossing for the rest of the year, so that pupils '
  + 'at the secondary school on the mainland no longer have to leave home before six in the morning to reach their first '
  + 'lesson on time.';
const SIGN_UP = 'Sign up for our daily newsletter to get the local headlines every morning.';
const repo = path.resolve(__dirname, '..', '..', '..', '..');

function article(title: string, body: string, shared = false): string {
  return `${title}\n\n${body}\n\n${shared ? `${SHARED}\n\n` : ''}${SIGN_UP}\n`;
}

type Findings = Extract<IndexReply, { type: 'findings' }>;

describe('index worker service', () => {
  let root: string;
  let replies: IndexReply[];
  let service: IndexService;
  let nextId: number;

  const send = async (req: UnsentRequest) => {
    const id = nextId++;
    service.receive({ ...req, id } as IndexRequest);
    await service.idle();
    return replies.filter((r) => r.id === id);
  };
  const findingsOf = (rs: IndexReply[]) => rs.filter((r): r is Findings => r.type === 'findings');
  const files = (rs: IndexReply[]) => new Map<string, FileFindings>(findingsOf(rs).flatMap((r) => unpackFiles(r.files).map((f) => [f.path, f] as const)));
  const codes = (f: FileFindings | undefined) => f?.findings.map((x) => x.code);
  const scan = (generation = 1) => send({
    type: 'scan', generation, folder: 'f', root, selection: { include: ['**/*.txt'], exclude: [] },
  });
  /** The editor's text of a document, as the document channel sends it (open, then whole-text changes). */
  const sync = (rel: string, version: number, text: string) => {
    const uri = `file:///f/${rel}`;
    service.receive(service.documents.get(uri)
      ? { type: 'didChange', uri, version, changes: [{ text }] }
      : { type: 'didOpen', uri, folder: 'f', path: rel, version, text });
  };
  const edit = (rel: string, version: number, text: string, generation: number) => {
    sync(rel, version, text);
    return send({ type: 'edit', generation, folder: 'f', path: rel, version });
  };

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-worker-'));
    fs.writeFileSync(path.join(root, 'a.txt'), article('Ferry returns', 'The small ferry resumed its timetable on Monday after repairs in dry dock.', true));
    fs.writeFileSync(path.join(root, 'b.txt'), article('Pupils start later', 'Parents welcomed the news at a packed meeting in the church hall.', true));
    fs.writeFileSync(path.join(root, 'c.txt'), article('Library hours', 'The central library will stay open until nine on weekdays from next month.'));
    fs.writeFileSync(path.join(root, 'notes.md'), 'not in the corpus');
    replies = [];
    nextId = 1;
    service = new IndexService((r) => replies.push(r));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('scans a folder: findings for every file, then a summary', async () => {
    const rs = await scan();
    const byPath = files(rs);
    assert.deepStrictEqual([...byPath.keys()].sort(), ['a.txt', 'b.txt', 'c.txt']);
    assert.deepStrictEqual(codes(byPath.get('a.txt')), ['duplicate.cross-file', 'boilerplate.sign-up']);
    assert.deepStrictEqual(codes(byPath.get('c.txt')), ['boilerplate.sign-up']);
    const dup = byPath.get('a.txt')!.findings[0];
    assert.deepStrictEqual(dup.range, { start: { line: 4, character: 0 }, end: { line: 4, character: 238 } });
    // The offsets, in each copy's own text, are those of the shared passage (the host meets decisions by them).
    const textOf = (p: string) => fs.readFileSync(path.join(root, p), 'utf8');
    const passage = SHARED.slice(0, 238); // up to the last word (the final stop is not part of it)
    assert.strictEqual(textOf('a.txt').slice(dup.start, dup.end), passage);
    assert.deepStrictEqual(dup.related.map((r) => [r.path, textOf(r.path).slice(r.start, r.end)]), [['b.txt', passage]]);
    assert.ok(findingsOf(rs).every((r) => r.generation === 1 && r.folder === 'f'));
    const done = rs[rs.length - 1];
    assert.strictEqual(done.type, 'done');
    assert.strictEqual(done.type === 'done' && done.summary?.files, 3);
  });

  it('lists the corpus files, in order, before any findings, so that the host can show them at once', async () => {
    const rs = await scan();
    const listed = rs.filter((r): r is Extract<IndexReply, { type: 'listed' }> => r.type === 'listed');
    assert.deepStrictEqual(listed.flatMap((r) => r.paths), ['a.txt', 'b.txt', 'c.txt']);
    assert.ok(listed.every((r) => r.folder === 'f'));
    const firstFindings = rs.findIndex((r) => r.type === 'findings');
    assert.ok(rs.indexOf(listed[listed.length - 1]) < firstFindings, 'listed before the findings');
  });

  it('takes the editor\'s unsaved text over the disk\'s, and tags its findings with the version', async () => {
    sync('b.txt', 4, article('Pupils start later', 'Nothing shared here any more.'));
    const rs = await scan();
    const byPath = files(rs);
    assert.deepStrictEqual(codes(byPath.get('a.txt')), ['boilerplate.sign-up']);
    assert.strictEqual(byPath.get('b.txt')!.version, 4);
    assert.strictEqual(byPath.get('a.txt')!.version, undefined);
  });

  it('leaves out an open document whose file the scan did not find (deleted while it stayed open)', async () => {
    sync('gone.txt', 2, article('Gone', 'A file deleted on disk while the editor kept it open.'));
    const rs = await scan();
    assert.deepStrictEqual([...files(rs).keys()].sort(), ['a.txt', 'b.txt', 'c.txt']);
    const done = rs[rs.length - 1];
    assert.strictEqual(done.type === 'done' && done.summary?.files, 3);
  });

  it('re-analyses an edited document and the documents that shared a passage with it', async () => {
    await scan();
    const rs = await edit('a.txt', 2, article('Ferry returns', 'The ferry will run a shorter timetable until the summer, its operator said on Monday morning.'), 2);
    const byPath = files(rs);
    // (c.txt shares only the sign-up line with it: whether that is enough to look at it again is the index's call.)
    assert.ok(byPath.has('a.txt') && byPath.has('b.txt'), [...byPath.keys()].join(', '));
    assert.deepStrictEqual(codes(byPath.get('a.txt')), ['boilerplate.sign-up']);
    assert.deepStrictEqual(codes(byPath.get('b.txt')), ['boilerplate.sign-up']);
    assert.strictEqual(byPath.get('a.txt')!.version, 2);
    assert.ok(findingsOf(rs).every((r) => r.generation === 2));
    // b.txt is still read from disk; a later affected-file analysis of a.txt keeps its editor version.
    const again = files(await edit('b.txt', 9, article('Pupils', 'x', true), 3));
    assert.strictEqual(again.get('b.txt')!.version, 9);
  });

  it('skips an edit that a queued edit of the same document overtakes', async () => {
    await scan();
    sync('c.txt', 2, 'first');
    service.receive({ type: 'edit', id: 100, generation: 5, folder: 'f', path: 'c.txt', version: 2 });
    sync('c.txt', 3, article('Library', 'second'));
    service.receive({ type: 'edit', id: 101, generation: 6, folder: 'f', path: 'c.txt', version: 3 });
    await service.idle();
    assert.deepStrictEqual(replies.filter((r) => r.id === 100).map((r) => r.type), ['done']);
    const latest = files(replies.filter((r) => r.id === 101));
    assert.strictEqual(latest.get('c.txt')!.version, 3);
  });

  it('answers an edit without findings when the channel holds another version of the document, or none', async () => {
    await scan();
    sync('c.txt', 2, article('Library', 'second'));
    sync('c.txt', 3, article('Library', 'third'));
    assert.deepStrictEqual((await send({ type: 'edit', generation: 5, folder: 'f', path: 'c.txt', version: 2 })).map((r) => r.type), ['done']);
    service.receive({ type: 'didClose', uri: 'file:///f/c.txt' });
    assert.deepStrictEqual((await send({ type: 'edit', generation: 6, folder: 'f', path: 'c.txt', version: 3 })).map((r) => r.type), ['done']);
    // Closed: the next scan reads the file on disk again, and its findings name no version.
    const byPath = files(await scan(7));
    assert.strictEqual(byPath.get('c.txt')!.version, undefined);
    assert.deepStrictEqual(codes(byPath.get('c.txt')), ['boilerplate.sign-up']);
  });

  it('indexes the text after incremental changes, as the channel applies them', async () => {
    await scan();
    const text = fs.readFileSync(path.join(root, 'c.txt'), 'utf8');
    sync('c.txt', 1, text);
    // Append the passage that a.txt and b.txt share as a paragraph of its own, in two changes of one message.
    const at = text.length;
    service.receive({ type: 'didChange', uri: 'file:///f/c.txt', version: 2, changes: [
      { rangeOffset: at, rangeLength: 0, text: `\n${SHARED.slice(0, 50)}` },
      { rangeOffset: at + 51, rangeLength: 0, text: `${SHARED.slice(50)}\n` },
    ] });
    const rs = await send({ type: 'edit', generation: 2, folder: 'f', path: 'c.txt', version: 2 });
    const c = files(rs).get('c.txt')!;
    assert.strictEqual(c.version, 2);
    assert.ok(codes(c)!.includes('duplicate.cross-file'), JSON.stringify(codes(c)));
  });

  it('reads changed files, walks new folders, and removes what is gone', async () => {
    await scan();
    fs.mkdirSync(path.join(root, 'more'));
    fs.writeFileSync(path.join(root, 'more', 'd.txt'), article('Copy', 'A reprint.', true));
    fs.rmSync(path.join(root, 'c.txt'));
    const rs = await send({ type: 'disk', generation: 7, folder: 'f', paths: ['more', 'c.txt', 'notes.md'] });
    const byPath = files(rs);
    assert.deepStrictEqual([...byPath.keys()].sort(), ['a.txt', 'b.txt', 'more/d.txt']);
    assert.deepStrictEqual(findingsOf(rs).flatMap((r) => r.removed), ['c.txt']);
    assert.strictEqual(byPath.get('a.txt')!.findings[0].related.length, 2);

    fs.rmSync(path.join(root, 'more'), { recursive: true });
    const gone = await send({ type: 'disk', generation: 8, folder: 'f', paths: ['more'] });
    assert.deepStrictEqual(findingsOf(gone).flatMap((r) => r.removed), ['more/d.txt']);
  });

  it('names what the walk of a new folder left out, and why, in its done reply', async function () {
    await scan();
    fs.mkdirSync(path.join(root, 'more'));
    fs.writeFileSync(path.join(root, 'more', 'd.txt'), article('Copy', 'A reprint.'));
    try { execFileSync('mkfifo', [path.join(root, 'more', 'pipe.txt')]); } catch { this.skip(); }
    const rs = await send({ type: 'disk', generation: 7, folder: 'f', paths: ['more'] });
    assert.deepStrictEqual([...files(rs).keys()], ['more/d.txt']);
    const done = rs[rs.length - 1];
    assert.deepStrictEqual(done.type === 'done' && done.skipped?.map((s) => [s.path, s.reason]), [['more/pipe.txt', 'not-regular']]);
  });

  it('reports a file that did not change on disk too (the host dropped its older findings)', async () => {
    await scan();
    const rs = await send({ type: 'disk', generation: 9, folder: 'f', paths: ['c.txt'] });
    assert.deepStrictEqual([...files(rs).keys()], ['c.txt']);
  });

  it('ignores updates for a folder it does not hold, and forgets a dropped one', async () => {
    assert.deepStrictEqual((await send({ type: 'disk', generation: 1, folder: 'f', paths: ['a.txt'] })).map((r) => r.type), ['done']);
    await scan();
    await send({ type: 'drop', folder: 'f' });
    assert.deepStrictEqual((await edit('a.txt', 1, 'x', 2)).map((r) => r.type), ['done']);
  });

  it('answers a cancelled scan with cancelled and keeps the index it had', async () => {
    await scan();
    const id = nextId++;
    service.receive({ type: 'scan', id, generation: 3, folder: 'f', root, selection: { include: ['**/*.txt'], exclude: [] } });
    service.receive({ type: 'cancel', id });
    await service.idle();
    assert.deepStrictEqual(replies.filter((r) => r.id === id).map((r) => r.type), ['cancelled']);
    const still = await send({ type: 'disk', generation: 4, folder: 'f', paths: ['a.txt'] });
    assert.ok(files(still).has('a.txt'));
  });

  it('scans on prepare workers when given their script, with the same findings', async () => {
    const single = files(await scan());
    service = new IndexService((r) => replies.push(r), { prepareWorkerScript: path.join(repo, 'out', 'src', 'worker', 'prepareWorker.js') });
    const parallel = files(await scan());
    assert.deepStrictEqual([...parallel.entries()].sort(), [...single.entries()].sort());
  });

  it('drops a file indexed without its text that is gone when a disk change reaches a copy of it', async () => {
    // A parallel scan keeps no texts: a file that shares a passage with a removed one is re-read when analysed,
    // and a folder being deleted reaches the worker in batches, so that file may be gone already.
    service = new IndexService((r) => replies.push(r), { prepareWorkerScript: path.join(repo, 'out', 'src', 'worker', 'prepareWorker.js') });
    await scan();
    fs.rmSync(path.join(root, 'a.txt'));
    fs.rmSync(path.join(root, 'b.txt'));
    const rs = await send({ type: 'disk', generation: 5, folder: 'f', paths: ['a.txt'] });
    assert.deepStrictEqual(rs.map((r) => r.type).at(-1), 'done');
    assert.deepStrictEqual(findingsOf(rs).flatMap((r) => r.removed).sort(), ['a.txt', 'b.txt']);
    assert.deepStrictEqual([...files(rs).keys()], []);
  });

  it('keeps at most four findings or listed replies out unacknowledged, if asked to', async () => {
    for (let i = 0; i < 40; i++) {
      fs.writeFileSync(path.join(root, `x${i}.txt`), Array.from({ length: 60 }, () => SIGN_UP).join('\n\n'));
    }
    let acks = 0;
    let most = 0;
    service = new IndexService((r) => {
      replies.push(r);
      if (r.type !== 'findings' && r.type !== 'listed') { return; }
      // Acknowledge a turn later, counting how many replies were out unacknowledged.
      const out = replies.filter((x) => x.type === 'findings' || x.type === 'listed').length - acks;
      assert.ok(out <= 4, `${out} out unacknowledged`);
      most = Math.max(most, out);
      setImmediate(() => { acks++; service.receive({ type: 'ack', id: r.id }); });
    }, { awaitAcks: true });
    const rs = await scan();
    assert.ok(findingsOf(rs).length > 4);
    assert.ok(most > 1, 'the replies of one turn do not wait for each other\'s acks');
    assert.strictEqual(files(rs).size, 43);
    assert.strictEqual(rs[rs.length - 1].type, 'done');
  });

  it('posts findings while the scan analyses, in path order, not once it is done (on this thread and on prepare workers)', async () => {
    for (let i = 0; i < 120; i++) {
      fs.writeFileSync(path.join(root, `x${String(i).padStart(3, '0')}.txt`), Array.from({ length: 30 }, () => SIGN_UP).join('\n\n'));
    }
    for (const script of [undefined, path.join(repo, 'out', 'src', 'worker', 'prepareWorker.js')]) {
      replies = [];
      service = new IndexService((r) => replies.push(r), { prepareWorkerScript: script });
      const rs = await scan();
      const lastAnalysing = rs.map((r) => r.type === 'progress' && r.progress.phase === 'analysing').lastIndexOf(true);
      const firstFindings = rs.findIndex((r) => r.type === 'findings');
      assert.ok(firstFindings >= 0 && firstFindings < lastAnalysing, `first findings at ${firstFindings}, last progress at ${lastAnalysing}`);
      const order = findingsOf(rs).flatMap((r) => unpackFiles(r.files).map((f) => f.path));
      assert.deepStrictEqual(order, [...order].sort());
      assert.strictEqual(new Set(order).size, 123, 'each file once');
      const done = rs[rs.length - 1];
      assert.strictEqual(done.type === 'done' && done.summary?.files, 123);
      assert.strictEqual(done.type === 'done' && done.summary?.findings, findingsOf(rs).reduce((n, r) => n + unpackFiles(r.files).reduce((m, f) => m + f.findings.length, 0), 0));
    }
  });

  it('sends an open document once, after the others, with its version, also when its text is the disk\'s', async () => {
    sync('a.txt', 3, fs.readFileSync(path.join(root, 'a.txt'), 'utf8'));
    const rs = await scan();
    const sent = findingsOf(rs).flatMap((r) => unpackFiles(r.files).map((f) => [f.path, f.version]));
    assert.deepStrictEqual(sent, [['b.txt', undefined], ['c.txt', undefined], ['a.txt', 3]]);
    assert.deepStrictEqual(codes(files(rs).get('a.txt')), ['duplicate.cross-file', 'boilerplate.sign-up']);
  });

  it('posts large results in several messages', async () => {
    for (let i = 0; i < 40; i++) {
      fs.writeFileSync(path.join(root, `x${i}.txt`), Array.from({ length: 60 }, () => SIGN_UP).join('\n\n'));
    }
    const rs = await scan();
    assert.ok(findingsOf(rs).length > 1, `${findingsOf(rs).length} message(s)`);
    assert.strictEqual(files(rs).size, 43);
  });
});

describe('index worker as a process', () => {
  // The script as the extension starts it: forked, talking over the process's IPC channel, with prepare worker
  // threads inside it. Without a synchronous receive it must yield for acks and cancels to be heard.
  let root: string;
  let child: ChildProcess;
  let replies: IndexReply[];

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-lens-worker-process-'));
    for (let i = 0; i < 600; i++) {
      fs.writeFileSync(path.join(root, `n${String(i).padStart(3, '0')}.txt`), article(`Ferry timetable ${i}`, `Crossing number ${i} leaves the harbour at ${i % 12} o'clock.`, i % 3 === 0));
    }
    child = fork(path.join(repo, 'out', 'src', 'worker', 'scanWorker.js'), [], {
      env: { ...process.env, [WORKER_PROCESS_ENV]: '1' }, serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    replies = [];
    // The host's part: every findings and listed reply acknowledged, as IndexWorkerClient does.
    child.on('message', (r: IndexReply) => {
      replies.push(r);
      if (r.type === 'findings' || r.type === 'listed') { child.send({ type: 'ack', id: r.id } satisfies IndexRequest); }
    });
  });
  afterEach(() => {
    child.kill();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const answered = (id: number) => new Promise<IndexReply[]>((resolve, reject) => {
    const look = (r: IndexReply) => {
      if (r.id !== id || (r.type !== 'done' && r.type !== 'cancelled' && r.type !== 'error')) { return; }
      child.off('message', look);
      resolve(replies.filter((x) => x.id === id));
    };
    child.on('message', look);
    child.once('exit', (code) => reject(new Error(`the worker exited (${code})`)));
  });
  const scan = (id: number): IndexRequest => ({ type: 'scan', id, generation: id, folder: 'f', root, selection: { include: ['**/*.txt'], exclude: [] } });

  it('scans a folder, in more findings replies than it keeps out unacknowledged', async () => {
    child.send(scan(1));
    const rs = await answered(1);
    assert.strictEqual(rs.at(-1)!.type, 'done');
    const findings = rs.filter((r): r is Findings => r.type === 'findings');
    assert.ok(findings.length > 4, `${findings.length} findings replies`);
    const got = new Map(findings.flatMap((r) => unpackFiles(r.files).map((f) => [f.path, f] as const)));
    assert.strictEqual(got.size, 600);
    assert.ok(got.get('n003.txt')!.findings.some((f) => f.code === 'duplicate.cross-file'));
    assert.deepStrictEqual(rs.filter((r) => r.type === 'listed').flatMap((r) => (r.type === 'listed' ? r.paths : [])).length, 600);
  });

  it('hears a cancel sent after the scan, and answers the next request', async () => {
    child.send(scan(1));
    child.send({ type: 'cancel', id: 1 } satisfies IndexRequest);
    assert.deepStrictEqual((await answered(1)).map((r) => r.type).at(-1), 'cancelled');
    child.send(scan(2));
    assert.deepStrictEqual((await answered(2)).map((r) => r.type).at(-1), 'done');
  });

  it('takes in the editor\'s text by the document channel', async () => {
    // The file on disk does not hold the shared passage; the editor's text does.
    const text = article('Harbour dredging', 'The harbour board has hired a dredger for the autumn, to deepen the channel that the ferries use at low tide.', true);
    child.send({ type: 'didOpen', uri: 'file:///f/n001.txt', folder: 'f', path: 'n001.txt', version: 4, text });
    child.send(scan(1));
    const rs = await answered(1);
    const last = rs.filter((r): r is Findings => r.type === 'findings').flatMap((r) => unpackFiles(r.files)).filter((f) => f.path === 'n001.txt').at(-1)!;
    assert.strictEqual(last.version, 4);
    assert.ok(last.findings.some((f) => f.start === text.indexOf(SHARED)), JSON.stringify(last));
  });
});
