import '@testing-library/jest-dom/vitest';
import { onlineManager } from '@tanstack/react-query';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { changeLanguage } from '@/lib/i18n';
import { server } from './mocks/server';

// A request no handler answers is a bug in the test or the app: remember it and fail the test,
// even when the app swallows the resulting network error.
const unhandled: string[] = [];

beforeAll(() => {
  server.listen({
    onUnhandledRequest(request, print) {
      unhandled.push(`${request.method} ${request.url}`);
      print.error();
    },
  });
});

afterEach(async () => {
  cleanup();
  // A test that took the network away gives it back.
  onlineManager.setOnline(true);
  server.resetHandlers();
  window.localStorage.clear();
  await changeLanguage('en');
  window.localStorage.clear();
  if (unhandled.length > 0) {
    const requests = unhandled.splice(0).join('\n  ');
    throw new Error(`Requests without an MSW handler:\n  ${requests}`);
  }
});

afterAll(() => {
  server.close();
});
