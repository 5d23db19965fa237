import { readFileSync } from 'node:fs';
const s = readFileSync('/tmp/s17b/out-before-100k.json', 'utf8');
const { keepColoursOnly } = await import('./dist/cli/' + (await import('node:fs')).readdirSync('./dist/cli').find((f) => f.startsWith('chunk-') && readFileSync('./dist/cli/' + f, 'utf8').includes('function keepColoursOnly')));
let t = performance.now(); keepColoursOnly(s); console.log('keep', (performance.now() - t).toFixed(1));
const o = JSON.parse(s);
t = performance.now(); const j = JSON.stringify(o, null, 2); console.log('stringify', (performance.now() - t).toFixed(1), j.length);
t = performance.now(); JSON.stringify(o); console.log('stringify compact', (performance.now() - t).toFixed(1));
