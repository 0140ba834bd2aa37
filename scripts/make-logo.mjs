// Draws the three logos, each for its own deck:
// - assets/logo.png, the default (Liangjiang) deck's: navy tile, white border (so it reads on the
//   navy title slide too), the initials of the Liangjiang New Area and an amber rule;
// - examples/assets/logo.png, the fictional Millbrook bike-share example's: a wheel and "MILLBROOK";
// - templates/init/assets/logo.png, the starter project's: a neutral "YOUR LOGO" placeholder.
import { writeFileSync } from 'node:fs';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';

GlobalFonts.registerFromPath('node_modules/@fontsource/carlito/files/carlito-latin-700-normal.woff2', 'Carlito');

/** A tile with a white border, as every logo sits on both the navy title slide and white footers. */
function tile(fill) {
  const canvas = createCanvas(480, 160);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#FFFFFF';
  ctx.beginPath();
  ctx.roundRect(0, 0, 480, 160, 28);
  ctx.fill();
  ctx.fillStyle = fill;
  ctx.beginPath();
  ctx.roundRect(8, 8, 464, 144, 22);
  ctx.fill();
  ctx.textBaseline = 'middle';
  return { canvas, ctx };
}

{
  const { canvas, ctx } = tile('#0B3C5D');
  ctx.fillStyle = '#FFFFFF';
  ctx.font = 'bold 84px Carlito';
  ctx.fillText('LNA', 36, 76);
  ctx.font = 'bold 38px Carlito';
  ctx.fillText('BRIEFING', 230, 66);
  ctx.fillStyle = '#D9822B';
  ctx.fillRect(232, 96, 200, 10);
  writeFileSync('assets/logo.png', await canvas.encode('png'));
}

{
  const { canvas, ctx } = tile('#1D4E5F');
  // A wheel: rim, hub and spokes.
  ctx.strokeStyle = '#E08A2C';
  ctx.lineWidth = 10;
  ctx.beginPath();
  ctx.arc(88, 80, 48, 0, Math.PI * 2);
  ctx.stroke();
  ctx.lineWidth = 4;
  for (let i = 0; i < 6; i++) {
    const a = (i * Math.PI) / 3;
    ctx.beginPath();
    ctx.moveTo(88, 80);
    ctx.lineTo(88 + 44 * Math.cos(a), 80 + 44 * Math.sin(a));
    ctx.stroke();
  }
  ctx.fillStyle = '#FFFFFF';
  ctx.font = 'bold 58px Carlito';
  ctx.fillText('MILLBROOK', 160, 68);
  ctx.font = 'bold 30px Carlito';
  ctx.fillStyle = '#E08A2C';
  ctx.fillText('BIKE SHARE', 162, 116);
  writeFileSync('examples/assets/logo.png', await canvas.encode('png'));
}

{
  const { canvas, ctx } = tile('#5B6775');
  ctx.strokeStyle = '#FFFFFF';
  ctx.lineWidth = 6;
  ctx.setLineDash([14, 10]);
  ctx.beginPath();
  ctx.roundRect(30, 30, 420, 100, 14);
  ctx.stroke();
  ctx.fillStyle = '#FFFFFF';
  ctx.font = 'bold 60px Carlito';
  ctx.textAlign = 'center';
  ctx.fillText('YOUR LOGO', 240, 82);
  writeFileSync('templates/init/assets/logo.png', await canvas.encode('png'));
}
