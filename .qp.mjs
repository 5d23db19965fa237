import pty from '@lydell/node-pty';
import { stripVTControlCharacters } from 'node:util';
const [bin, home, dir, extra] = process.argv.slice(2);
const t0 = performance.now();
const args = [...(dir ? ['--cpu-prof', '--cpu-prof-dir', dir] : []), bin, 'quiz', '--topic', 'spark', '--mode', 'mcq', '--count', '1'];
const p = pty.spawn(process.execPath, args, { cols: 110, rows: 40, cwd: process.cwd(), env: { ...process.env, PITCH_HOME: home, NO_COLOR: '' } });
let out = '';
p.onData((d) => { out += d; if (/Question 1\/1/.test(stripVTControlCharacters(out))) { const ms = performance.now() - t0; p.onExit(() => { console.log(ms.toFixed(0)); process.exit(0); }); p.write('\x03'); } });
