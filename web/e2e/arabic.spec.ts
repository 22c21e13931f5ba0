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

test('in Arabic on a phone, an admin reads the analytics page without the page running off the screen', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto('/sign-in');
  await page.getByLabel('Language').selectOption('ar');
  await page.locator('input[name="email"]').fill(demo.admin);
  await page.locator('input[name="password"]').fill(demo.password);
  await page.locator('button[type="submit"]').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('حصصي');

  await page.getByRole('link', { name: 'الإحصاءات' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('الإحصاءات');
  await expect(page.getByTestId('analytics-totals')).toContainText('التسجيلات');
  await expect(page.getByTestId('analytics-chart').locator('canvas').first()).toBeVisible();
  // The wide tables scroll inside their own regions; the page itself is no wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  const table = page.getByRole('region', { name: 'حسب الدورة أو الحلقة أو الدرس' });
  await table.focus();
  await expect(table).toBeFocused();
  await screenshot(page, 'arabic-03-analytics-phone');
});
