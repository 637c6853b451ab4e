import { expect, test } from 'vitest';
import { matchPath } from './router';

test.each([
  ['/', '/', {}],
  ['/e/:editionId', '/e/abc-123', { editionId: 'abc-123' }],
  ['/e/:editionId', '/e/abc-123/', { editionId: 'abc-123' }],
  ['/manage/:token', '/manage/a%2Fb', { token: 'a/b' }],
  ['/e/:editionId', '/e', null],
  ['/e/:editionId', '/e/1/2', null],
  ['/manage/:token', '/manage/%E0%A4%A', null],
  ['/', '/nope', null],
] as const)('%s matches %s as %j', (pattern, path, expected) => {
  expect(matchPath(pattern, path)).toEqual(expected);
});
