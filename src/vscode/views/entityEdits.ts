// Renaming an entity (a new canonical name for all its mentions) and merging one entity into another (its
// mentions take the other's label and canonical name), across every sidecar that mentions it. Each file's
// changes go through the sessions' edit (the annotation store: one writer per sidecar, atomic writes; a closed
// file is read from disk, not opened as a document), and the sidecar is saved before the next file is taken.
import * as vscode from 'vscode';
import { AnnotationSessions } from '../annotations/sessions';
import { plural } from '../platform/text';
import { LabelGroup, TagRecord } from './model/tags';

export interface EntityRef {
  label: string;
  canonical: string;
}

export interface EntityEditResult {
  /** Mentions changed, and files whose sidecars were written. */
  mentions: number;
  files: number;
  /** Files that could not be changed (an invalid sidecar, a mention no longer there), each with why. */
  failed: { uri: string; reason: string }[];
}

/** Sets `patch` on each mention in `mentions`, file by file; resolves when every sidecar is saved. */
export async function editMentions(
  sessions: AnnotationSessions, mentions: readonly TagRecord[], patch: { label?: string; canonical: string },
  progress?: (done: number, total: number) => void,
): Promise<EntityEditResult> {
  const byFile = new Map<string, TagRecord[]>();
  for (const m of mentions) {
    const list = byFile.get(m.uri);
    if (list) { list.push(m); } else { byFile.set(m.uri, [m]); }
  }
  const result: EntityEditResult = { mentions: 0, files: 0, failed: [] };
  let done = 0;
  for (const [uri, list] of byFile) {
    try {
      // Through the sessions' edit: an open document's session, else the files on disk (no document is opened,
      // and no session is kept for a closed file unless it records decisions).
      const changed = await sessions.edit(vscode.Uri.parse(uri, true), (session) => {
        let n = 0;
        for (const m of list) {
          const current = session.get(m.id)?.annotation;
          if (!current || current.kind !== 'entity') { continue; }
          session.update(m.id, {
            ...(patch.label !== undefined ? { label: patch.label } : {}),
            attributes: { ...current.attributes, canonical: patch.canonical },
          });
          n++;
        }
        return n;
      });
      if (changed === undefined) { throw new Error('its sidecar could not be read or saved'); }
      if (changed > 0) {
        result.mentions += changed;
        result.files++;
      }
    } catch (e) {
      result.failed.push({ uri, reason: e instanceof Error ? e.message : String(e) });
    }
    progress?.(++done, byFile.size);
  }
  return result;
}

/** The mentions of an entity, as the tag index knows them now. */
export function mentionsOf(groups: readonly LabelGroup[], ref: EntityRef): TagRecord[] {
  return groups.find((g) => g.label === ref.label)?.entities.find((e) => e.canonical === ref.canonical)?.mentions ?? [];
}

/** Asks for an entity among `groups` (for a command run from the palette). */
export async function pickEntity(groups: readonly LabelGroup[], title: string, except?: EntityRef): Promise<EntityRef | undefined> {
  const items = groups.flatMap((g) => g.entities
    .filter((e) => !except || e.label !== except.label || e.canonical !== except.canonical)
    .map((e) => ({ label: e.canonical, description: `${e.label} · ${e.mentions.length} mentions`, ref: { label: e.label, canonical: e.canonical } })));
  // Entities with the same label as the one being merged come first: the likely targets.
  if (except) { items.sort((a, b) => Number(b.ref.label === except.label) - Number(a.ref.label === except.label)); }
  if (items.length === 0) {
    void vscode.window.showInformationMessage('Corpus Lens: no tagged entities to choose from.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(items, { title, matchOnDescription: true });
  return picked?.ref;
}

export function reportEdit(what: string, r: EntityEditResult): void {
  const failed = r.failed.map((f) => `${vscode.workspace.asRelativePath(vscode.Uri.parse(f.uri, true))}: ${f.reason}`);
  const message = `Corpus Lens: ${what}: ${plural(r.mentions, 'mention')} in ${plural(r.files, 'file')}.`;
  if (failed.length > 0) {
    void vscode.window.showWarningMessage(`${message} Not changed: ${failed.join('; ')}`);
  } else {
    void vscode.window.setStatusBarMessage(message, 5000);
  }
}
