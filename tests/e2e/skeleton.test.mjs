// The walking skeleton, end to end in a real browser: paste → highlighted
// blocks → Export JSON.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { download, fixture, openPage, pasteText, shareBrowser } from './harness.mjs';

let browser, server;
shareBrowser((b, s) => {
  [browser, server] = [b, s];
});

test('pasting the seed highlights 6 question and 6 answer blocks', async () => {
  const page = await openPage(browser, server.url);
  await pasteText(page, fixture('seed.txt'));
  const questions = page.locator('.m-question[role="region"]');
  const answers = page.locator('.m-answer[role="region"]');
  assert.equal(await questions.count(), 6);
  assert.equal(await answers.count(), 6);
  assert.equal(await page.getByRole('region', { name: 'Antwoord 6 en 7' }).count(), 1);
  const first = await questions.first().textContent();
  assert.match(first, /^Vraag 1\nKunt u aangeven/);
  assert.deepEqual(page.errors, []);
});

test('Export JSON downloads the annotation format with the seed\'s numbers', async () => {
  const page = await openPage(browser, server.url);
  const text = fixture('seed.txt');
  await pasteText(page, text);
  const { name, text: body } = await download(page, 'Export JSON');
  assert.match(name, /\.json$/);
  const json = JSON.parse(body);
  assert.equal(json.format, 'kamervragen-annotations');
  assert.equal(json.version, 1);
  assert.equal(json.document.text, text);
  const nums = (blocks) => blocks.map((b) => b.numbers.join('+')).join(',');
  assert.equal(nums(json.questions), '1,2,3,4,5,6+7');
  assert.equal(nums(json.answers), '1,2,3,4,5,6+7');
  assert.deepEqual(json.answers[5].questions, ['q6-7']);
});

test('offsets land on the right characters after ’ ë – and an emoji', async () => {
  const page = await openPage(browser, server.url);
  const text = 'Inleiding: auto’s, België – 🚗 en 👍🏽.\n\nVraag 1\nKlopt het dat “ë” – telt?\n\nAntwoord 1\nJa, 🚗 telt.\n';
  await pasteText(page, text);
  // In the DOM (UTF-16): the highlighted region holds exactly the block.
  const answer = page.getByRole('region', { name: 'Antwoord 1' });
  assert.equal(await answer.textContent(), 'Antwoord 1\nJa, 🚗 telt.');
  // In the JSON (code points): text[start:end] is the block's text.
  const json = JSON.parse((await download(page, 'Export JSON')).text);
  const cps = [...json.document.text];
  const a = json.answers[0];
  assert.equal(cps.slice(a.start, a.end).join(''), 'Ja, 🚗 telt.');
  const q = json.questions[0];
  assert.equal(cps.slice(q.heading.start, q.heading.end).join(''), 'Vraag 1');
  assert.equal(json.document.length, cps.length);
});
