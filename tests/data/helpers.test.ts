import { describe, expect, it } from 'vitest';
import { loadTestScheme } from './helpers';

describe('test scheme helper', () => {
  it('loads the inline scheme without diagnostics', () => {
    const s = loadTestScheme();
    expect([...s.fields.keys()]).toEqual([
      'population',
      'births',
      'births_in_policy',
      'boys',
      'girls',
      'satisfaction',
      'has_office',
    ]);
    expect(s.levels.map((l) => l.id)).toEqual(['township', 'county']);
    expect(s.fields.get('satisfaction')!.level).toBe(1);
    expect(s.checks.map((c) => [c.id, c.severity, c.fields])).toEqual([
      ['policy_le_births', 'error', ['births_in_policy', 'births']],
      ['sexes_add_up', 'warning', ['boys', 'girls', 'births']],
    ]);
  });

  it('throws when the scheme has diagnostics', () => {
    expect(() => loadTestScheme('id: x\n')).toThrow(/test scheme does not load/);
  });
});
