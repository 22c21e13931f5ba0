import { demo, expect, screenshot, test } from './fixtures';

test('in Arabic the app reads right to left, and stays Arabic after a reload', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByLabel('Language').selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await screenshot(page, 'arabic-01-sign-in');

  await page.locator('input[name="email"]').fill(demo.student);
  await page.locator('input[name="password"]').fill(demo.password);
  await page.locator('button[type="submit"]').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('حصصي');

  expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
  expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe('rtl');
  // Logical properties put the brand at the inline start, which is the right-hand side in Arabic.
  const brand = await page.locator('.app-header__brand').boundingBox();
  const viewport = page.viewportSize();
  expect(brand && viewport && brand.x + brand.width > viewport.width / 2).toBe(true);
  await screenshot(page, 'arabic-02-sessions');

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('حصصي');
});
