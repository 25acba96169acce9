// The corpus report's model and its HTML: the distribution of boilerplate share across files (a histogram), the
// largest duplicate groups as the editor's decisions leave them (dismissed passages out, kept copies and copies
// marked as the duplicate named), and tag counts by label and by file. Charts are drawn here as SVG and CSS bars, with
// every text escaped; colours come from the editor's theme through --vscode-* CSS variables (media/report/).
// No 'vscode' import, so the model and the markup are unit-tested.
import { percent } from '../../platform/text';
import { DuplicateGroup } from './duplicates';
import { FileRow } from './files';
import { FileTags } from './tags';

export interface HistogramBin {
  /** The bin holds shares in [from, to), the last one [from, to]. */
  from: number;
  to: number;
  count: number;
}

/** Counts `values` (shares in [0, 1]) in `bins` bins of equal width; a share of exactly 1 falls in the last bin. */
export function histogram(values: Iterable<number>, bins = 10): HistogramBin[] {
  const out: HistogramBin[] = Array.from({ length: bins }, (_, i) => ({ from: i / bins, to: (i + 1) / bins, count: 0 }));
  for (const v of values) {
    if (!Number.isFinite(v)) { continue; }
    const i = Math.min(bins - 1, Math.max(0, Math.floor(v * bins)));
    out[i].count++;
  }
  return out;
}

export interface ReportModel {
  files: number;
  /** Mean of the files' shares (each file counts once). */
  meanBoilerplate: number;
  meanDuplicated: number;
  boilerplate: HistogramBin[];
  /** The largest duplicate groups, with the copies an editor kept and those marked as the duplicate (by path). */
  groups: { files: { uri: string; path: string }[]; similarity: number; sharedChars: number; kept: string[]; marked: string[] }[];
  /** More groups than shown. */
  moreGroups: number;
  tagsByLabel: { label: string; count: number }[];
  tagsByFile: { uri: string; path: string; count: number }[];
  moreTaggedFiles: number;
  tags: number;
}

/** How much the report lists: groups, files named per group (the Duplicates view lists them all), tagged files. */
export const REPORT_LIMITS = { groups: 10, groupFiles: 12, taggedFiles: 15 };

export function reportModel(rows: readonly FileRow[], groups: readonly DuplicateGroup[], tags: Iterable<FileTags>): ReportModel {
  const labels = new Map<string, number>();
  let total = 0;
  for (const f of tags) {
    for (const t of f.tags) {
      const key = t.kind === 'claim' ? 'claim' : t.label;
      labels.set(key, (labels.get(key) ?? 0) + 1);
      total++;
    }
  }
  const tagged = rows.filter((r) => r.tags > 0).sort((a, b) => b.tags - a.tags || (a.path < b.path ? -1 : 1));
  const mean = (f: (r: FileRow) => number) => (rows.length ? rows.reduce((s, r) => s + f(r), 0) / rows.length : 0);
  return {
    files: rows.length,
    meanBoilerplate: mean((r) => r.boilerplateShare),
    meanDuplicated: mean((r) => r.duplicateShare),
    boilerplate: histogram(rows.map((r) => r.boilerplateShare)),
    groups: groups.slice(0, REPORT_LIMITS.groups).map((g) => ({ files: g.files, similarity: g.similarity, sharedChars: g.sharedChars, kept: g.kept, marked: g.marked })),
    moreGroups: Math.max(0, groups.length - REPORT_LIMITS.groups),
    tagsByLabel: [...labels.entries()].map(([label, count]) => ({ label, count })).sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : 1)),
    tagsByFile: tagged.slice(0, REPORT_LIMITS.taggedFiles).map((r) => ({ uri: r.uri, path: r.path, count: r.tags })),
    moreTaggedFiles: Math.max(0, tagged.length - REPORT_LIMITS.taggedFiles),
    tags: total,
  };
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** The histogram as an SVG bar chart with axis labels and a title per bar (its exact count). */
export function histogramSvg(bins: readonly HistogramBin[], caption: string): string {
  const width = 520;
  const height = 200;
  // Room for the largest count's label (up to six digits and a separator) left of the axis.
  const left = 52;
  const bottom = 28;
  const top = 12;
  const max = Math.max(1, ...bins.map((b) => b.count));
  const slot = (width - left) / Math.max(1, bins.length);
  const plot = height - bottom - top;
  const bars = bins.map((b, i) => {
    const h = Math.round((b.count / max) * plot);
    const x = left + i * slot + 2;
    const y = top + plot - h;
    const range = `${percent(b.from)}–${percent(b.to)}`;
    return `<g class="bar"><title>${escapeHtml(`${range} boilerplate: ${count(b.count, 'file')}`)}</title>`
      + `<rect x="${x.toFixed(1)}" y="${y}" width="${(slot - 4).toFixed(1)}" height="${h}"></rect>`
      + (b.count > 0 ? `<text class="value" x="${(x + (slot - 4) / 2).toFixed(1)}" y="${y - 3}">${b.count.toLocaleString('en-US')}</text>` : '')
      + `<text class="tick" x="${(x + (slot - 4) / 2).toFixed(1)}" y="${height - bottom + 14}">${percent(b.from)}</text></g>`;
  }).join('');
  const axis = `<line class="axis" x1="${left}" y1="${top + plot}" x2="${width}" y2="${top + plot}"></line>`
    + `<text class="tick y" x="${left - 6}" y="${top + 8}">${max.toLocaleString('en-US')}</text>`
    + `<text class="tick y" x="${left - 6}" y="${top + plot}">0</text>`;
  return `<svg class="histogram" role="img" aria-label="${escapeHtml(caption)}" viewBox="0 0 ${width} ${height}" `
    + `preserveAspectRatio="xMinYMin meet">${axis}${bars}</svg>`;
}

/** Horizontal bars (SVG, as the content security policy allows no inline styles), in proportion to the largest. */
function barList(items: { label: string; count: number; link?: string }[], unit: string): string {
  const max = Math.max(1, ...items.map((i) => i.count));
  return `<ul class="bars">${items.map((i) => {
    const label = i.link ? `<a href="#" data-open="${escapeHtml(i.link)}">${escapeHtml(i.label)}</a>` : escapeHtml(i.label);
    const pct = Math.max(1, Math.round((i.count / max) * 100));
    return `<li><span class="name">${label}</span>`
      + `<svg class="track" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true"><rect width="${pct}" height="10"></rect></svg>`
      + `<span class="num" title="${escapeHtml(count(i.count, unit))}">${i.count.toLocaleString('en-US')}</span></li>`;
  }).join('')}</ul>`;
}

/** The report's body (everything inside <main>). Links to files carry their URI in data-open for the script. */
export function reportBody(m: ReportModel): string {
  if (m.files === 0) {
    return '<section><h2>No corpus files</h2><p>Open a folder of text files (or adjust <code>corpusLens.include</code>) '
      + 'and run <em>Corpus Lens: Scan Workspace</em>; the report fills in as the index reports files.</p></section>';
  }
  const summary = `<p class="summary">${count(m.files, 'file')} · on average ${percent(m.meanBoilerplate)} boilerplate and `
    + `${percent(m.meanDuplicated)} duplicated per file · ${count(m.groups.length + m.moreGroups, 'duplicate group')} · ${count(m.tags, 'tag')}</p>`;
  const hist = `<section><h2>Boilerplate share across files</h2>${histogramSvg(m.boilerplate, 'Number of files by boilerplate share')}`
    + '<p class="note">Each bar counts the files whose boilerplate share falls in its tenth; hover a bar for its range.</p></section>';
  const groups = m.groups.length === 0
    ? '<section><h2>Largest duplicate groups</h2><p>No files share passages (passages an editor dismissed are left out).</p></section>'
    : `<section><h2>Largest duplicate groups</h2><ol class="groups">${m.groups.map((g) => {
      const named = g.files.slice(0, REPORT_LIMITS.groupFiles);
      const more = g.files.length - named.length;
      const files = named.map((f) => `<a href="#" data-open="${escapeHtml(f.uri)}">${escapeHtml(f.path)}</a>`).join(', ')
        + (more > 0 ? ` <span class="more">and ${count(more, 'more file')} (the Duplicates view lists them all)</span>` : '');
      const sim = g.similarity > 0 ? ` · similarity up to ${percent(g.similarity)}` : '';
      const decided = [
        ...(g.kept.length > 0 ? [`kept: ${g.kept.map(escapeHtml).join(', ')}`] : []),
        ...(g.marked.length > 0 ? [`marked as the duplicate: ${g.marked.map(escapeHtml).join(', ')}`] : []),
      ];
      const decisions = decided.length > 0 ? `<br><span class="decisions">${decided.join(' · ')}</span>` : '';
      return `<li><span class="group-size">${count(g.files.length, 'file')}</span> · ${count(g.sharedChars, 'character')} shared${sim}<br>${files}${decisions}</li>`;
    }).join('')}</ol>${m.moreGroups > 0 ? `<p class="note">and ${count(m.moreGroups, 'smaller group')}</p>` : ''}</section>`;
  const byLabel = `<section><h2>Tags by label</h2>${m.tagsByLabel.length === 0 ? '<p>No tags yet.</p>'
    : barList(m.tagsByLabel.map((t) => ({ label: t.label, count: t.count })), 'tag')}</section>`;
  const byFile = `<section><h2>Tags by file</h2>${m.tagsByFile.length === 0 ? '<p>No file is tagged yet.</p>'
    : barList(m.tagsByFile.map((t) => ({ label: t.path, count: t.count, link: t.uri })), 'tag')
      + (m.moreTaggedFiles > 0 ? `<p class="note">and ${count(m.moreTaggedFiles, 'more tagged file')}</p>` : '')}</section>`;
  return summary + hist + groups + `<div class="columns">${byLabel}${byFile}</div>`;
}
