// Anchors that follow a document while it is edited, so that what is saved with the source is already right.
// An edit entirely before an anchor shifts it, one entirely after leaves it; an edit that touches the quote
// re-resolves it near its old place, or marks it "pending" for a whole-text search on `settle()`.
import { AnchorTarget, AnchorResult, OrphanReason, PASS_WORK, ResolveOptions, WorkBudget, resolveAnchor } from './resolve';
import { TextChange, applyTextChanges, checkChange, mapOffset } from './textChanges';

/** Where an anchor stands in the current text. */
export type AnchorState =
  | { status: 'anchored'; start: number; end: number; /** how it was last found */ via: 'exact' | 'moved' | 'fuzzy' }
  | { status: 'pending'; hintStart: number; hintEnd: number }
  | { status: 'orphaned'; hintStart: number; hintEnd: number; /** why; unset: not found */ reason?: OrphanReason };

export interface TrackedAnchor {
  readonly id: string;
  /** The quote and context the anchor was last saved with: edits are judged against these, not against drift. */
  readonly target: AnchorTarget;
  readonly state: AnchorState;
}

export function stateFromResult(result: AnchorResult, hintStart: number, hintEnd: number, orphanStatus: 'pending' | 'orphaned'): AnchorState {
  if (result.outcome !== 'orphaned') { return { status: 'anchored', start: result.start, end: result.end, via: result.outcome }; }
  return orphanStatus === 'orphaned' && result.reason === 'over-budget'
    ? { status: 'orphaned', hintStart, hintEnd, reason: 'over-budget' }
    : { status: orphanStatus, hintStart, hintEnd };
}

export class LiveAnchors {
  private current: string;
  private readonly anchors = new Map<string, { target: AnchorTarget; state: AnchorState }>();

  constructor(text: string, private readonly options: Partial<ResolveOptions> = {}) {
    this.current = text;
  }

  get text(): string {
    return this.current;
  }

  get size(): number {
    return this.anchors.size;
  }

  get(id: string): TrackedAnchor | undefined {
    const a = this.anchors.get(id);
    return a && { id, target: a.target, state: a.state };
  }

  *entries(): IterableIterator<TrackedAnchor> {
    for (const [id, a] of this.anchors) { yield { id, target: a.target, state: a.state }; }
  }

  /** Starts tracking (or re-targets) an anchor, resolving it against the current text. */
  track(id: string, target: AnchorTarget, budget?: WorkBudget): AnchorState {
    const result = resolveAnchor(this.current, target, { ...this.options, budget });
    const state = stateFromResult(result, target.start, target.end, 'orphaned');
    this.anchors.set(id, { target: { ...target }, state });
    return state;
  }

  /** Tracks several anchors (a sidecar just read), their searches sharing one pass's budget. */
  trackAll(items: readonly { id: string; target: AnchorTarget }[]): void {
    const budget = this.passBudget();
    for (const { id, target } of items) { this.track(id, target, budget); }
  }

  /** The work budget of one pass over every anchor. */
  private passBudget(): WorkBudget {
    return new WorkBudget(this.options.budget?.remaining ?? PASS_WORK);
  }

  /** Tracks an anchor at a known place without searching (a new annotation, a re-attached orphan). */
  place(id: string, target: AnchorTarget, start: number, end: number): void {
    this.anchors.set(id, { target: { ...target }, state: { status: 'anchored', start, end, via: 'exact' } });
  }

  untrack(id: string): boolean {
    return this.anchors.delete(id);
  }

  /** Replaces the whole text (a revert, a reload from disk): every anchor is resolved again. */
  setText(text: string): void {
    this.current = text;
    const budget = this.passBudget();
    for (const [id, a] of this.anchors) {
      const h = hintOf(a.state);
      const target = a.state.status === 'anchored' ? { ...a.target, start: h.start, end: h.end } : a.target;
      this.anchors.set(id, { target: a.target, state: stateFromResult(resolveAnchor(text, target, { ...this.options, budget }), h.start, h.end, 'orphaned') });
    }
  }

  /**
   * Applies one event's changes, in order, each against the text the previous ones left. Returns the ids whose
   * state changed other than by a plain shift.
   */
  applyChanges(changes: readonly TextChange[]): string[] {
    if (changes.length === 0) { return []; }
    const touched = new Set<string>();
    // Positions move change by change; the text is built once at the end.
    const work = new Map<string, { start: number; end: number; touched: boolean }>();
    for (const [id, a] of this.anchors) {
      const h = hintOf(a.state);
      work.set(id, { start: h.start, end: h.end, touched: false });
    }
    let length = this.current.length;
    for (const c of changes) {
      checkChange(c, length);
      const delta = c.text.length - (c.end - c.start);
      for (const w of work.values()) {
        if (c.end <= w.start) {
          // Entirely before (an insertion exactly at the start lands before the quote): shift.
          w.start += delta;
          w.end += delta;
        } else if (c.start >= w.end) {
          // Entirely after (an insertion exactly at the end stays outside): unchanged.
        } else {
          w.touched = true;
          w.start = mapOffset(w.start, c, 'start');
          w.end = Math.max(w.start, mapOffset(w.end, c, 'end'));
        }
      }
      length += delta;
    }
    this.current = applyTextChanges(this.current, changes);
    for (const [id, w] of work) {
      const a = this.anchors.get(id);
      if (!a) { continue; }
      if (a.state.status === 'orphaned') {
        // Not placed: only its hint follows the text, for a later re-anchoring or re-attachment.
        a.state = { ...a.state, hintStart: w.start, hintEnd: w.end };
      } else if (a.state.status === 'pending') {
        // Still looking: the edit may have restored it (an undo), so search near it again; it costs one window.
        const result = resolveAnchor(this.current, { ...a.target, start: w.start, end: w.end }, { ...this.options, wholeText: false });
        a.state = stateFromResult(result, w.start, w.end, 'pending');
        if (a.state.status === 'anchored') { touched.add(id); }
      } else if (!w.touched) {
        a.state = { ...a.state, start: w.start, end: w.end };
      } else {
        // The quote itself was edited: look for it near where the edit left it, judged against the saved quote.
        const result = resolveAnchor(this.current, { ...a.target, start: w.start, end: w.end }, { ...this.options, wholeText: false, trustedRange: true });
        a.state = stateFromResult(result, w.start, w.end, 'pending');
        touched.add(id);
      }
    }
    return [...touched];
  }

  /** Resolves every pending anchor against the whole text; what is still not found becomes orphaned. */
  settle(): string[] {
    const changed: string[] = [];
    const budget = this.passBudget();
    for (const [id, a] of this.anchors) {
      if (a.state.status !== 'pending') { continue; }
      const { hintStart, hintEnd } = a.state;
      const result = resolveAnchor(this.current, { ...a.target, start: hintStart, end: hintEnd }, { ...this.options, wholeText: true, budget });
      a.state = stateFromResult(result, hintStart, hintEnd, 'orphaned');
      changed.push(id);
    }
    return changed;
  }
}

function hintOf(state: AnchorState): { start: number; end: number } {
  return state.status === 'anchored' ? { start: state.start, end: state.end } : { start: state.hintStart, end: state.hintEnd };
}
