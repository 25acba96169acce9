// The boilerplate detector outside English: the stop-word list chosen per language, script-aware words (Han and
// kana have no spaces), the closing quotes of other conventions, and a German page judged end to end.
// Every text here is invented for the test.
import * as assert from 'node:assert/strict';
import { TextModel } from '../../../../src/core/text';
import { chooseStopwords, measure, wordTable } from '../../../../src/core/detect/boilerplateUnits';
import { stopwordLanguages, stopwordLists } from '../../../../src/core/detect/stopwords';
import { defaultBoilerplateOptions, detectBoilerplate, foldedWords } from '../../../../src/core/detect/boilerplate';

const samples: Record<string, string> = {
  de: 'Die Stadt hat am Dienstag beschlossen, dass der alte Bahnhof nicht abgerissen wird, weil die Bürger sich lange dafür eingesetzt haben und es noch keinen Plan für das Gelände gibt.',
  fr: 'La mairie a décidé mardi que la vieille gare ne serait pas détruite, parce que les habitants se sont battus pendant des années pour la garder et qu’il n’y a pas encore de projet.',
  es: 'El ayuntamiento decidió el martes que la vieja estación no será derribada, porque los vecinos lucharon durante años para conservarla y todavía no hay un plan para el terreno.',
  pl: 'Rada miasta postanowiła we wtorek, że stary dworzec nie zostanie zburzony, bo mieszkańcy długo o to walczyli i wciąż nie ma żadnego planu dla tego terenu.',
  it: 'Il comune ha deciso martedì che la vecchia stazione non sarà demolita, perché gli abitanti si sono battuti per anni per salvarla e non c’è ancora un progetto per l’area.',
  pt: 'A câmara decidiu na terça-feira que a velha estação não será demolida, porque os moradores lutaram durante anos para a manter e ainda não há um plano para o terreno.',
  ru: 'Городской совет во вторник решил, что старый вокзал не будут сносить, потому что жители долго за это боролись и у города пока нет никакого плана для этой земли.',
  ja: '市議会は火曜日に、古い駅舎を取り壊さないことを決めました。住民が長い間その保存を求めてきたためで、跡地の計画はまだありません。',
};

describe('boilerplate detector in other languages', function () {
  for (const [language, text] of Object.entries(samples)) {
    it(`chooses the ${language} stop-word list for ${language} prose`, function () {
      const { list, hitRate } = chooseStopwords(text, stopwordLists, stopwordLanguages);
      assert.equal(list.language, language);
      assert.ok(hitRate >= defaultBoilerplateOptions.minStopwordHitRate, `hit rate ${hitRate}`);
    });
  }

  it('splits Japanese into one word per character and counts its particles as function words', function () {
    const ja = stopwordLists.find((l) => l.language === 'ja');
    assert.ok(ja);
    const table = wordTable(ja.hashes, new Map(), foldedWords);
    const text = '私は駅に行きます。';
    const m = measure(text, 0, text.length, table);
    assert.equal(m.words, 8); // 私 は 駅 に 行 き ま す
    assert.equal(m.stops, 4); // 私 は に き
    assert.equal(m.terminal, true);
    // A katakana menu item holds no particle.
    const menu = 'ニュース';
    assert.equal(measure(menu, 0, menu.length, table).stops, 0);
  });

  it('ends a sentence at German and French closing quotes', function () {
    const table = wordTable(new Set(), new Map(), foldedWords);
    for (const line of ['Er sagte: „Wir bleiben hier.“', 'Il a dit : « Nous restons ici. »', 'Sie nannte es ‚gut‘.']) {
      assert.equal(measure(line, 0, line.length, table).terminal, true, line);
    }
    assert.equal(measure('„Wir bleiben hier“', 0, 18, table).terminal, false);
  });

  it('ends a sentence at the full stops and question marks of other scripts', function () {
    const table = wordTable(new Set(), new Map(), foldedWords);
    for (const line of ['সে বাজারে গেল।', '他来了吗？', '太好了！', 'هل أنت بخير؟', 'Τι κάνεις\u037e', 'वह घर गया।']) {
      assert.equal(measure(line, 0, line.length, table).terminal, true, line);
    }
    assert.equal(measure('সে বাজারে গেল', 0, 13, table).terminal, false);
  });

  it('measures a line in the page\'s second language against that language\'s function words', function () {
    const german = samples.de;
    const english = 'You cannot solve a problem with the same thinking that created it, and we all know it.';
    const { list, second } = chooseStopwords(`${german}\n${english}\n${german}`, stopwordLists, stopwordLanguages);
    assert.equal(list.language, 'de');
    assert.equal(second?.language, 'en');
    const table = wordTable(list.hashes, new Map(), foldedWords, second?.hashes);
    const germanOnly = wordTable(list.hashes, new Map(), foldedWords);
    // you, a, with, the, that, it, and, we, all, it: German's list knows none of these but "a" and "all".
    assert.ok(measure(english, 0, english.length, table).stops >= 9);
    assert.ok(measure(english, 0, english.length, germanOnly).stops <= 3);
    // A German page alone has no second language: the lists that share its words (Dutch) know none of the rest.
    assert.equal(chooseStopwords(`${german}\n${german}`, stopwordLists, stopwordLanguages).second, undefined);
  });

  it('keeps a German article with quotes and flags the menu around it', function () {
    const menu = ['Startseite', 'Politik', 'Wirtschaft', 'Kultur', 'Sport'];
    const article = [
      '„Wir haben lange darauf gewartet, dass die Stadt endlich eine Entscheidung trifft, und nun ist sie gefallen“, sagte die Sprecherin der Bürgerinitiative am Abend vor dem Rathaus.',
      'Der alte Bahnhof soll nach dem Beschluss nicht abgerissen werden. Stattdessen will die Verwaltung prüfen, ob das Gebäude als Bibliothek oder als Treffpunkt für Vereine genutzt werden kann.',
      'Die Kosten für die Sanierung sind noch nicht bekannt. Ein Gutachten, das im Frühjahr vorliegen soll, wird zeigen, wie stark das Dach und die Mauern in den letzten Jahren gelitten haben.',
    ];
    const footer = ['Impressum', 'Datenschutz', 'Kontakt', 'Barrierefreiheit'];
    const text = [...menu, 'Alter Bahnhof bleibt stehen', ...article, ...footer].join('\n') + '\n';
    const model = new TextModel(text);
    const findings = detectBoilerplate(model, model.blocks(), { totalFiles: 1, filesWithShape: () => 1 }, defaultBoilerplateOptions);
    const flagged = new Set(findings.map((f) => text.slice(f.start, f.end)));
    for (const p of article) { assert.ok(!flagged.has(p), `kept: ${p.slice(0, 40)}`); }
    for (const l of [...menu, ...footer]) { assert.ok(flagged.has(l), `flagged: ${l}`); }
  });
});
