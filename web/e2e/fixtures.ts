import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { screenshotDir } from './support/stack.mjs';

/** Demo users from the API's demo data (src/Infrastructure/Persistence/Seeding/DemoData.cs). */
export const demo = {
  password: 'Demo#2026',
  teacher: 'teacher@demo.itqan',
  student: 'student@demo.itqan',
  outsider: 'outsider@demo.itqan',
  admin: 'admin@demo.itqan',
  otherAcademyAdmin: 'admin2@demo.itqan',
} as const;


function stackUrl(name: 'ITQAN_E2E_API_URL' | 'ITQAN_E2E_EMULATOR_URL'): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests with \`npm run e2e\` (e2e/global-setup.ts starts the stack)`);
  return value;
}

export interface EmulatorEgress {
  egressId: string;
  roomName: string;
  status: string;
}

/** The LiveKit emulator's control API (no auth), to wait for what real LiveKit would do on its own. */
export class Emulator {
  constructor(readonly url: string) {}

  async egress(): Promise<EmulatorEgress[]> {
    const response = await fetch(`${this.url}/_emulator/egress`);
    expect(response.ok, 'GET /_emulator/egress').toBe(true);
    return ((await response.json()) as { egress: EmulatorEgress[] }).egress;
  }

  /** Someone joins the room, as the academy's app lets them in: the emulator sends `participant_joined`. */
  async join(roomName: string, identity: string): Promise<void> {
    const response = await fetch(`${this.url}/_emulator/rooms/${roomName}/participants/${encodeURIComponent(identity)}/join`, { method: 'POST' });
    expect(response.ok, 'join the room').toBe(true);
  }

  /** They leave it: `participant_left`. */
  async leave(roomName: string, identity: string): Promise<void> {
    const response = await fetch(`${this.url}/_emulator/rooms/${roomName}/participants/${encodeURIComponent(identity)}/leave`, { method: 'POST' });
    expect(response.ok, 'leave the room').toBe(true);
  }

  /** Sets the emulator's faults (`POST /_emulator/faults`); everything left out is off. */
  async setFaults(faults: Record<string, unknown>): Promise<void> {
    const response = await fetch(`${this.url}/_emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(faults),
    });
    expect(response.ok, 'POST /_emulator/faults').toBe(true);
  }

  /**
   * Waits until the room's newest egress is EGRESS_ACTIVE: LiveKit aborts a room composite stopped while it is
   * still starting, and a teacher presses Stop well after the pipeline runs.
   */
  async waitUntilActive(roomName: string): Promise<void> {
    await expect
      .poll(async () => (await this.egress()).filter((e) => e.roomName === roomName).at(-1)?.status, {
        message: `egress of ${roomName} becomes active`,
        timeout: 15_000,
      })
      .toBe('EGRESS_ACTIVE');
  }
}

export const test = base.extend<{ emulator: Emulator }>({
  baseURL: async ({}, use) => {
    await use(stackUrl('ITQAN_E2E_API_URL'));
  },
  emulator: async ({}, use) => {
    await use(new Emulator(stackUrl('ITQAN_E2E_EMULATOR_URL')));
  },
});

export { expect };

/** Signs in through the form and waits for the session list. */
export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(demo.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My sessions' })).toBeVisible();
}

/** Opens a session from the list by its title. */
export async function openSession(page: Page, title: string): Promise<void> {
  await page.getByRole('link', { name: title, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
}
