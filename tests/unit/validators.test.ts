import { describe, expect, it } from 'vitest';
import {
  creditCodeCheckChar,
  idNumberCheckChar,
  isCalendarDate,
  maskIdNumber,
  validateCreditCode,
  validateIdNumber,
  validatePhone,
} from '../../preload/contract/validators.ts';

describe('统一社会信用代码', () => {
  it('accepts the GB 32100 example and codes with a computed check character', () => {
    expect(validateCreditCode('91350100M000100Y43')).toBeNull();
    expect(validateCreditCode('91500116MA5UXK8Y0E')).toBeNull();
    expect(validateCreditCode(' 91500116ma5uxk8y0e ')).toBeNull();
  });

  it('computes the check character as 31 − (Σ value × 3^i mod 31)', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(creditCodeCheckChar('short')).toBeNull();
  });

  it('says what is wrong', () => {
    expect(validateCreditCode('91350100M000100Y44')).toMatch(/校验位不正确.*应为「3」/);
    expect(validateCreditCode('9135010')).toMatch(/应为 18 位，当前为 7 位/);
    expect(validateCreditCode('91350100M000100YI3')).toMatch(/不允许的字符「I」/);
    expect(validateCreditCode('91AB0100M000100Y43')).toMatch(/行政区划代码/);
  });
});

describe('居民身份证号', () => {
  it('accepts a well-formed number, lower-case x included', () => {
    const first17 = '11010519491231002';
    expect(idNumberCheckChar(first17)).toBe('X');
    expect(validateIdNumber(`${first17}X`)).toBeNull();
    expect(validateIdNumber(`${first17}x`)).toBeNull();
  });

  it('rejects bad length, impossible birth dates and wrong check characters', () => {
    expect(validateIdNumber('1101051949123100')).toMatch(/18 位/);
    expect(validateIdNumber('110105194902300021')).toMatch(/出生日期（1949-02-30）不是有效日期/);
    expect(validateIdNumber('110105194912310021')).toMatch(/校验位不正确/);
  });

  it('is masked as 4 + stars + 4, never shown whole', () => {
    expect(maskIdNumber('500116199001011234')).toBe('5001**********1234');
    expect(maskIdNumber(null)).toBeNull();
    expect(maskIdNumber('1234')).toBe('**34');
  });
});

describe('dates and phones', () => {
  it('knows real calendar dates, leap years included', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-1-01')).toBe(false);
  });

  it('accepts office and mobile numbers, rejects letters', () => {
    expect(validatePhone('023-47661000')).toBeNull();
    expect(validatePhone('13983001234')).toBeNull();
    expect(validatePhone('023-4766 1000 转 8012')).toBeNull();
    expect(validatePhone('abc')).toMatch(/只能包含数字/);
  });
});
