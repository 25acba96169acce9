// The corpus report: a webview panel drawn from the same rows, duplicate groups and tags as the views (so from the
// findings store's findings with their decisions; a decision redraws it as any change of findings does). Its HTML
// allows nothing remote: a content security policy admits only the extension's own stylesheet and one script with
// a fresh nonce. The body is rendered by model/report.ts and replaced in place (by message) as the data changes,
// so the panel does not reload; clicking a file name opens it.
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import { ReportModel, reportBody, reportModel } from './model/report';
import { DuplicatesProvider } from './duplicatesView';
import { FilesProvider } from './filesView';
import { TagIndex } from './tagIndex';
import { FindingsStore } from '../findings/findingsStore';

const REFRESH_MS = 300;

export interface ReportDeps {
  extensionUri: vscode.Uri;
  files: FilesProvider;
  duplicates: DuplicatesProvider;
  tags: TagIndex;
  store: FindingsStore;
}

export class ReportPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly rendered = new vscode.EventEmitter<ReportModel>();
  /** Fires with the model each time the report is drawn. */
  readonly onDidRender = this.rendered.event;
  private readonly disposables: vscode.Disposable[] = [this.rendered];
  private last: ReportModel | undefined;

  constructor(private readonly deps: ReportDeps) {
    const later = () => { if (this.panel) { this.timer ??= setTimeout(() => { void this.update(); }, REFRESH_MS); } };
    const sub = deps.store.onDidChange(later);
    this.disposables.push({ dispose: () => sub.dispose() }, deps.tags.onDidChange(later));
  }

  dispose(): void {
    if (this.timer) { clearTimeout(this.timer); }
    this.panel?.dispose();
    for (const d of this.disposables) { d.dispose(); }
  }

  /** The model last drawn (undefined before the panel was first shown). */
  get model(): ReportModel | undefined {
    return this.last;
  }

  get webviewPanel(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  async show(): Promise<ReportModel> {
    if (this.panel) {
      this.panel.reveal();
      return this.update();
    }
    const model = await this.model_();
    if (this.panel) { return this.update(); } // a second call opened it meanwhile
    const media = vscode.Uri.joinPath(this.deps.extensionUri, 'media', 'report');
    const panel = vscode.window.createWebviewPanel('corpusLens.report', 'Corpus Report', vscode.ViewColumn.Active, {
      enableScripts: true, localResourceRoots: [media], retainContextWhenHidden: false,
    });
    this.panel = panel;
    panel.webview.html = this.html(panel.webview, media, reportBody(model));
    panel.webview.onDidReceiveMessage((m: unknown) => this.received(m), undefined, this.disposables);
    panel.onDidDispose(() => { this.panel = undefined; }, undefined, this.disposables);
    this.last = model;
    this.rendered.fire(model);
    return model;
  }

  private async model_(): Promise<ReportModel> {
    const groups = await this.deps.duplicates.groups();
    return reportModel([...this.deps.files.allRows()], groups, this.deps.tags.all());
  }

  private async update(): Promise<ReportModel> {
    this.timer = undefined;
    const model = await this.model_();
    if (this.panel) { void this.panel.webview.postMessage({ type: 'body', html: reportBody(model) }); }
    this.last = model;
    this.rendered.fire(model);
    return model;
  }

  private received(m: unknown): void {
    if (typeof m !== 'object' || m === null) { return; }
    const msg = m as { type?: unknown; uri?: unknown };
    if (msg.type === 'open' && typeof msg.uri === 'string') {
      const uri = vscode.Uri.parse(msg.uri, true);
      // Only files of the workspace: the page cannot ask for anything else.
      if (vscode.workspace.getWorkspaceFolder(uri)) { void vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside }); }
    }
  }

  private html(webview: vscode.Webview, media: vscode.Uri, body: string): string {
    const nonce = randomBytes(16).toString('base64');
    const css = webview.asWebviewUri(vscode.Uri.joinPath(media, 'report.css'));
    const js = webview.asWebviewUri(vscode.Uri.joinPath(media, 'report.js'));
    const csp = [
      "default-src 'none'",
      `style-src ${webview.cspSource}`,
      `img-src ${webview.cspSource}`,
      `script-src 'nonce-${nonce}'`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${css}">
<title>Corpus Report</title>
</head>
<body>
<h1>Corpus report</h1>
<main id="report">${body}</main>
<script nonce="${nonce}" src="${js}"></script>
</body>
</html>`;
  }
}
