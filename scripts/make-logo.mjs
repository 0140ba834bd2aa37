// Draws assets/logo.png, the default deck's logo: navy tile, white border (so it reads on the
// navy title slide too), the initials of the Liangjiang New Area and an amber rule.
import { writeFileSync } from 'node:fs';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';

GlobalFonts.registerFromPath('node_modules/@fontsource/carlito/files/carlito-latin-700-normal.woff2', 'Carlito');
const canvas = createCanvas(480, 160);
const ctx = canvas.getContext('2d');
ctx.fillStyle = '#FFFFFF';
ctx.beginPath();
ctx.roundRect(0, 0, 480, 160, 28);
ctx.fill();
ctx.fillStyle = '#0B3C5D';
ctx.beginPath();
ctx.roundRect(8, 8, 464, 144, 22);
ctx.fill();
ctx.fillStyle = '#FFFFFF';
ctx.font = 'bold 84px Carlito';
ctx.textBaseline = 'middle';
ctx.fillText('LNA', 36, 76);
ctx.font = 'bold 38px Carlito';
ctx.fillText('BRIEFING', 230, 66);
ctx.fillStyle = '#D9822B';
ctx.fillRect(232, 96, 200, 10);
writeFileSync('assets/logo.png', await canvas.encode('png'));
