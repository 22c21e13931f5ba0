import { apiAs, completedRecordingOf, getJson, sessionTitled, type RecordingJson } from './api';
import { demo, expect, openSession, screenshot, signIn, test } from './fixtures';

interface MyRecordingsJson {
  items: { recording: { id: string; displayName: string }; watched: boolean }[];
}

const NEW_NAME = 'Noon sakinah, with the makharij';

test('a teacher renames a recording so it stands apart, and the student finds it in My recordings', async ({ page, baseURL }) => {
  // The recording of the course's first class (other tests find it by its session, not by its name).
  const teacherApi = await apiAs(baseURL ?? '', demo.teacher);
  const session = await sessionTitled(teacherApi, 'Tajweed Foundations - Session 1');
  const recording = (await completedRecordingOf(teacherApi, session.id)) as RecordingJson & { displayName: string };
  await teacherApi.dispose();
  expect(recording.displayName, 'named by its start in Riyadh, to the minute').toMatch(
    /^Tajweed Foundations - Session 1 - \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/,
  );

  // The teacher renames it on the session page.
  await signIn(page, demo.teacher);
  await openSession(page, 'Tajweed Foundations - Session 1');
  const row = page.getByRole('row').filter({ hasText: recording.displayName });
  await row.getByRole('button', { name: 'Rename' }).click();
  const name = row.getByRole('textbox', { name: `New name for “${recording.displayName}”` });
  await expect(name).toBeFocused();
  await name.fill(NEW_NAME);
  await row.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('link', { name: NEW_NAME })).toBeVisible();
  // And gives it Arabic captions.
  const renamed = page.getByRole('row').filter({ hasText: NEW_NAME });
  await renamed.getByLabel(`Captions for “${NEW_NAME}” (WebVTT file)`).setInputFiles({
    name: 'noon.vtt',
    mimeType: 'text/vtt',
    buffer: Buffer.from('WEBVTT\n\n00:00:01.000 --> 00:00:05.000\nأَحْكَامُ النُّونِ السَّاكِنَةِ وَالتَّنْوِينِ\n'),
  });
  await expect(renamed.getByRole('status')).toHaveText(/^Arabic captions saved/);
  await screenshot(page, 'teacher-recording-tools');
  await page.getByRole('button', { name: 'Sign out' }).click();

  // The student finds it in My recordings: newest first, by its name, among those not watched yet.
  await signIn(page, demo.student);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My recordings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My recordings' })).toBeVisible();
  const cards = page.getByTestId('my-recordings').getByRole('listitem');
  const titles = cards.getByRole('heading', { level: 3 });
  const mine = await getJson<MyRecordingsJson>(page.request, '/api/me/recordings');
  await expect(titles).toHaveText(mine.items.map((i) => i.recording.displayName));
  await expect(titles).toContainText([NEW_NAME]);
  await screenshot(page, 'my-recordings');

  await page.getByLabel('Search').fill('makharij');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(titles).toHaveText([NEW_NAME]);
  // Words said in the class find it too, typed without diacritics and with a bare alef.
  await page.getByLabel('Search').fill('احكام النون الساكنه');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(titles).toHaveText([NEW_NAME]);
  await page.getByLabel('Search').fill('');
  await page.getByRole('button', { name: 'Search', exact: true }).click();

  await page.getByLabel('Watched').selectOption({ label: 'Not watched yet' });
  const notWatched = await getJson<MyRecordingsJson>(page.request, '/api/me/recordings?watched=false');
  await expect(titles).toHaveText(notWatched.items.map((i) => i.recording.displayName));
  await page.getByLabel('Watched').selectOption({ label: 'All' });

  // Its course narrows the list to the course's recordings.
  await cards.filter({ hasText: 'makharij' }).getByRole('button', { name: 'Only “Tajweed Foundations”' }).click();
  await expect(page.getByText('Showing the recordings of “Tajweed Foundations”.')).toBeVisible();
  await expect(cards.filter({ hasText: 'makharij' })).toHaveCount(1);
  await expect(cards.filter({ hasText: 'Hifz with Amina' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Show all' }).click();
  await expect(cards.filter({ hasText: 'Hifz with Amina' })).not.toHaveCount(0);

  // The player shows the captions.
  await cards.filter({ hasText: 'makharij' }).getByRole('link', { name: NEW_NAME }).click();
  await expect
    .poll(() => page.locator('video').evaluate((video: HTMLVideoElement) => {
      const captions = Array.from(video.textTracks).find((track) => track.kind === 'captions');
      if (captions) captions.mode = 'hidden';
      return captions?.cues?.length ? (captions.cues[0] as VTTCue).text : null;
    }), { message: 'the Arabic captions are loaded' })
    .toBe('أَحْكَامُ النُّونِ السَّاكِنَةِ وَالتَّنْوِينِ');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My recordings' }).click();

  // On a phone, in Arabic.
  await page.setViewportSize({ width: 375, height: 800 });
  await page.getByLabel('Language').selectOption('ar');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('تسجيلاتي');
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'nothing overflows sideways').toBe(true);
  await screenshot(page, 'my-recordings-phone-ar');
});
