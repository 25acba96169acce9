// A corpus file's sidecar and a sidecar's source as URIs, through the core's path functions (the one place that
// knows where sidecars live), so that the editor never builds sidecar paths by hand. Corpus files are on disk
// (file: URIs), which the manifest's virtualWorkspaces: false holds to.
import * as vscode from 'vscode';
import { SIDECAR_SUFFIX, defaultSourcePathFor, sidecarPathFor } from '../../core/annotations/sidecarPaths';

/** The glob of every sidecar in a workspace, for watchers and searches. */
export const SIDECAR_GLOB = `**/*${SIDECAR_SUFFIX}`;

export function sidecarUriOf(source: vscode.Uri): vscode.Uri {
  return vscode.Uri.file(sidecarPathFor(source.fsPath));
}

export function sourceUriOf(sidecar: vscode.Uri): vscode.Uri {
  return vscode.Uri.file(defaultSourcePathFor(sidecar.fsPath));
}
