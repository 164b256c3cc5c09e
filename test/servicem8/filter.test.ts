import { describe, expect, it } from 'vitest';
import { buildFilter, encodeQuery, type FilterClause } from '../../server/servicem8/filter.js';
import { ServiceM8InputError } from '../../server/servicem8/errors.js';
import { startServiceM8Sim } from '../helpers/servicem8-sim.js';

describe('$filter builder', () => {
  it('joins eq/ne/gt/lt clauses with and, quoting strings and leaving numbers bare', () => {
    expect(buildFilter([
      ['related_object_uuid', 'eq', '5e3d0005-0000-4000-8000-000000001042'], ['active', 'eq', 1],
      ['status', 'ne', 'Quote'], ['edit_date', 'gt', '2025-11-01 00:00:00'], ['amount', 'lt', 500],
    ])).toBe("related_object_uuid eq '5e3d0005-0000-4000-8000-000000001042' and active eq 1 and status ne 'Quote' and edit_date gt '2025-11-01 00:00:00' and amount lt 500");
  });

  it.each(['ge', 'le', 'or', 'and', 'like'])('refuses the operator %s', (op) => {
    expect(() => buildFilter([['active', op as 'eq', 1]])).toThrow(ServiceM8InputError);
  });

  it('refuses more than 10 clauses, none at all, odd field names, quotes and over-long values', () => {
    const clause: FilterClause = ['active', 'eq', 1];
    expect(() => buildFilter(Array.from({ length: 10 }, () => clause))).not.toThrow();
    expect(() => buildFilter(Array.from({ length: 11 }, () => clause))).toThrow(/at most 10/);
    expect(() => buildFilter([])).toThrow(ServiceM8InputError);
    expect(() => buildFilter([['active) or (1', 'eq', 1]])).toThrow(/field name/);
    expect(() => buildFilter([['name', 'eq', "O'Brien"]])).toThrow(/single quote/);
    expect(() => buildFilter([['name', 'eq', 'x'.repeat(256)]])).toThrow(/255/);
    expect(() => buildFilter([['amount', 'gt', Number.NaN]])).toThrow(/finite/);
  });

  it('encodes the query fully, $ and quotes included', () => {
    expect(encodeQuery({ $filter: "status eq 'Work Order'", cursor: '-1' }))
      .toBe('%24filter=status%20eq%20%27Work%20Order%27&cursor=-1');
  });

  it('stops the client before any request when a filter value is not expressible', async () => {
    const run = await startServiceM8Sim();
    try {
      await expect(run.client().listJobs({ jobNumber: "10'42" })).rejects.toBeInstanceOf(ServiceM8InputError);
      expect(run.sim.requests).toHaveLength(0);
    } finally {
      await run.close();
    }
  });
});
