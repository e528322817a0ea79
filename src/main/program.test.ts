import { describe, expect, it } from 'vitest';
import { createProgram, onlyCommand } from './program.js';

describe('breachdesk program', () => {
  it('registers `scan` or `flows` alone when it is the command (their start-up loads nothing else), every command otherwise', async () => {
    expect([onlyCommand('flows'), onlyCommand('scan'), onlyCommand('intake'), onlyCommand(undefined)]).toEqual(['flows', 'scan', undefined, undefined]);
    const names = async (only?: 'scan' | 'flows') => (await createProgram({ only })).commands.map((c) => c.name());
    expect(await names('flows')).toEqual(['flows']);
    expect((await createProgram({ only: 'flows' })).commands[0]!.commands.map((c) => c.name())).toEqual(['analyse']);
    expect(await names('scan')).toEqual(['scan']);
    const all = await names();
    expect(all).toEqual(expect.arrayContaining(['flows', 'scan', 'intake', 'serve']));
  });
});
