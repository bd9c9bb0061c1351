import { launch, startServer, openPage, fixture } from './tests/e2e/harness.mjs';
const browser = await launch();
const server = await startServer();
for (const [w, locale] of [[1400, 'nl-NL'], [800, 'nl-NL'], [1400, 'en-US']]) {
  const page = await openPage(browser, server.url, { viewport: { width: w, height: 1000 }, locale });
  await page.locator('#doc-text').fill(fixture('seed.txt'));
  await page.waitForSelector('#doc-view [role="region"]');
  await page.screenshot({ path: `/tmp/shots/${locale}-${w}.png` });
  await page.locator('#doc-view [role="region"]').nth(3).focus();
  await page.keyboard.press('1');
  await page.screenshot({ path: `/tmp/shots/${locale}-${w}-tagged.png` });
  console.log(w, locale, page.errors);
}
await browser.close(); await server.close();
