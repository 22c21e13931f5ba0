import { apiAs, getJson, sessionTitled, type RecordingJson } from './api';
import { demo, expect, screenshot, signIn, test } from './fixtures';

test('an admin filters the catalogue, reads its stats and deletes a recording', async ({ page, baseURL }) => {
  await signIn(page, demo.admin);
  await page.getByRole('link', { name: 'Recordings catalogue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Recordings catalogue' })).toBeVisible();
  const results = page.getByRole('region', { name: 'Results' });
  const total = page.getByTestId('stat-total').locator('.stat-card__value');
  await expect(results.getByRole('listitem').first()).toBeVisible();
  await screenshot(page, 'admin-01-catalogue');

  // A list filter applies at once, to the list and to the stats, and lives in the address.
  await page.getByLabel('Class type').selectOption('quran');
  await expect(page).toHaveURL(/[?&]kind=quran\b/);
  await expect(results.getByRole('heading', { level: 3 })).toHaveText([/^Hifz with Amina - Surat Al-Mulk/]);
  await expect(total).toHaveText('1');
  await expect(page.getByTestId('stat-size').locator('.stat-card__value')).not.toHaveText('—');
  await screenshot(page, 'admin-02-filtered');

  // The text search applies on Search.
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByRole('searchbox', { name: 'Search' }).fill('quadratic');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page).toHaveURL(/[?&]q=quadratic\b/);
  const item = results.getByRole('listitem').filter({ hasText: 'Mathematics - Quadratic equations' });
  await expect(results.getByRole('heading', { level: 3 })).toHaveText([/^Mathematics - Quadratic equations/]);
  await expect(total).toHaveText('1');

  await item.getByRole('button', { name: /^Delete Mathematics - Quadratic equations/ }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete this recording?' });
  await expect(dialog).toBeVisible();
  await screenshot(page, 'admin-03-delete-dialog');
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'was deleted' })).toContainText('Mathematics - Quadratic equations');
  // Admins keep seeing it, as deleted, with the deletion in its history.
  await expect(item.getByText('Deleted', { exact: true })).toBeVisible();
  await item.getByRole('button', { name: /^History of Mathematics - Quadratic equations/ }).click();
  const newest = page.getByRole('list', { name: /^History of Mathematics - Quadratic equations/ }).getByRole('listitem').first();
  await expect(newest).toContainText('Deleted');
  await expect(newest).toContainText('by Academy Admin');
  await expect(item).toContainText('In the trash since');
  await screenshot(page, 'admin-04-deleted');

  // The student of that lesson no longer sees it.
  const student = await apiAs(baseURL ?? '', demo.student);
  const lesson = await sessionTitled(student, 'Mathematics - Quadratic equations');
  const visible = await getJson<RecordingJson[]>(student, `/api/sessions/${lesson.id}/recordings`);
  expect(visible.filter((r) => r.status !== 'deleted')).toEqual([]);
  await student.dispose();
});

test("an admin's catalogue holds only their own academy", async ({ page }) => {
  await signIn(page, demo.otherAcademyAdmin);
  await page.getByRole('link', { name: 'Recordings catalogue' }).click();
  const results = page.getByRole('region', { name: 'Results' });
  await expect(results.getByRole('heading', { level: 3 })).toHaveText([/^Seerah Stories/]);
  await expect(page.getByTestId('stat-total').locator('.stat-card__value')).toHaveText('1');
});
