import { apiAs, getJson, sessionTitled, type RecordingJson } from './api';
import { demo, expect, openSession, screenshot, signIn, test } from './fixtures';

// Classes no other spec records: these tests must find them without a recording (or leave none).
const NEVER_RECORDED = 'Mathematics - Functions';
const RECORDED_HERE = 'Hifz with Amina - Surat Al-Qalam';

interface SessionStateJson {
  id: string;
  activeRecording: RecordingJson | null;
}

async function recordingsOf(baseURL: string | undefined, title: string): Promise<RecordingJson[]> {
  const api = await apiAs(baseURL ?? '', demo.teacher);
  try {
    const session = await sessionTitled(api, title);
    return await getJson<RecordingJson[]>(api, `/api/sessions/${session.id}/recordings`);
  } finally {
    await api.dispose();
  }
}

test('a Start pressed offline fails at once, gives the button back and is not sent when the connection returns', async ({
  page,
  context,
  baseURL,
}) => {
  await signIn(page, demo.teacher);
  await openSession(page, NEVER_RECORDED);
  const sessionPath = new URL(page.url()).pathname;
  const panel = page.getByTestId('recording-panel');
  const start = panel.getByRole('button', { name: 'Start recording' });
  await expect(start).toBeEnabled();

  await context.setOffline(true);
  await start.click();

  // At once: no waiting for a connection that is not there.
  await expect(panel.getByRole('alert')).toHaveText("We can't reach the server. Check your connection and try again.", {
    timeout: 2_000,
  });
  await expect(start).toBeEnabled();
  await expect(start).not.toHaveAttribute('aria-disabled', 'true');
  await screenshot(page, 'offline-01-start-refused');

  const postsAfterReconnect: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST') postsAfterReconnect.push(request.url());
  });
  // The page re-reads the session when the connection is back; a paused Start would have fired just before.
  const reRead = page.waitForResponse((response) => new URL(response.url()).pathname === `/api${sessionPath}`);
  await context.setOffline(false);
  await reRead;

  expect(postsAfterReconnect, 'requests sent once back online').toEqual([]);
  expect(await recordingsOf(baseURL, NEVER_RECORDED), 'recordings of the session').toEqual([]);
  await expect(panel.getByTestId('recording-status')).toHaveAttribute('data-state', 'idle');
});

test('a page opened offline says it waits for the connection and loads when it is back', async ({ page, context }) => {
  await signIn(page, demo.teacher);
  const link = page.getByRole('link', { name: NEVER_RECORDED, exact: true });
  await expect(link).toBeVisible();

  await context.setOffline(true);
  await link.click();

  await expect(page.getByRole('status').filter({ hasText: 'You are offline' })).toHaveText(
    "You are offline, so we can't reach the server. This page loads as soon as the connection is back.",
  );
  await expect(page.getByText('Loading…')).toHaveCount(0);
  await context.setOffline(false);
  await expect(page.getByRole('heading', { level: 1, name: NEVER_RECORDED })).toBeVisible();
});

test('after Start and after Stop the keyboard focus is on the recording control, visibly', async ({
  page,
  emulator,
  baseURL,
}) => {
  await signIn(page, demo.teacher);
  await openSession(page, RECORDED_HERE);
  const panel = page.getByTestId('recording-panel');
  const status = panel.getByTestId('recording-status');
  const focusRing = async (name: string) => {
    const button = panel.getByRole('button', { name });
    await expect(button).toBeFocused();
    expect(
      await button.evaluate((element) => {
        const style = getComputedStyle(element);
        return { focusVisible: element.matches(':focus-visible'), outline: `${style.outlineStyle} ${style.outlineWidth}` };
      }),
      `focus indicator of ${name}`,
    ).toEqual({ focusVisible: true, outline: 'solid 3px' });
  };

  await panel.getByRole('button', { name: 'Start recording' }).focus();
  await page.keyboard.press('Enter');
  await expect(status).toHaveAttribute('data-state', 'recording');
  await focusRing('Stop recording');
  await screenshot(page, 'focus-01-after-start');

  const api = await apiAs(baseURL ?? '', demo.teacher);
  const { id } = await sessionTitled(api, RECORDED_HERE);
  const session = await getJson<SessionStateJson>(api, `/api/sessions/${id}`);
  await api.dispose();
  await emulator.waitUntilActive(session.activeRecording?.roomName ?? '');

  await page.keyboard.press('Enter');
  await expect(status).toHaveAttribute('data-state', 'processing');
  await focusRing('Start recording');
  await screenshot(page, 'focus-02-after-stop');
});

test('a Start refused by an expired session is reported as not done after signing in again', async ({
  page,
  context,
  baseURL,
}) => {
  await signIn(page, demo.teacher);
  await openSession(page, NEVER_RECORDED);
  const sessionPath = new URL(page.url()).pathname;

  // The session ends (expired or revoked): the browser no longer has the cookie.
  await context.clearCookies();
  await page.getByTestId('recording-panel').getByRole('button', { name: 'Start recording' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText(
    'You were signed out, so the recording was not started. Sign in to go back to the class.',
  );
  await screenshot(page, 'expired-01-sign-in');
  await page.getByLabel('Email').fill(demo.teacher);
  await page.getByLabel('Password').fill(demo.password);
  await page.getByRole('button', { name: 'Sign in' }).click();

  await expect(page).toHaveURL(new RegExp(`${sessionPath}$`));
  await expect(page.getByRole('alert')).toContainText('Start recording was not done: you had been signed out.');
  await expect(page.getByTestId('recording-status')).toHaveAttribute('data-state', 'idle');
  await screenshot(page, 'expired-02-not-done');
  expect(await recordingsOf(baseURL, NEVER_RECORDED), 'recordings of the session').toEqual([]);
});

test('the app arrives compressed with the build’s brotli copies', async ({ page }) => {
  const script = page.waitForResponse((response) => /\/assets\/index-[^/]+\.js$/.test(response.url()));
  await page.goto('/sign-in');
  const response = await script;

  const headers = await response.allHeaders();
  expect({ encoding: headers['content-encoding'], vary: headers.vary, type: headers['content-type'] }).toEqual({
    encoding: 'br',
    vary: 'Accept-Encoding',
    type: 'text/javascript',
  });
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
});
