/** Arithmetic of GF(q) on the integers 0..q-1. */
export interface FiniteField {
  readonly q: number;
  readonly sub: (a: number, b: number) => number;
  readonly mul: (a: number, b: number) => number;
}

/** Largest non-prime order we build log tables for (two arrays of q entries). */
export const MAX_TABLE_ORDER = 65_536;

/** True when `q` is prime (trial division is plenty for table counts). */
export function isPrime(q: number): boolean {
  if (q < 2 || !Number.isInteger(q)) return false;
  for (let d = 2; d * d <= q; d++) if (q % d === 0) return false;
  return true;
}

/** `q = p^k` with p prime, or null. */
export function primePower(q: number): { p: number; k: number } | null {
  if (!Number.isInteger(q) || q < 2) return null;
  let p = 2;
  while (q % p !== 0) p++;
  let k = 0;
  let rest = q;
  while (rest % p === 0) {
    rest /= p;
    k++;
  }
  return rest === 1 && isPrime(p) ? { p, k } : null;
}

/**
 * GF(q) for a prime power q: Z_q when q is prime, otherwise polynomials over Z_p of degree < k
 * (base-p digits of the integer are the coefficients) modulo a primitive polynomial, found by
 * trying candidates until x generates all q - 1 non-zero elements; multiplication then uses
 * log / antilog tables. Null when q is no prime power or above MAX_TABLE_ORDER.
 */
export function createField(q: number): FiniteField | null {
  if (isPrime(q)) {
    return { q, sub: (a, b) => (((a - b) % q) + q) % q, mul: (a, b) => (a * b) % q };
  }
  const pp = primePower(q);
  if (pp === null || q > MAX_TABLE_ORDER) return null;
  const { p, k } = pp;
  const top = p ** (k - 1);
  const sub = (a: number, b: number): number => {
    if (p === 2) return a ^ b;
    let out = 0;
    for (let i = 0, place = 1; i < k; i++, place *= p) {
      out += (((Math.floor(a / place) % p) - (Math.floor(b / place) % p) + p) % p) * place;
    }
    return out;
  };
  // x * a with x^k = -c(x): shift the digits up, then subtract the top digit times c(x).
  const timesX = (a: number, c: number): number => {
    const lead = Math.floor(a / top);
    let shifted = (a % top) * p;
    for (let i = 0; i < lead; i++) shifted = sub(shifted, c);
    return shifted;
  };
  for (let c = 1; c < q; c++) {
    const exp = new Int32Array(q - 1);
    const log = new Int32Array(q).fill(-1);
    let e = 1;
    let primitive = true;
    for (let i = 0; i < q - 1; i++) {
      if (log[e] !== -1) {
        primitive = false;
        break;
      }
      exp[i] = e;
      log[e] = i;
      e = timesX(e, c);
    }
    if (!primitive || e !== 1) continue;
    const mul = (a: number, b: number): number => (a === 0 || b === 0 ? 0 : exp[(log[a]! + log[b]!) % (q - 1)]!);
    return { q, sub, mul };
  }
  return null;
}
