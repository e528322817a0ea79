/**
 * A synthetic leaked file for a drill (pure, deterministic per seed): people of the chosen
 * jurisdictions with names, e-mail addresses, phone numbers and dates of birth. Every value is
 * invented (example.test / reserved-looking numbers), so a drill never handles real personal data.
 */
import { mulberry32 as prng } from '../../platform/prng.js';

const NAMES: Record<string, { first: string[]; last: string[]; phone: string }> = {
  DE: { first: ['Anna', 'Jonas', 'Lena', 'Lukas'], last: ['Schmidt', 'Weber', 'Fischer', 'Müller'], phone: '+49 30 ' },
  FR: { first: ['Camille', 'Louis', 'Chloé', 'Hugo'], last: ['Martin', 'Bernard', 'Dubois', 'Lefèvre'], phone: '+33 1 ' },
  NL: { first: ['Sanne', 'Daan', 'Emma', 'Bram'], last: ['de Jong', 'Jansen', 'de Vries', 'Bakker'], phone: '+31 20 ' },
  GB: { first: ['Olivia', 'George', 'Amelia', 'Harry'], last: ['Smith', 'Jones', 'Taylor', 'Brown'], phone: '+44 20 ' },
  IE: { first: ['Aoife', 'Seán', 'Niamh', 'Cian'], last: ['Murphy', 'Kelly', "O'Brien", 'Walsh'], phone: '+353 1 ' },
  ES: { first: ['Lucía', 'Hugo', 'Martina', 'Mateo'], last: ['García', 'Fernández', 'López', 'Martínez'], phone: '+34 91 ' },
  IT: { first: ['Giulia', 'Leonardo', 'Sofia', 'Francesco'], last: ['Rossi', 'Russo', 'Ferrari', 'Esposito'], phone: '+39 06 ' },
  PT: { first: ['Maria', 'João', 'Beatriz', 'Tiago'], last: ['Silva', 'Santos', 'Ferreira', 'Pereira'], phone: '+351 21 ' },
  PL: { first: ['Zofia', 'Jakub', 'Łucja', 'Antoni'], last: ['Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik'], phone: '+48 22 ' },
  SE: { first: ['Alice', 'Oscar', 'Maja', 'Lucas'], last: ['Andersson', 'Johansson', 'Karlsson', 'Nilsson'], phone: '+46 8 ' },
};


const ascii = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-zA-Z]/g, '').toLowerCase();

export function syntheticLeakCsv(jurisdictions: string[], rows: number, seed = 1): string {
  const rnd = prng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const lines = ['first_name,last_name,email,phone,date_of_birth,country'];
  for (let i = 0; i < rows; i++) {
    const j = jurisdictions[i % jurisdictions.length]!;
    const n = NAMES[j] ?? NAMES.GB!;
    const first = pick(n.first);
    const last = pick(n.last);
    const dob = `19${50 + Math.floor(rnd() * 50)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
    const phone = `${n.phone}${String(1000000 + Math.floor(rnd() * 8999999))}`;
    const cell = (s: string) => (/[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
    lines.push([first, last, `${ascii(first)}.${ascii(last)}${i}@example.test`, phone, dob, j].map(cell).join(','));
  }
  return `${lines.join('\n')}\n`;
}

export const LEAK_JURISDICTIONS = Object.keys(NAMES);
