import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level: the same data always gives the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = sortKeys(x);
    }
    return out;
  }
  return v;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The short content fingerprint printed on paper: the first 12 hex digits of SHA-256(canonical data). */
export function fingerprintOf(data: unknown): { fingerprint: string; dataHash: string } {
  const dataHash = sha256Hex(canonicalJson(data));
  return { fingerprint: dataHash.slice(0, 12), dataHash };
}

/** Groups the fingerprint for reading aloud and typing: "3f2a 91c0 5b7e". */
export function formatFingerprint(fp: string): string {
  return fp.replace(/(.{4})(?=.)/g, '$1 ');
}
