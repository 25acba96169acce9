// package.json's contributions agree with the code: the contributed commands are exactly the handler map's ids,
// the settings are exactly settings.ts's (names, defaults, allowed values, resource scope), and the language and
// grammar contributions point at files that exist and agree with each other.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CommandId } from '../../../../src/vscode/platform/commandIds';
import { CORPUS_LANGUAGE, corpusDocumentSelector } from '../../../../src/vscode/platform/languages';
import { SECTION, SEVERITIES, Settings } from '../../../../src/vscode/platform/settings';
import { CORPUS_FILE_CONTEXT, MATCH_LIST_CONTEXT, TAG_STYLES, colorIdOf } from '../../../../src/vscode/tagging/tagModel';
import { CLAIMS_VIEW, DUPLICATES_VIEW, ENTITIES_VIEW, FILES_VIEW, VIEW_CONTAINER } from '../../../../src/vscode/views/model/viewIds';

const repo = path.resolve(__dirname, '..', '..', '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8'));
const contributes = manifest.contributes;

describe('package.json contributions', () => {
  it('contributes exactly the commands that have handlers, each with the category', () => {
    const contributed = (contributes.commands as { command: string; category: string }[]);
    assert.deepStrictEqual(contributed.map((c) => c.command).sort(), Object.values(CommandId).sort());
    for (const c of contributed) { assert.strictEqual(c.category, 'Corpus Lens', c.command); }
  });

  it('hides the commands that only make sense with arguments or while indexing from the palette', () => {
    const palette = contributes.menus.commandPalette as { command: string; when: string }[];
    assert.deepStrictEqual(palette, [
      { command: CommandId.cancelIndexing, when: 'corpusLens.indexing' },
      { command: CommandId.openCopy, when: 'false' },
      { command: CommandId.tagClaim, when: `${CORPUS_FILE_CONTEXT} && editorHasSelection` },
      { command: CommandId.tagEntity, when: `${CORPUS_FILE_CONTEXT} && editorHasSelection` },
      { command: CommandId.removeTag, when: CORPUS_FILE_CONTEXT },
      { command: CommandId.changeTagLabel, when: CORPUS_FILE_CONTEXT },
      { command: CommandId.editTagAttributes, when: CORPUS_FILE_CONTEXT },
      { command: CommandId.undoTag, when: CORPUS_FILE_CONTEXT },
      { command: CommandId.dismissFinding, when: 'false' },
      { command: CommandId.confirmFinding, when: 'false' },
      { command: CommandId.tagAllInFile, when: CORPUS_FILE_CONTEXT },
      { command: CommandId.tagAllInCorpus, when: CORPUS_FILE_CONTEXT },
      { command: CommandId.dismissEverywhere, when: 'false' },
      { command: CommandId.confirmEverywhere, when: 'false' },
      { command: CommandId.markDuplicate, when: 'false' },
      { command: CommandId.keepCopy, when: 'false' },
      { command: CommandId.confirmAllBoilerplate, when: CORPUS_FILE_CONTEXT },
      { command: CommandId.revealItem, when: 'false' },
      { command: CommandId.openCopies, when: 'false' },
      { command: CommandId.showMoreItems, when: 'false' },
      { command: CommandId.acceptSuggestion, when: CORPUS_FILE_CONTEXT },
      { command: CommandId.acceptSuggestionAs, when: CORPUS_FILE_CONTEXT },
      { command: CommandId.acceptSuggestionEverywhere, when: CORPUS_FILE_CONTEXT },
      { command: CommandId.rejectSuggestion, when: CORPUS_FILE_CONTEXT },
      { command: CommandId.toggleMatchCase, when: 'false' },
      { command: CommandId.toggleMatchWholeWord, when: 'false' },
    ]);
  });

  it('puts the four views in the Corpus Lens container, and their menus run contributed commands on their items', () => {
    assert.deepStrictEqual(contributes.viewsContainers.activitybar.map((c: { id: string }) => c.id), [VIEW_CONTAINER]);
    const views = (contributes.views[VIEW_CONTAINER] as { id: string }[]).map((v) => v.id);
    assert.deepStrictEqual(views, [FILES_VIEW, DUPLICATES_VIEW, ENTITIES_VIEW, CLAIMS_VIEW]);
    const ids = Object.values(CommandId) as string[];
    for (const item of [...contributes.menus['view/title'], ...contributes.menus['view/item/context']] as { command: string; when: string }[]) {
      assert.ok(ids.includes(item.command), item.command);
      assert.match(item.when, /\b(view|viewItem) == corpusLens\./, item.command);
    }
    for (const w of contributes.viewsWelcome as { view: string }[]) { assert.ok(views.includes(w.view), w.view); }
  });

  it('gates the tagging keybindings and context menu on a corpus file, with commands that exist', () => {
    const ids = Object.values(CommandId) as string[];
    const bindings = contributes.keybindings as { command: string; key: string; when: string }[];
    assert.deepStrictEqual(bindings.map((b) => `${b.command} ${b.key}`), [
      `${CommandId.tagClaim} ctrl+alt+c`, `${CommandId.tagEntity} ctrl+alt+e`, `${CommandId.undoTag} ctrl+alt+z`,
      `${CommandId.tagAllInFile} ctrl+alt+a`, `${CommandId.tagAllInCorpus} ctrl+alt+shift+a`,
      `${CommandId.toggleMatchCase} alt+c`, `${CommandId.toggleMatchWholeWord} alt+w`,
    ]);
    const toggles: string[] = [CommandId.toggleMatchCase, CommandId.toggleMatchWholeWord];
    for (const b of bindings.filter((x) => toggles.includes(x.command))) {
      assert.strictEqual(b.when, `inQuickOpen && ${MATCH_LIST_CONTEXT}`, b.command);
    }
    const menu = contributes.menus['editor/context'] as { command: string; when: string }[];
    for (const item of [...bindings.filter((x) => !toggles.includes(x.command)), ...menu]) {
      assert.ok(ids.includes(item.command), item.command);
      assert.match(item.when, new RegExp(`\\b${CORPUS_FILE_CONTEXT.replace('.', '\\.')}\\b`), item.command);
    }
  });

  it('contributes a theme colour for every tag style, with defaults for dark and light themes', () => {
    const colors = contributes.colors as { id: string; defaults: { dark: string; light: string } }[];
    assert.deepStrictEqual(colors.map((c) => c.id), TAG_STYLES.map(colorIdOf));
    for (const c of colors) {
      assert.match(c.defaults.dark, /^#[0-9A-F]{8}$/i, c.id);
      assert.match(c.defaults.light, /^#[0-9A-F]{8}$/i, c.id);
    }
  });

  it('declares exactly the settings Config reads, with their defaults, in resource scope', () => {
    const props = contributes.configuration.properties as Record<string, { default: unknown; scope: string; enum?: string[] }>;
    assert.deepStrictEqual(Object.keys(props).sort(), Object.values(Settings).map((s) => `${SECTION}.${s.key}`).sort());
    for (const s of Object.values(Settings)) {
      const p = props[`${SECTION}.${s.key}`];
      assert.deepStrictEqual(p.default, s.default, s.key);
      assert.strictEqual(p.scope, 'resource', s.key);
    }
    assert.deepStrictEqual(props[`${SECTION}.${Settings.boilerplateSeverity.key}`].enum, [...SEVERITIES]);
    assert.deepStrictEqual(props[`${SECTION}.${Settings.duplicatesSeverity.key}`].enum, [...SEVERITIES]);
  });

  it('contributes the corpus-text language with a grammar whose scope name matches', () => {
    const language = (contributes.languages as { id: string; configuration: string; extensions?: string[] }[]).find((l) => l.id === CORPUS_LANGUAGE);
    assert.ok(language);
    assert.strictEqual(language.extensions, undefined, 'corpus-text must not claim .txt from plain text; a setting associates it');
    assert.ok(fs.existsSync(path.join(repo, language.configuration)));
    const grammar = (contributes.grammars as { language: string; scopeName: string; path: string }[]).find((g) => g.language === CORPUS_LANGUAGE);
    assert.ok(grammar);
    const tm = JSON.parse(fs.readFileSync(path.join(repo, grammar.path), 'utf8'));
    assert.strictEqual(tm.scopeName, grammar.scopeName);
    const included = JSON.stringify(tm).match(/"include":\s*"#([^"]+)"/g)?.map((m) => m.replace(/.*#/, '').replace('"', '')) ?? [];
    for (const name of included) { assert.ok(tm.repository[name], `the grammar includes #${name}, which it does not define`); }
  });

  it('serves plain text and corpus text files', () => {
    assert.deepStrictEqual(corpusDocumentSelector.map((s) => `${s.scheme}:${s.language}`), ['file:plaintext', 'file:corpus-text']);
  });

  it('supports untrusted workspaces in a limited way, and says how', () => {
    assert.strictEqual(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.match(manifest.capabilities.untrustedWorkspaces.description, /Restricted Mode/);
    assert.strictEqual(manifest.main, './dist/extension.js');
  });
});
