// Scores of boilerplate findings are calibrated per code (calibration.ts): every code has a measured probability,
// findings carry it, and the default --min-score leaves out exactly the codes measured below it.
import * as assert from 'node:assert/strict';
import { BoilerplateCode } from '../../../../src/core/findings';
import { TextModel } from '../../../../src/core/text';
import { boilerplateScore, boilerplateScores, defaultMinScore } from '../../../../src/core/detect/calibration';
import { defaultBoilerplateOptions, detectBoilerplate } from '../../../../src/core/detect/boilerplate';

describe('boilerplate score calibration', function () {
  it('has a probability for every boilerplate code, and only for those', function () {
    assert.deepEqual(Object.keys(boilerplateScores).sort(), Object.values(BoilerplateCode).sort());
    for (const [code, p] of Object.entries(boilerplateScores)) {
      assert.ok(p > 0.5 && p <= 0.98, `${code}: ${p}`);
    }
  });

  it('scores every default cue and every finding with its code\'s probability', function () {
    for (const cue of defaultBoilerplateOptions.cues) { assert.equal(cue.score, boilerplateScore(cue.code), cue.message); }
    const text = 'Home\nNews\nSport\nWeather\nSign up for our newsletter\nThe council voted on Tuesday night to turn the old rail yard into a park, ending a dispute that had dragged on for almost a decade and split the neighbourhood.\n© 2026 The Daily Example\n';
    const model = new TextModel(text);
    const findings = detectBoilerplate(model, model.blocks(), { totalFiles: 1, filesWithShape: () => 1 });
    assert.ok(findings.length >= 3);
    for (const f of findings) { assert.equal(f.score, boilerplateScore(f.code), f.code); }
  });

  it('leaves the weakest codes out of the default removal and keeps the cues in', function () {
    const below = Object.entries(boilerplateScores).filter(([, p]) => p < defaultMinScore).map(([c]) => c).sort();
    assert.deepEqual(below, [BoilerplateCode.context, BoilerplateCode.notProse].sort());
  });
});
