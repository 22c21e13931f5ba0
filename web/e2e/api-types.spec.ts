import { checkApiTypes } from '../scripts/check-api-types.mjs';
import { expect, test } from './fixtures';

test('the generated API types match the running API', ({ baseURL }) => {
  const { ok, message } = checkApiTypes(`${baseURL ?? ''}/swagger/v1/swagger.json`);
  expect(ok, message).toBe(true);
});
