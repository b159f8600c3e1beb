/**
 * Pure format validators shared by the contract (main and renderer).
 * They return a Chinese message saying what is wrong, or null when valid.
 */

const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Check digit of a 统一社会信用代码 (GB 32100-2015) for its first 17 characters. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_CHARS.indexOf(first17[i]!);
    if (v < 0) return null;
    sum += v * CREDIT_CODE_WEIGHTS[i]!;
  }
  const c = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_CHARS[c]!;
}

export function validateCreditCode(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  if (code.length !== 18) return `统一社会信用代码应为 18 位，当前为 ${code.length} 位`;
  for (const ch of code) {
    if (!CREDIT_CODE_CHARS.includes(ch)) {
      return `统一社会信用代码含有不允许的字符「${ch}」（不使用 I、O、Z、S、V）`;
    }
  }
  if (!/^[0-9]{6}$/.test(code.slice(2, 8))) return '统一社会信用代码第 3–8 位应为行政区划代码（6 位数字）';
  const expected = creditCodeCheckChar(code.slice(0, 17));
  if (expected !== code[17]) return `统一社会信用代码校验位不正确（按前 17 位计算应为「${expected}」），请核对后重新输入`;
  return null;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

export function idNumberCheckChar(first17: string): string | null {
  if (!/^[0-9]{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

/** 居民身份证号码 (GB 11643-1999): 18 characters, a real birth date, correct check character. */
export function validateIdNumber(raw: string): string | null {
  const id = raw.trim().toUpperCase();
  if (!/^[0-9]{17}[0-9X]$/.test(id)) return '身份证号应为 18 位：前 17 位为数字，最后一位为数字或 X';
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isCalendarDate(birth) || birth < '1900-01-01') return `身份证号中的出生日期（${birth}）不是有效日期`;
  if (idNumberCheckChar(id.slice(0, 17)) !== id[17]) return '身份证号校验位不正确，请核对后重新输入';
  return null;
}

/** "500101199001011234" -> "5001**********1234". Anything shorter keeps only its last 2 characters. */
export function maskIdNumber(id: string | null | undefined): string | null {
  if (!id) return null;
  if (id.length <= 8) return '*'.repeat(Math.max(0, id.length - 2)) + id.slice(-2);
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}

export function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  if (m < 1 || m > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

export function validatePhone(raw: string): string | null {
  const s = raw.trim();
  if (!/^[0-9+\-() 转]{3,30}$/.test(s)) return '电话号码只能包含数字、空格、+、-、括号或「转」，长度 3–30 位';
  if (!/[0-9]{3}/.test(s.replace(/[^0-9]/g, ''))) return '电话号码至少应包含 3 位数字';
  return null;
}
