/**
 * The fonts every format embeds: DejaVu (dejavu-fonts-ttf), which covers Latin, Greek and Cyrillic
 * so names in any EEA language render, and which is present wherever Breachdesk is installed
 * (an npm dependency, no system font needed).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const dir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export const FONT_FAMILY = 'DejaVu Sans';
export const FONTS = {
  regular: join(dir, 'DejaVuSans.ttf'),
  bold: join(dir, 'DejaVuSans-Bold.ttf'),
  mono: join(dir, 'DejaVuSansMono.ttf'),
};
