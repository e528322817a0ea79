import { describe, expect, it } from 'vitest';
import type { ValueFinding } from '../types.js';
import { nameWords } from './text-names.js';
import { NAME_STRONG, NAME_WEAK } from './text-people.js';
import { PREFILTER_WORDS, scanText } from './text-scan.js';

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

// Through scanText: the cue, veto and list rules of text-name-context.ts (invented names).
const people = (t: string) =>
  scanText(t)
    .elements.filter((f) => f.element === 'person_name')
    .map((f) => f.value);

describe('person names in free text: context rules (issue 14 §5)', () => {
  it('every name cue word reaches the detector through the keyword prefilter', () => {
    for (const w of [...NAME_STRONG, ...NAME_WEAK]) expect(PREFILTER_WORDS).toContain(w);
    // Names without a cue do not depend on the prefilter: a text with no keyword at all still yields them.
    expect(people('Ulf Brandtsdóttir and Jennifer Wilson were precision engineers')).toEqual(expect.arrayContaining(['Ulf Brandtsdóttir', 'Jennifer Wilson']));
  });
  it('surname shapes of several languages make a run a name without a list entry', () => {
    expect(people('We met Ulf Brandtsdóttir yesterday')).toContain('Ulf Brandtsdóttir');
    expect(people('The file of Zorka Milanković is here')).toContain('Zorka Milanković');
    expect(people('Please ask Oksana Petrenko about it')).toContain('Oksana Petrenko');
  });
  it('greetings, relations and speech verbs are cues for a word no list holds', () => {
    expect(people('Hi Quorvin, your parcel is late')).toEqual(['Quorvin']);
    expect(people('I would like to remove my kid Tazmir from the will')).toEqual(['Tazmir']);
    expect(people('"We are done here," says Wrenlo.')).toEqual(['Wrenlo']);
    expect(people('Velquist had given his keys away')).toEqual(['Velquist']);
    expect(people("What's your last name? Ostrander")).toEqual(['Ostrander']);
  });
  it('an article before a run and a greeting are not part of the name', () => {
    expect(people('The Hannah Kowalski version sold well')).toEqual(['Hannah Kowalski']);
    expect(people('Killed My Baby was a hit')).toEqual([]);
  });
  it('organisation, street and place words, a house number after, titles and nationalities veto a run', () => {
    expect(people('Russell Investments is a design agency')).toEqual([]);
    expect(people('the corner of Elm and Leokadia Trail')).not.toContain('Leokadia Trail');
    expect(people('The bus station is on Peter Zuidhove 188')).toEqual([]);
    expect(people('The Princess Royal arrived this morning')).toEqual([]);
    expect(people('please change it to Ivan King')).toEqual(['Ivan King']);
    expect(people('There is a nice Czech place downtown')).toEqual([]);
    expect(people("I'm in Den Haag and Los Angeles next week")).toEqual([]);
  });
  it('a list of people takes its unknown members along; three bare surnames without one are a firm', () => {
    expect(people('Our 3 founders: Qelvani, Graves and Jennifer.')).toEqual(expect.arrayContaining(['Qelvani', 'Graves', 'Jennifer']));
    expect(people('Brevik and Jennifer were precision engineers.')).toEqual(expect.arrayContaining(['Brevik', 'Jennifer']));
    expect(people('Lopez, Santos and Coleman is a design agency based in Espoo.')).toEqual([]);
  });
  it('dialogue speakers: other labels count once two of them are names', () => {
    expect(people('Quorvin: What a day.\nJennifer: Remember me, Mary?\nJohn: You saved my life!')).toEqual(expect.arrayContaining(['Quorvin', 'Jennifer', 'John']));
    expect(people('Error: disk full\nWarning: retrying\nInfo: done')).toEqual([]);
  });
  it('all-lower-case text: listed given name + surname, a name after a strong cue, lists of given names', () => {
    expect(people('follow up with patricia kowalski in a couple of months.')).toEqual(['patricia kowalski']);
    expect(people('sometimes people call me jennifer')).toEqual(['jennifer']);
    expect(people('they had 3: jennifer, michael and quorvin.')).toEqual(expect.arrayContaining(['jennifer', 'michael', 'quorvin']));
    expect(people('error connecting to the database, retry in 5 s')).toEqual([]);
  });
  it('a "name" inside a street address is part of the address', () => {
    expect(people('Meet me at 7943 2027 Prospect St, Dehylov, Czech Republic')).toEqual([]);
    expect(people('Our offices are located at USNS Wrenlo\nFPO AA 85844')).toEqual([]);
  });
});
