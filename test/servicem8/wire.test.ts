import { describe, expect, it } from 'vitest';
import { body, parse, WireFormatError } from '../../server/servicem8/wire.js';

describe('wire mapping (tolerant)', () => {
  it('ignores unknown fields and turns missing strings into ""', () => {
    expect(parse.job({ uuid: 'u1', generated_job_id: 1042, surprise: { nested: true } })).toEqual({
      uuid: 'u1', jobNumber: '1042', companyUuid: '', status: '', active: false, jobAddress: '', billingAddress: '',
      description: '', purchaseOrderNumber: '', totalInvoiceAmount: '0.00', invoiceSent: false, paymentReceived: false, editDate: '',
    });
  });

  it.each([
    [1, true], ['1', true], [true, true], [0, false], ['0', false], ['', false], [null, false], [undefined, false], ['yes', false],
  ])('maps boolean %j to %s', (wire, expected) => {
    expect(parse.task({ uuid: 'u', task_complete: wire, active: wire }).complete).toBe(expected);
  });

  it.each([
    ['349.00', '349.00'], ['349', '349.00'], [349.5, '349.50'], ['1,234.5', '1234.50'], ['', '0.00'], ['n/a', '0.00'],
  ])('maps money %j to the decimal string %s', (wire, expected) => {
    expect(parse.paymentList([{ uuid: 'p', amount: wire }])[0]?.amount).toBe(expected);
  });

  it('takes the date part of a task due date that comes back with a time', () => {
    expect(parse.task({ uuid: 't', due_date: '2025-11-28 00:00:00' }).dueDate).toBe('2025-11-28');
  });

  it('rejects bodies of the wrong shape and skips non-object list items', () => {
    expect(() => parse.jobList({ errorCode: 0 })).toThrow(WireFormatError);
    expect(() => parse.job([])).toThrow(WireFormatError);
    expect(() => parse.vendor([])).toThrow(WireFormatError);
    expect(parse.noteList([null, 'x', { uuid: 'n', note: 'hi', related_object_uuid: 'j', active: 1 }])).toEqual([
      { uuid: 'n', jobUuid: 'j', note: 'hi', active: true, createDate: '' },
    ]);
  });

  it('builds partial task updates with ServiceM8 types (task_complete string, active integer)', () => {
    expect(body.taskUpdate({ complete: true, active: false })).toEqual({ task_complete: '1', active: 0 });
    expect(body.taskUpdate({})).toEqual({});
  });
});
