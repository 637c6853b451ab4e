import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, appendFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { rotateJanusLog } from './janus-supervisor.js';

describe('Janus log cap', () => {
  const dirs: string[] = [];
  const logIn = () => {
    const dir = mkdtempSync(join(tmpdir(), 'tablehop-janus-log-'));
    dirs.push(dir);
    return join(dir, 'janus.log');
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  test('a log under the cap stays; one over it becomes janus.log.1, replacing the older one', () => {
    const log = logIn();
    expect(rotateJanusLog(log, 100, false)).toBe(false); // no log yet
    writeFileSync(log, 'x'.repeat(100));
    expect(rotateJanusLog(log, 100, false)).toBe(false);
    writeFileSync(`${log}.1`, 'oldest');
    appendFileSync(log, 'y');
    expect(rotateJanusLog(log, 100, false)).toBe(true);
    expect(existsSync(log)).toBe(false);
    expect(readFileSync(`${log}.1`, 'utf8')).toBe(`${'x'.repeat(100)}y`);
  });

  test('while Janus writes (append mode), the log is copied and emptied in place, and later lines land in it', () => {
    const log = logIn();
    const fd = openSync(log, 'a'); // as Janus' log.c: fopen(logfile, "a…")
    writeSync(fd, 'a'.repeat(200));
    expect(rotateJanusLog(log, 100, true)).toBe(true);
    writeSync(fd, 'after\n');
    closeSync(fd);
    expect(readFileSync(`${log}.1`, 'utf8')).toBe('a'.repeat(200));
    expect(readFileSync(log, 'utf8')).toBe('after\n');
  });
});
