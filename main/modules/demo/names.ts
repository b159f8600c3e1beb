/** Deterministic generators for demo people: names, phone numbers, ID numbers. Pure. */
import { idNumberCheckChar } from '../../../preload/contract/validators.ts';

/** mulberry32: a small seeded PRNG so the demo is the same on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万严覃向汤冉';
const GIVEN_M = ['伟', '强', '磊', '军', '勇', '杰', '涛', '斌', '超', '明', '刚', '平', '辉', '鹏', '华', '飞', '鑫', '波', '宇', '浩', '建国', '志强', '小龙', '海涛', '建平', '文军', '国庆', '德明', '永红', '俊杰', '晓东', '天佑', '家豪', '子轩', '明辉', '春雷', '长江', '立新', '成林', '大勇'];
const GIVEN_F = ['芳', '娟', '敏', '静', '丽', '艳', '霞', '燕', '玲', '婷', '雪', '琴', '红', '梅', '兰', '秀英', '桂芳', '小红', '晓燕', '春梅', '丽萍', '雨欣', '思琪', '佳怡', '婉婷', '明月', '素华', '海燕'];

export function makeNamer(rand: () => number, reserved: readonly string[] = []) {
  const used = new Set<string>(reserved);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  return (gender: 'M' | 'F'): string => {
    for (let i = 0; i < 100; i++) {
      const name = pick([...SURNAMES]) + pick(gender === 'M' ? GIVEN_M : GIVEN_F);
      if (!used.has(name)) {
        used.add(name);
        return name;
      }
    }
    throw new Error('ran out of demo names');
  };
}

const PHONE_PREFIXES = ['133', '135', '136', '137', '138', '139', '150', '151', '152', '158', '159', '177', '180', '182', '186', '187', '189', '199'];

export function makePhone(rand: () => number): string {
  const prefix = PHONE_PREFIXES[Math.floor(rand() * PHONE_PREFIXES.length)]!;
  let rest = '';
  for (let i = 0; i < 8; i++) rest += Math.floor(rand() * 10);
  return prefix + rest;
}

/** Chongqing districts (江津, 九龙坡, 沙坪坝, 綦江, 永川, 璧山, 合川) and two Sichuan counties for dispatched workers. */
const AREA_CODES = ['500116', '500107', '500106', '500110', '500118', '500120', '500117', '511623', '510922'];

/** A well-formed, fictitious 居民身份证号 with a correct check character. */
export function makeIdNumber(rand: () => number, birthDate: string, gender: 'M' | 'F'): string {
  const area = AREA_CODES[Math.floor(rand() * AREA_CODES.length)]!;
  const seq2 = String(Math.floor(rand() * 100)).padStart(2, '0');
  let genderDigit = Math.floor(rand() * 5) * 2; // even for women
  if (gender === 'M') genderDigit += 1;
  const first17 = area + birthDate.replaceAll('-', '') + seq2 + String(genderDigit);
  return first17 + idNumberCheckChar(first17)!;
}
