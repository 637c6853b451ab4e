import type { Design } from './design.js';

/**
 * Known resolvable designs that the transversal construction cannot give, stored as verified
 * data (test: stored-designs.test.ts checks every pair meets at most once). Points are base-36
 * digits; rounds are separated by `|`, tables by spaces.
 */
interface StoredDesign {
  readonly name: string;
  readonly rounds: string;
}

const STORED: readonly StoredDesign[] = [
  {
    // Kirkman's schoolgirl problem, KTS(15): 15 people, 5 tables of 3, 7 rounds, every pair once.
    name: 'kirkman-triple-system(15)',
    rounds:
      '012 345 678 9ab cde|036 149 25c 7ad 8be|04d 13e 27b 58a 69c|08c 16b 23a 47e 59d|' +
      '079 1ac 248 3bd 56e|05b 18d 29e 37c 46a|0ae 157 26d 389 4bc',
  },
  {
    // Social golfer 8-4-10 (existence first shown by Aguado, 2004): 32 people, 8 tables of 4,
    // 10 rounds, no pair twice; 10 is the most possible (each person meets 3 new people a round,
    // 31 others). A published schedule (as collected in the literature list of
    // fpvandoorn/Dagstuhl-tables, 0-f = A-P, g-v = a-p there), re-encoded; verified by test. Our own
    // searches (1-rotational over Z31, Z10/Z5 orbits with tabu search) reached 10 rounds with 10
    // repeated pairs at best, so this stays a stored design.
    name: 'social-golfer(8-4-10)',
    rounds:
      '0123 4567 89ab cdef ghij klmn opqr stuv|048s 1im7 35av jlqf gkoc h26n pbdu 9rte|' +
      '0lru 1nqs 36od g5be h7ac 2k9f i4pv jm8t|0iob 1jpa h39q 5muf l6ev g28r 4nct k7sd|' +
      '0mad 14rf 378u jnoe hkbv 2lps i59c g6qt|0n9v 15ot i3se hl8d k6ar 2jcu 4mqb g7pf|' +
      '0jk5 169u g34l inrd oasf 27bt hmpe 8qcv|0htf g1dv 3mrc ikqu l7o9 24ae 5n8p j6bs|' +
      '06pc 1k8e 3nbf gm9s ilat 25qd h4ou j7rv|07qe 1lbc 3kpt h5rs i68f 2mov j49d gnau',
  },
];

/** The stored designs decoded as rounds of tables of point numbers. */
export function listStoredDesigns(): { name: string; rounds: number[][][] }[] {
  return STORED.map((d) => ({
    name: d.name,
    rounds: d.rounds.split('|').map((round) => round.split(' ').map((table) => [...table].map((ch) => parseInt(ch, 36)))),
  }));
}

/**
 * Stored designs usable for `participants` people: we drop the highest points, and only when
 * every table keeps a size within [min, max] in every used round.
 */
export function findStoredDesigns(participants: number, rounds: number, min: number, max: number): Design[] {
  const found: Design[] = [];
  for (const stored of listStoredDesigns()) {
    const tables = stored.rounds[0]!.length;
    const points = stored.rounds[0]!.reduce((sum, t) => sum + t.length, 0);
    if (participants > points) continue;
    const used = Math.min(rounds, stored.rounds.length);
    const tableAt = new Int32Array(used * points);
    let fits = true;
    for (let r = 0; r < used && fits; r++) {
      stored.rounds[r]!.forEach((table, t) => {
        let kept = 0;
        for (const p of table) {
          tableAt[r * points + p] = t;
          if (p < participants) kept++;
        }
        if (kept < min || kept > max) fits = false;
      });
    }
    if (!fits) continue;
    const holes: number[] = [];
    for (let p = participants; p < points; p++) holes.push(p);
    found.push({
      name: stored.name,
      tables,
      points,
      rounds: used,
      tableAt,
      groupOf: new Int32Array(points).fill(-1),
      holes,
      includesModerators: false,
    });
  }
  return found;
}
