import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_STORAGE_KEY } from '@/lib/i18n';
import { aSessionSummary } from '@/testing/mocks/data';
import { server } from '@/testing/mocks/server';
import { renderApp, signedInAs } from '@/testing/test-utils';

describe('Language switch', () => {
  it('switches to Arabic: right-to-left, Arabic texts and formats, remembered', async () => {
    signedInAs();
    server.use(
      http.get('*/api/sessions', () =>
        HttpResponse.json([aSessionSummary({ scheduledAt: '2025-03-10T16:00:00Z', recordingCount: 2 })]),
      ),
    );
    const { user } = renderApp('/');
    expect(await screen.findByRole('heading', { name: 'My sessions' })).toBeVisible();
    expect(document.documentElement).toHaveAttribute('dir', 'ltr');
    expect(document.documentElement).toHaveAttribute('lang', 'en');

    await user.selectOptions(screen.getByLabelText('Language'), 'ar');

    await waitFor(() => expect(document.documentElement).toHaveAttribute('dir', 'rtl'));
    expect(document.documentElement).toHaveAttribute('lang', 'ar');
    expect(screen.getByRole('heading', { name: 'حصصي' })).toBeVisible();
    expect(screen.getByText('تسجيلان')).toBeVisible();
    const expectedDate = new Intl.DateTimeFormat('ar', { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date('2025-03-10T16:00:00Z'),
    );
    expect(screen.getByText(expectedDate)).toBeVisible();
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('ar');

    await user.selectOptions(screen.getByLabelText('اللغة'), 'en');
    await waitFor(() => expect(document.documentElement).toHaveAttribute('dir', 'ltr'));
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
  });
});
