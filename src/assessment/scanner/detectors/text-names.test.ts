import { describe, expect, it } from 'vitest';
import type { ValueFinding } from '../types.js';
import { nameWords } from './text-names.js';

const names = (t: string) => {
  const out: ValueFinding[] = [];
  nameWords(t, out);
  return out.map((f) => f.value);
};

describe('person names in free text without a cue (issue 14 §5)', () => {
  it('finds given name + surname runs from the embedded lists, in several languages', () => {
    expect(names('Please ask Jennifer Wilson to call back')).toEqual(['Jennifer Wilson']);
    expect(names('Der Vertrag wurde von Jürgen Schneider unterschrieben')).toEqual(['Jürgen Schneider']);
    expect(names("I want to add Hannah Kowalski as a beneficiary; Wisława Szczepańska's file too")).toEqual(['Hannah Kowalski', 'Wisława Szczepańska']);
  });
  it('takes given name, initial, surname by its form', () => {
    expect(names('change it to Soib K. Kishiev please')).toEqual(['Soib K. Kishiev']);
  });
  it('takes a lone given name, but a lone surname not at a sentence start or after "to"', () => {
    expect(names('Enrico shouted at Gary')).toEqual(['Enrico', 'Gary']);
    expect(names('Mrs. Schwarz flew to Coles on Sunday')).not.toContain('Coles');
  });
  it('leaves common words, places after a house number and upper-case codes alone', () => {
    expect(names('Thank You for the New York order')).toEqual([]);
    expect(names('sent to 137 Colorado Springs yesterday')).toEqual([]);
    expect(names('INFO auth: login OK for USER ADMIN')).toEqual([]);
  });
});
