import { apiAs, completedRecordingOf, getJson, sessionTitled } from './api';
import { demo, expect, screenshot, signIn, test } from './fixtures';

interface AnalyticsJson {
  report: { parents: { name: string | null; catchUp: { needingCatchUp: number; caughtUp: number } }[] };
}

/** The circle's catch-up on the admin's dashboard (the default last 12 weeks). */
async function circleCatchUp(api: Awaited<ReturnType<typeof apiAs>>) {
  const dashboard = await getJson<AnalyticsJson>(api, '/api/analytics');
  const circle = dashboard.report.parents.find((p) => p.name === 'Hifz with Amina');
  if (!circle) throw new Error('the dashboard has no row for the circle');
  return circle.catchUp;
}

interface AttendanceJson {
  classStartedAt: string | null;
  students: { name: string; needsToCatchUp: boolean; watchedCoverage: number }[];
}

test('a student who missed the class resumes and finishes its recording, and the teacher\'s catch-up list and the admin\'s dashboard update', async ({
  page,
  emulator,
  baseURL,
}) => {
  // A circle of one student whose recording no other test plays as that student.
  const api = await apiAs(baseURL ?? '', demo.teacher);
  const session = await sessionTitled(api, 'Hifz with Amina - Surat Al-Mulk');
  const recording = await completedRecordingOf(api, session.id);
  // The class: the teacher is in the room for a while, the student never comes.
  await emulator.join(recording.roomName, demo.teacher);
  await expect
    .poll(async () => (await getJson<AttendanceJson>(api, `/api/sessions/${session.id}/attendance`)).classStartedAt, {
      message: 'LiveKit told the API the class began',
    })
    .not.toBeNull();
  await emulator.leave(recording.roomName, demo.teacher);

  await signIn(page, demo.teacher);
  await page.goto(`/sessions/${session.id}`);
  const student = page.getByTestId('attendance').getByRole('row').filter({ hasText: 'Amina Student' });
  await expect(student).toHaveAttribute('data-verdict', 'catchUp');
  await expect(student).toContainText('Needs to catch up');
  await screenshot(page, 'attendance-catch-up');
  await page.getByRole('button', { name: 'Sign out' }).click();
  const admin = await apiAs(baseURL ?? '', demo.admin);
  const before = await circleCatchUp(admin);
  expect(before.needingCatchUp, 'the student who missed it needs to catch up').toBeGreaterThan(before.caughtUp);

  // The student plays the first seconds and leaves; coming back, the player resumes there.
  await signIn(page, demo.student);
  await page.goto(`/recordings/${recording.id}`);
  const audio = page.locator('audio');
  await audio.evaluate(async (element: HTMLAudioElement) => {
    element.muted = true;
    await element.play();
  });
  await expect.poll(() => audio.evaluate((element: HTMLAudioElement) => element.currentTime)).toBeGreaterThan(5);
  await audio.evaluate((element: HTMLAudioElement) => {
    element.pause();
  });
  const stoppedAt = await audio.evaluate((element: HTMLAudioElement) => element.currentTime);
  // Heartbeats are written within a second.
  await expect
    .poll(async () => (await getJson<{ positionSeconds: number }>(page.request, `/api/recordings/${recording.id}/progress`)).positionSeconds)
    .toBeGreaterThanOrEqual(Math.floor(stoppedAt));
  await page.goto(`/recordings/${recording.id}`);
  await expect
    .poll(() => audio.evaluate((element: HTMLAudioElement) => element.currentTime), { message: 'the player resumes where the student stopped' })
    .toBeGreaterThanOrEqual(Math.floor(stoppedAt) - 1);
  await screenshot(page, 'player-resumed');

  // And plays on to the end.
  await audio.evaluate(async (element: HTMLAudioElement) => {
    element.muted = true;
    element.playbackRate = 2;
    await element.play();
  });
  await expect.poll(() => audio.evaluate((element: HTMLAudioElement) => element.ended), { timeout: 20_000 }).toBe(true);
  await expect
    .poll(async () => (await getJson<{ watched: boolean }>(page.request, `/api/recordings/${recording.id}/progress`)).watched, {
      message: 'the whole recording counts as watched',
    })
    .toBe(true);
  await page.getByRole('button', { name: 'Sign out' }).click();

  await signIn(page, demo.teacher);
  await page.goto(`/sessions/${session.id}`);
  await expect(student).toHaveAttribute('data-verdict', 'missed');
  await expect(student).toContainText('100%');
  await screenshot(page, 'attendance-caught-up');
  await page.getByRole('button', { name: 'Sign out' }).click();

  // The admin's dashboard counts her as caught up: one more of the circle's students who needed to.
  await signIn(page, demo.admin);
  await page.getByRole('link', { name: 'Analytics' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Analytics' })).toBeVisible();
  const circleRow = page.getByRole('region', { name: 'By course, circle or lesson' }).getByRole('row').filter({ hasText: 'Hifz with Amina' });
  const rate = `${String(Math.round(((before.caughtUp + 1) / before.needingCatchUp) * 100))}%`;
  await expect(circleRow.getByRole('cell').last()).toHaveText(rate);
  expect(await circleCatchUp(admin)).toMatchObject({ needingCatchUp: before.needingCatchUp, caughtUp: before.caughtUp + 1 });
  await expect(page.getByTestId('analytics-chart').locator('canvas').first()).toBeVisible();
  await screenshot(page, 'analytics-dashboard');
  await page.setViewportSize({ width: 375, height: 800 });
  await screenshot(page, 'analytics-dashboard-phone');
  await admin.dispose();
  await api.dispose();
});
