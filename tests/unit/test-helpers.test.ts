import { describe, expect, it } from 'vitest';
import type { Result } from '../../shared/errors';
import { failure } from '../helpers';

describe('failure(r): a test helper that cannot pass when the call succeeds', () => {
  it('returns the error of a failed call', () => {
    const r: Result<number> = { ok: false, error: { code: 'FORBIDDEN', message: 'Nie masz uprawnień do tej czynności.' } };
    expect(failure(r)).toEqual({ code: 'FORBIDDEN', message: 'Nie masz uprawnień do tej czynności.' });
  });

  it('throws, naming the value, when the call succeeded', () => {
    const r: Result<{ id: string }> = { ok: true, value: { id: 'f-1' } };
    expect(() => failure(r)).toThrow('expected the call to fail, but it succeeded with: {"id":"f-1"}');
  });
});
