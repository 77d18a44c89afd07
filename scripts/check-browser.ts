// Finds the browser for the end-to-end tests before Playwright starts, or stops with one line
// saying what to install. Order: PLAYWRIGHT_CHROMIUM_PATH, the system Chromium, Playwright's own.
import { findChromium } from '../e2e/browser';

const found = findChromium();
if (found === null) {
  console.error(
    'No browser for the end-to-end tests: install Chromium (Debian: `apt-get install -y chromium`), ' +
      'or set PLAYWRIGHT_CHROMIUM_PATH, or run `npx playwright install chromium` where downloads are allowed.',
  );
  process.exit(1);
}
console.log(`e2e browser: ${found.description}`);
