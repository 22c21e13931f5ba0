import { describe, expect, it } from 'vitest';
import css from './global.css?raw';

// Physical directions break right-to-left layouts; the logical equivalents work in both directions.
const physical = [
  /(margin|padding|border)-(left|right)\b/,
  /(^|[\s;{])(left|right)\s*:/,
  /text-align:\s*(left|right)/,
  /float:\s*(left|right)/,
  /clear:\s*(left|right)/,
  /border-(top|bottom)-(left|right)-radius/,
];

describe('global.css', () => {
  it('uses logical properties only', () => {
    const offending = css
      .split('\n')
      .map((line, index) => ({ line: line.trim(), number: index + 1 }))
      .filter(({ line }) => physical.some((pattern) => pattern.test(line)));
    expect(offending).toEqual([]);
  });
});
