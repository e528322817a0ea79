/**
 * US states, DC and territories other than the eight with files of their own (us-ca, us-ny, us-tx,
 * us-fl, us-ma, us-wa, us-co, us-il). Each jurisdiction is a `StateLaw` with every version of its
 * text since 2018-01-01 (us-common.ts); they live in alphabetical groups so no file grows past a
 * readable size, and are turned into rules here.
 */
import type { RuleInput } from '../rule.schema.js';
import { type StateLaw, stateRules } from './us-common.js';
import { LAWS_A_D } from './us-states-a-d.rules.js';
import { LAWS_G_L } from './us-states-g-l.rules.js';
import { LAWS_M } from './us-states-m.rules.js';
import { LAWS_N } from './us-states-n.rules.js';
import { LAWS_O_S } from './us-states-o-s.rules.js';
import { LAWS_T_W } from './us-states-t-w.rules.js';

export const US_STATE_LAWS: readonly StateLaw[] = [...LAWS_A_D, ...LAWS_G_L, ...LAWS_M, ...LAWS_N, ...LAWS_O_S, ...LAWS_T_W];

export const usStatesRules: RuleInput[] = US_STATE_LAWS.flatMap(stateRules);
